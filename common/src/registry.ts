/**
 * The subgraph registry: the one list of the platform's subgraphs. Everything that lists them
 * reads it — the gateway (names and default ports only), `npm start`, the bench, the tests'
 * harness and schema composition (which also writes `schema/supergraph.yaml` from it). Adding a
 * subgraph is one entry here plus its package, which exports a `subgraphModule` descriptor (the
 * kit's `SubgraphModule`: `createSubgraph`, `buildSchema`, `seed`, `migrations`).
 */

/** One subgraph of the platform. */
export interface SubgraphEntry {
  /** Its one name: folder (`subgraphs/<name>`), `supergraph.yaml` key, `<NAME>_URL`/`<NAME>_PORT` prefix. */
  readonly name: string;
  /** The port it listens on when `<NAME>_PORT` is unset. */
  readonly defaultPort: number;
  /** Its npm package; `require(package).subgraphModule` is its descriptor (never loaded by the gateway). */
  readonly package: string;
}

/** The platform's subgraphs, in start and composition order. */
export const SUBGRAPHS = [
  { name: 'geography', defaultPort: 4001, package: '@kh02/geography' },
  { name: 'tasks', defaultPort: 4002, package: '@kh02/tasks' },
  { name: 'readiness', defaultPort: 4003, package: '@kh02/readiness' },
] as const satisfies readonly SubgraphEntry[];

/** A registered subgraph's name. */
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

/** The registered names, in registry order. */
export const SUBGRAPH_NAMES: readonly SubgraphName[] = SUBGRAPHS.map((s) => s.name);

/** The registry entry named `name`; throws, listing the known names, when there is none. */
export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`No subgraph named "${name}" in the registry (known: ${SUBGRAPH_NAMES.join(', ')}).`);
  return entry;
}

/** The environment variable that sets a subgraph's port: `GEOGRAPHY_PORT`. */
export function portVariable(name: string): string {
  return `${name.toUpperCase()}_PORT`;
}

/** The environment variable that sets the URL the gateway routes a subgraph to: `GEOGRAPHY_URL`. */
export function urlVariable(name: string): string {
  return `${name.toUpperCase()}_URL`;
}

/** The environment variable that chooses a subgraph's database: `GEOGRAPHY_DATABASE_URL`. */
export function databaseUrlVariable(name: string): string {
  return `${name.toUpperCase()}_DATABASE_URL`;
}
