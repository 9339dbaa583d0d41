import { loadSubgraphConfig, subgraphEntry, type SubgraphConfig } from '@kh02/subgraph-kit';

/** The subgraph's one name: folder, package, supergraph.yaml key, GEOGRAPHY_URL. */
export const NAME = 'geography';
/** Default port (GEOGRAPHY_PORT), from the subgraph registry. */
export const DEFAULT_PORT = subgraphEntry(NAME).defaultPort;

/** Reads and validates this subgraph's configuration from the environment. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<SubgraphConfig> {
  return loadSubgraphConfig(NAME, DEFAULT_PORT, env);
}
