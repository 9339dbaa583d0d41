import { bool, cleanEnv, num, port, str } from 'envalid';
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
}

/**
 * Reads and validates a subgraph's configuration once. `<NAME>_PORT` and `<NAME>_DATABASE_URL`
 * let one environment configure all three subgraphs; `PORT` and `DATABASE_URL` win when a
 * process runs on its own (one subgraph per container).
 */
export function loadSubgraphConfig(name: string, defaultPort: number, env: NodeJS.ProcessEnv = process.env): Readonly<SubgraphConfig> {
  const prefix = name.toUpperCase();
  const e = cleanEnv(env, {
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
  });
  if (!(e.IDEMPOTENCY_TTL_HOURS > 0)) throw new Error('IDEMPOTENCY_TTL_HOURS must be a positive number of hours.');
  const config: SubgraphConfig = {
    name,
    host: e.HOST,
    port: e.PORT || (e[`${prefix}_PORT`] as number),
    databaseUrl: e.DATABASE_URL || (e[`${prefix}_DATABASE_URL`] as string) || undefined,
    dataDir: e.DATA_DIR,
    gatewaySecret: e.SUBGRAPH_SECRET || undefined,
    internalTokenSecret: e.INTERNAL_TOKEN_SECRET || undefined,
    production: e.NODE_ENV === 'production',
    seed: e.SEED,
    debugSql: e.DEBUG_SQL,
    metrics: metricsExposure(prefix, env),
    idempotencyTtlHours: e.IDEMPOTENCY_TTL_HOURS,
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
