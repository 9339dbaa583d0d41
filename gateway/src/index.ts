export { createGateway, type Gateway, type GatewayContext, type GatewayStats } from './app';
export { loadGatewayConfig, SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from './config';
export * from './auth';
export { exportHandler, flatten, toCsv, toXlsx, loadExcelJs, XLSX_INSTALL_COMMAND, type Table, type Cell } from './export';
export {
  loadSavedOperations,
  manifestOf,
  manifestText,
  sha256,
  DEFAULT_OPERATIONS_DIR,
  MANIFEST_FILE,
  type SavedOperation,
  type PersistedQueryManifest,
} from './operations';
export { OPERATION_NOT_IN_SAFELIST } from './safelist';
export { PLAYGROUND_CSP, QUERY_PLAN_HEADER, type PlaygroundConfig } from './playground';
