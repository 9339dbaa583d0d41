import { bool, cleanEnv, num, port, str } from 'envalid';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { internalKey, metricsExposure, type MetricsExposure } from '@kh02/common';

/** The repository root (kit lives at subgraphs/kit/{src,dist}). */
export const REPO_ROOT = path.resolve(__dirname, '../../..');

/** Settings every subgraph process reads from its environment. */
export interface SubgraphConfig {
  /** The subgraph's one name (folder, package, supergraph.yaml key). */
  name: string;
  host: string;
  port: number;
  /** Unset: the default SQLite file under `dataDir`. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** Shared secret the gateway sends; when set, requests without it are refused. */
  gatewaySecret: string | undefined;
  /** Key material the gateway signs callers' identity tokens with (INTERNAL_TOKEN_SECRET); required in production. */
  internalTokenSecret: string | undefined;
  production: boolean;
  /** Seed the default dataset on boot when the database is empty. */
  seed: boolean;
  debugSql: boolean;
  /** Where `/metrics` is served (`<NAME>_METRICS_PORT` or `METRICS_PORT`, `METRICS_PUBLIC`). */
  metrics: MetricsExposure;
  /** How long an Idempotency-Key is remembered, in hours (IDEMPOTENCY_TTL_HOURS, default 24). */
  idempotencyTtlHours: number;
  /** PostgreSQL connection settings (pool, statement timeout, TLS); ignored on SQLite. */
  database: Readonly<DatabaseTuning>;
}

/** How a subgraph talks to PostgreSQL: read from DATABASE_POOL_MIN/MAX, DATABASE_STATEMENT_TIMEOUT_MS, DATABASE_SSL(_CA). */
export interface DatabaseTuning {
  /** Connections kept open when idle (DATABASE_POOL_MIN, default 0). */
  poolMin: number;
  /** Most connections one process opens (DATABASE_POOL_MAX, default 10). */
  poolMax: number;
  /** Server-side `statement_timeout` in ms (DATABASE_STATEMENT_TIMEOUT_MS; default 0 = none in development, 30000 in production). */
  statementTimeoutMs: number;
  /** TLS (DATABASE_SSL): `disable` (default), `require` (encrypted, server not verified) or `verify-full` (certificate and host name verified). */
  ssl: 'disable' | 'require' | 'verify-full';
  /** PEM file of the CA that signed the server's certificate (DATABASE_SSL_CA); verify-full uses the system CAs without it. */
  sslCa: string | undefined;
}

/**
 * Reads and validates a subgraph's configuration once. `<NAME>_PORT` and `<NAME>_DATABASE_URL`
 * let one environment configure all three subgraphs; `PORT` and `DATABASE_URL` win when a
 * process runs on its own (one subgraph per container).
 */
export function loadSubgraphConfig(name: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): Readonly<SubgraphConfig> {
  const prefix = name.toUpperCase();
  const e = cleanEnv(
    env,
    {
      [`${prefix}_PORT`]: port({ default: defaultPort, desc: `Port of the ${name} subgraph` }),
      [`${prefix}_DATABASE_URL`]: str({ default: '', desc: `Database of the ${name} subgraph` }),
      PORT: port({ default: 0 }),
      DATABASE_URL: str({ default: '' }),
      HOST: str({ default: '127.0.0.1' }),
      DATA_DIR: str({ default: path.join(REPO_ROOT, 'data') }),
      SUBGRAPH_SECRET: str({ default: '' }),
      INTERNAL_TOKEN_SECRET: str({ default: '' }),
      NODE_ENV: str({ default: 'development' }),
      SEED: bool({ default: true }),
      DEBUG_SQL: bool({ default: false }),
      IDEMPOTENCY_TTL_HOURS: num({ default: 24, desc: 'How long an Idempotency-Key is remembered, in hours' }),
    },
    {
      // Throw (runSubgraphMain prints it and exits) rather than envalid's default of exiting the process.
      reporter: ({ errors }) => {
        const problems = Object.entries(errors).map(([variable, error]) => `${variable}: ${(error as Error).message}`);
        if (problems.length > 0) throw new Error(`Invalid ${name} subgraph configuration: ${problems.join('; ')}`);
      },
    },
  );
  if (!(e.IDEMPOTENCY_TTL_HOURS > 0)) throw new Error('IDEMPOTENCY_TTL_HOURS must be a positive number of hours.');
  const production = e.NODE_ENV === 'production';
  const config: SubgraphConfig = {
    name,
    host: e.HOST,
    port: e.PORT || (e[`${prefix}_PORT`] as number),
    databaseUrl: e.DATABASE_URL || (e[`${prefix}_DATABASE_URL`] as string) || undefined,
    dataDir: e.DATA_DIR,
    gatewaySecret: e.SUBGRAPH_SECRET || undefined,
    internalTokenSecret: e.INTERNAL_TOKEN_SECRET || undefined,
    production,
    seed: e.SEED,
    debugSql: e.DEBUG_SQL,
    metrics: metricsExposure(prefix, env),
    idempotencyTtlHours: e.IDEMPOTENCY_TTL_HOURS,
    database: loadDatabaseTuning(env, production),
  };
  if (config.production && !config.gatewaySecret) {
    throw new Error(`SUBGRAPH_SECRET must be set when NODE_ENV=production: subgraphs answer only the gateway.`);
  }
  if (config.production && !config.internalTokenSecret) {
    throw new Error('INTERNAL_TOKEN_SECRET must be set when NODE_ENV=production: subgraphs trust only the identity the gateway signs.');
  }
  if (config.internalTokenSecret) internalKey(config.internalTokenSecret);
  return Object.freeze(config);
}

