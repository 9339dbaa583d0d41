import { readFileSync } from 'node:fs';

/** What every bench server process reads from its environment (set by the bench). */
export interface ServerEnv {
  port: number;
  /** Supergraph SDL with the routing URLs of this run's subgraph processes. */
  supergraphSdl: string;
  secret: string;
  /** The identity token the stock and peer arms send to the subgraphs in place of the project gateway's (an anonymous reader, signed by the bench). */
  identity: string;
  /** `sqlite:<file>` per subgraph name (monolith, floor). */
  databases: Record<string, string>;
}

export function serverEnv(): ServerEnv {
  const e = process.env;
  if (!e.BENCH_PORT || !e.BENCH_SUPERGRAPH) throw new Error('BENCH_PORT and BENCH_SUPERGRAPH must be set: this process is started by `npm run bench`.');
  return {
    port: Number(e.BENCH_PORT),
    supergraphSdl: readFileSync(e.BENCH_SUPERGRAPH, 'utf8'),
    secret: e.BENCH_SECRET ?? '',
    identity: e.BENCH_IDENTITY ?? '',
    databases: JSON.parse(e.BENCH_DATABASES ?? '{}') as Record<string, string>,
  };
}

/** Logs a fatal start-up error and exits, so the bench sees the reason in the process's output. */
export function fail(error: unknown): never {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
