export { createGateway, type Gateway, type GatewayContext, type GatewayStats } from './app';
export { loadGatewayConfig, SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from './config';
export * from './auth';