/**
 * Reads DATABASE_POOL_MIN, DATABASE_POOL_MAX, DATABASE_STATEMENT_TIMEOUT_MS (default 30000 in
 * production, 0 = none otherwise), DATABASE_SSL and DATABASE_SSL_CA; throws naming the variable.
 */
export function loadDatabaseTuning(env: NodeJS.ProcessEnv, production: boolean): Readonly<DatabaseTuning> {
  const e = cleanEnv(
    env,
    {
      DATABASE_POOL_MIN: num({ default: 0 }),
      DATABASE_POOL_MAX: num({ default: 10 }),
      DATABASE_STATEMENT_TIMEOUT_MS: num({ default: production ? 30_000 : 0 }),
      DATABASE_SSL: str({ default: 'disable', choices: ['disable', 'require', 'verify-full'] }),
      DATABASE_SSL_CA: str({ default: '' }),
    },
    {
      reporter: ({ errors }) => {
        const problems = Object.entries(errors).map(([variable, error]) => `${variable}: ${(error as Error).message}`);
        if (problems.length > 0) throw new Error(`Invalid database configuration: ${problems.join('; ')}`);
      },
    },
  );
  return Object.freeze(
    databaseTuning({
      poolMin: e.DATABASE_POOL_MIN,
      poolMax: e.DATABASE_POOL_MAX,
      statementTimeoutMs: e.DATABASE_STATEMENT_TIMEOUT_MS,
      ssl: e.DATABASE_SSL as DatabaseTuning['ssl'],
      sslCa: e.DATABASE_SSL_CA || undefined,
    }),
  );
}

/** Checks database settings; every mistake is an error naming the variable. */
export function databaseTuning(tuning: DatabaseTuning): DatabaseTuning {
  const whole = (value: number, variable: string, min: number) => {
    if (!Number.isInteger(value) || value < min) throw new Error(`${variable} must be a whole number ≥ ${min}, got ${value}.`);
  };
  whole(tuning.poolMin, 'DATABASE_POOL_MIN', 0);
  whole(tuning.poolMax, 'DATABASE_POOL_MAX', 1);
  if (tuning.poolMin > tuning.poolMax) throw new Error(`DATABASE_POOL_MIN (${tuning.poolMin}) must not exceed DATABASE_POOL_MAX (${tuning.poolMax}).`);
  whole(tuning.statementTimeoutMs, 'DATABASE_STATEMENT_TIMEOUT_MS', 0);
  if (tuning.sslCa !== undefined) {
    if (tuning.ssl === 'disable') throw new Error('DATABASE_SSL_CA is set but DATABASE_SSL=disable: set DATABASE_SSL=verify-full (or require) to use it.');
    if (!existsSync(tuning.sslCa)) throw new Error(`DATABASE_SSL_CA: no file at ${tuning.sslCa}.`);
  }
  return tuning;
}

/** The defaults {@link loadSubgraphConfig} applies outside production: a small pool, no timeout, no TLS. */
export const DEFAULT_DATABASE_TUNING: Readonly<DatabaseTuning> = Object.freeze({
  poolMin: 0,
  poolMax: 10,
  statementTimeoutMs: 0,
  ssl: 'disable',
  sslCa: undefined,
});
