/**
 * `npm run migrate [-- --seed] [-- --only <name>]`: applies every registered subgraph's pending
 * migrations to its database — the explicit step production needs, since a production subgraph
 * never migrates at start (it refuses to start on a database that is behind). With `--seed` it
 * also writes the default dataset into a database that is still empty.
 *
 * Each subgraph's database is `<NAME>_DATABASE_URL` (e.g. `TASKS_DATABASE_URL`); `DATABASE_URL`
 * is used only with `--only`, as one subgraph's container would set it; unset: the default SQLite
 * file under `DATA_DIR`. Pool, statement timeout and TLS come from the same `DATABASE_*`
 * variables the subgraphs read. Prints one line per subgraph; exit code 1 on any failure, 2 on a
 * usage mistake.
 */
import { SUBGRAPHS, databaseUrlVariable, type SubgraphEntry } from '@kh02/common';
import { loadDatabaseTuning, pendingMigrations, REPO_ROOT, subgraphModuleOf, syncSequences, type DatabaseTuning } from '@kh02/subgraph-kit';
import path from 'node:path';

/** What to do, from the command line. */
export interface MigrateRequest {
  seed: boolean;
  only: string[];
}

/** Parses `--seed` and `--only <name>` (repeatable, or comma-separated); throws on anything else. */
export function parseMigrateArgs(argv: readonly string[]): MigrateRequest {
  const request: MigrateRequest = { seed: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--seed') request.seed = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error('--only needs a subgraph name.');
      request.only.push(...value.split(',').filter(Boolean));
    } else throw new Error(`Unknown argument ${arg}: usage is npm run migrate [-- --seed] [--only <subgraph>]`);
  }
  for (const name of request.only) {
    if (!SUBGRAPHS.some((s) => s.name === name)) throw new Error(`No subgraph named "${name}" (known: ${SUBGRAPHS.map((s) => s.name).join(', ')}).`);
  }
  return request;
}

/** The outcome for one subgraph. */
export interface MigrateResult {
  subgraph: string;
  database: string;
  applied: string[];
  seeded: boolean;
}

/** The database URL a subgraph is migrated on (see the file comment); undefined: the default SQLite file. */
export function migrationDatabaseUrl(entry: SubgraphEntry, env: NodeJS.ProcessEnv, single: boolean): string | undefined {
  return env[databaseUrlVariable(entry.name)] || (single ? env.DATABASE_URL : undefined) || undefined;
}

/** What a migration run will do, read from the environment (every variable `npm run migrate` reads is read here). */
export interface MigrationPlan {
  tuning: Readonly<DatabaseTuning>;
  dataDir: string;
  targets: { entry: SubgraphEntry; databaseUrl: string | undefined }[];
}

export function migrationPlan(request: MigrateRequest, env: NodeJS.ProcessEnv = process.env): MigrationPlan {
  const selected = SUBGRAPHS.filter((s) => request.only.length === 0 || request.only.includes(s.name));
  return {
    tuning: loadDatabaseTuning(env, env.NODE_ENV === 'production'),
    dataDir: env.DATA_DIR || path.join(REPO_ROOT, 'data'),
    targets: selected.map((entry) => ({ entry, databaseUrl: migrationDatabaseUrl(entry, env, selected.length === 1) })),
  };
}

/** Migrates (and with `seed`, seeds) the selected subgraphs, in registry order. */
export async function runMigrations(request: MigrateRequest, env: NodeJS.ProcessEnv = process.env): Promise<MigrateResult[]> {
  const { tuning, dataDir, targets } = migrationPlan(request, env);
  const results: MigrateResult[] = [];
  for (const { entry, databaseUrl } of targets) {
    const descriptor = subgraphModuleOf(await import(entry.package), entry);
    const subgraph = await descriptor.createSubgraph({ databaseUrl, dataDir, database: tuning });
    try {
      const pending = await pendingMigrations(subgraph.orm);
      const applied = (await subgraph.orm.getMigrator().up()).map((m) => m.name);
      if (applied.length !== pending.length) throw new Error(`${entry.name}: expected to apply ${pending.length} migration(s), applied ${applied.length}.`);
      const seeded = request.seed ? await descriptor.seed(subgraph.orm.em.fork()) : false;
      // The seed writes explicit ids: PostgreSQL's sequences must move past them before any write.
      if (seeded) await syncSequences(subgraph.orm);
      results.push({ subgraph: entry.name, database: describe(databaseUrl, dataDir, entry.name), applied, seeded });
    } finally {
      await subgraph.close();
    }
  }
  return results;
}

/** The database, password hidden. */
function describe(url: string | undefined, dataDir: string, name: string): string {
  if (!url) return `sqlite:${path.join(dataDir, `${name}.sqlite`)}`;
  return url.replace(/:[^:@/]*@/, ':***@');
}

/** One line per subgraph. */
export function formatResult(r: MigrateResult): string {
  const applied = r.applied.length === 0 ? 'up to date' : `applied ${r.applied.length} migration(s): ${r.applied.join(', ')}`;
  return `${r.subgraph} (${r.database}): ${applied}${r.seeded ? '; seeded the default dataset' : ''}`;
}

if (require.main === module) {
  let request: MigrateRequest;
  try {
    request = parseMigrateArgs(process.argv.slice(2));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(2);
  }
  runMigrations(request).then(
    (results) => {
      for (const r of results) process.stdout.write(`${formatResult(r)}\n`);
      process.exit(0);
    },
    (error: Error) => {
      process.stderr.write(`migrate failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
