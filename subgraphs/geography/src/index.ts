export { createSubgraph, entities, type GeographyOptions } from './app';
export { loadConfig, NAME, DEFAULT_PORT } from './config';
export { createGeographyContext, type GeographyContext } from './context';
export { buildGeographySchema } from './schema';
export { seedGeography } from './seed';
export { migrations } from './migrations';
export { subgraphModule } from './module';
