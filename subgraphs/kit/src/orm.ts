import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { DefaultLogger, MikroORM, type LogContext, type LoggerOptions, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { mkdirSync, readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { DEFAULT_DATABASE_TUNING, type DatabaseTuning } from './config';
import path from 'node:path';

/** Counts SQL statements; one per ORM (all requests) and one per request (see {@link createContext}). */
export class SqlStats {
  statements = 0;
  /** Told of every statement (duration in ms, whether it failed, its SQL): the metrics and SQL spans (`telemetry.ts`). */
  onStatement?: (tookMs: number, failed: boolean, sql: string) => void;
  reset(): void {
    this.statements = 0;
  }
}

/** The key under which a request's {@link SqlStats} travels in an entity manager's logger context. */
const STATS_KEY = 'kh02SqlStats';

/**
 * A MikroORM logger that counts every statement: into the ORM-wide counter and, when the entity
 * manager was forked with {@link requestLoggerContext}, into that request's counter. Printing
 * still follows `debug`. Tests use the counts to prove a query costs a constant number of
 * statements, whatever the data size.
 */
class CountingLogger extends DefaultLogger {
  constructor(
    options: LoggerOptions,
    private readonly total: SqlStats,
  ) {
    super(options);
  }

  override logQuery(context: LogContext): void {
    // A failed statement is logged twice by MikroORM (attempt + error); count attempts only.
    if (context.level !== 'error') {
      this.total.statements++;
      const perRequest = context[STATS_KEY] as SqlStats | undefined;
      if (perRequest) perRequest.statements++;
    }
    this.total.onStatement?.(context.took ?? 0, context.level === 'error', context.query ?? '');
    super.logQuery(context as LogContext & { query: string });
  }
}

/** Logger context that makes a forked entity manager count into `stats`. */
export function requestLoggerContext(stats: SqlStats): Record<string, unknown> {
  return { [STATS_KEY]: stats };
}

/** Where a subgraph keeps its data, and what it is made of. */
export interface DatabaseOptions {
  /** The subgraph's name; the SQLite file is `<dataDir>/<subgraph>.sqlite`. */
  subgraph: string;
  /** `postgres://…` or `postgresql://…` for PostgreSQL; `sqlite:<path>` or `sqlite::memory:` for SQLite; unset for the default SQLite file. */
  databaseUrl?: string;
  /** Folder for the default SQLite file. */
  dataDir: string;
  /** Entity classes, listed by hand. */
  entities: Options['entities'];
  /** Migrations, in order, listed by hand. */
  migrations: MigrationObject[];
  /** Print SQL statements. */
  debug?: boolean;
  /** PostgreSQL pool, statement timeout and TLS; defaults {@link DEFAULT_DATABASE_TUNING}. */
  tuning?: Readonly<DatabaseTuning>;
}

/** The `pg` TLS options for a DATABASE_SSL mode (false: plain TCP). */
export function pgSslOptions(tuning: Readonly<DatabaseTuning>): false | ConnectionOptions {
  if (tuning.ssl === 'disable') return false;
  if (tuning.ssl === 'require') return { rejectUnauthorized: false };
  return { rejectUnauthorized: true, ...(tuning.sslCa ? { ca: readFileSync(tuning.sslCa, 'utf8') } : {}) };
}

/**
 * The PostgreSQL driver settings for a tuning: the pool (knex/tarn `min`/`max`) and, per
 * connection, the server-side `statement_timeout` and TLS (`driverOptions.connection`, which
 * MikroORM merges into the connection it parses from the URL).
 */
export function postgresDriverSettings(tuning: Readonly<DatabaseTuning>): Pick<Options, 'pool' | 'driverOptions'> {
  const connection: Record<string, unknown> = { ssl: pgSslOptions(tuning) };
  if (tuning.statementTimeoutMs > 0) connection.statement_timeout = tuning.statementTimeoutMs;
  return { pool: { min: tuning.poolMin, max: tuning.poolMax }, driverOptions: { connection } };
}

/** The kind of database a URL points at. */
export function databaseKind(databaseUrl: string | undefined): 'postgresql' | 'sqlite' {
  if (!databaseUrl || databaseUrl.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgresql';
  throw new Error(`Unsupported DATABASE_URL "${databaseUrl.replace(/:[^:@/]*@/, ':***@')}": use postgres://… or sqlite:<file>`);
}

/**
 * Builds the MikroORM options for a subgraph: SQLite (better-sqlite3) by default, PostgreSQL when
 * the URL says so; explicit entities and migrations; no schema sync (migrations only).
 */
export function ormOptions(options: DatabaseOptions, stats: SqlStats): Options {
  const common: Options = {
    entities: options.entities,
    debug: options.debug ?? false,
    loggerFactory: (loggerOptions) => new CountingLogger(loggerOptions, stats),
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: true },
    migrations: { migrationsList: options.migrations, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    extensions: [Migrator],
    forceUtcTimezone: true,
    ignoreUndefinedInQuery: true,
  };
  if (databaseKind(options.databaseUrl) === 'postgresql') {
    return { ...common, driver: PostgreSqlDriver, clientUrl: options.databaseUrl, ...postgresDriverSettings(options.tuning ?? DEFAULT_DATABASE_TUNING) };
  }
  let dbName = options.databaseUrl?.slice('sqlite:'.length);
  if (!dbName) {
    mkdirSync(options.dataDir, { recursive: true });
    dbName = path.join(options.dataDir, `${options.subgraph}.sqlite`);
  }
  return { ...common, driver: BetterSqliteDriver, dbName };
}

/** An initialised ORM with its statement counter. */
export interface Database {
  orm: MikroORM;
  stats: SqlStats;
  kind: 'postgresql' | 'sqlite';
}

const ormStats = new WeakMap<MikroORM, SqlStats>();

/** The statement counter of an ORM opened with {@link openDatabase}: every statement, all requests together. */
export function sqlStatsOf(orm: MikroORM): SqlStats {
  const stats = ormStats.get(orm);
  if (!stats) throw new Error('This ORM was not opened with openDatabase(), so its statements are not counted');
  return stats;
}

/** Connects (does not migrate). */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const stats = new SqlStats();
  const orm = await MikroORM.init(ormOptions(options, stats));
  ormStats.set(orm, stats);
  const kind = databaseKind(options.databaseUrl);
  if (kind === 'sqlite') {
    // WAL lets readers run while a writer commits; NORMAL sync is safe with WAL.
    const em = orm.em.fork();
    await em.getConnection().execute('pragma journal_mode = WAL');
    await em.getConnection().execute('pragma synchronous = NORMAL');
  }
  return { orm, stats, kind };
}

/** Names of the migrations not yet applied to this database (all of them on an empty one). */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  return (await orm.getMigrator().getPendingMigrations()).map((m) => m.name);
}

/**
 * Production start-up: the schema must already be at the latest migration (`npm run migrate`
 * applies them). Throws a message naming the pending migrations and the command otherwise.
 */
export async function assertMigrated(orm: MikroORM, subgraph: string): Promise<void> {
  const pending = await pendingMigrations(orm);
  if (pending.length > 0) {
    throw new Error(
      `The ${subgraph} database is not migrated: ${pending.length} pending migration(s) (${pending.join(', ')}). ` +
        'In production migrations are not run at start: run `npm run migrate` (or the migration Job) first.',
    );
  }
}

/**
 * After rows were inserted with explicit ids (the seed does), moves every PostgreSQL serial
 * sequence of the schema past the largest id in its column, so the next insert that lets the
 * database choose the id does not collide with a seeded row. SQLite needs nothing (its rowid
 * follows the largest id). Idempotent.
 */
export async function syncSequences(orm: MikroORM): Promise<void> {
  if ((orm.config.get('driver') as unknown) !== PostgreSqlDriver) return;
  await orm.em.fork().getConnection().execute(`do $$
declare r record;
begin
  for r in select c.table_name, c.column_name, pg_get_serial_sequence(format('%I', c.table_name), c.column_name) as seq
             from information_schema.columns c
            where c.table_schema = current_schema() and c.column_default like 'nextval(%'
  loop
    execute format('select setval(%L, coalesce((select max(%I) from %I), 0) + 1, false)', r.seq, r.column_name, r.table_name);
  end loop;
end $$`);
}

/** Applies pending migrations; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const done = await orm.getMigrator().up();
  return done.map((m) => m.name);
}
