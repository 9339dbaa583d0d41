import { metricsExposure, portVariable, ROLES, SUBGRAPHS, urlVariable, type MetricsExposure, type Role, type SubgraphName } from '@kh02/common';
import { bool, cleanEnv, num, port, str, url } from 'envalid';
import path from 'node:path';
import { parseOrigins } from './cors';
import { loadAuthConfig, type AuthConfig } from './auth/config';
import { DEFAULT_OPERATIONS_DIR } from './operations';
import { loadCacheConfig, type CacheConfig } from './cache/config';

// The gateway knows the subgraphs by name and URL only: names and default ports come from the registry.
export { SUBGRAPH_NAMES, type SubgraphName } from '@kh02/common';

/** Gateway settings, read once from the environment. */
export interface GatewayConfig {
  host: string;
  port: number;
  /** Subgraph URLs by name; they override the routing URLs in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  supergraphPath: string;
  /** Shared secret sent to the subgraphs (SUBGRAPH_SECRET). */
  subgraphSecret: string | undefined;
  /** Deadline of one subgraph fetch, total time from send to last byte (the stock gateway has no timeout). */
  subgraphTimeoutMs: number;
  /** Consecutive failures of a subgraph that open its circuit (fetches then fail at once). */
  breakerFailures: number;
  /** How long an open circuit fails fast before one trial fetch is let through. */
  breakerResetMs: number;
  /** Keep-alive sockets per subgraph. */
  subgraphMaxSockets: number;
  /** One client operation's parallel fetches to the same subgraph go as one request (SUBGRAPH_BATCH, default true; see batch.ts). */
  subgraphBatch: boolean;
  /** NODE_ENV: development, test or production (anything else is refused). */
  nodeEnv: 'development' | 'test' | 'production';
  production: boolean;
  /** Browser origins allowed to call `/graphql` cross-origin (CORS_ORIGINS); empty: none. */
  corsOrigins: readonly string[];
  /** The offline playground (GraphiQL) served to browsers at `/graphql`: PLAYGROUND, by default on outside production. */
  playground: boolean;
  /** Folder of the built playground (`playground/dist`, made by `scripts/bin/build-playground.cjs`). */
  playgroundDir: string;
  /** Folder of the saved operations and their persisted-operation manifest (`operations/`). */
  operationsDir: string;
  /** SAFELIST: callers holding one of `safelistRoles` may run only the manifest's operations. */
  safelist: boolean;
  /** Roles restricted to the manifest's operations while `safelist` is on (SAFELIST_ROLES, default `partner`). */
  safelistRoles: readonly Role[];
  /** Schema introspection: INTROSPECTION when set, else it follows the playground (which needs it). */
  introspection: boolean;
  /** "Did you mean …" suggestions in errors: shown only while introspection is on (they reveal the schema). */
  suggestions: boolean;
  /** Operation limits, checked before any subgraph is called. */
  limits: OperationLimits;
  /** Cost a caller may spend per minute (0: no budget). */
  costBudgetPerMinute: number;
  /** Redis for budgets shared by gateway replicas; in-memory when unset. */
  redisUrl: string | undefined;
  /** SIGTERM: in-flight requests get this long to finish before the process exits. */
  shutdownGraceMs: number;
  /** Poll interval of the supergraph file for changes (0: never reload). */
  supergraphPollMs: number;
  /** Quiet time after a burst before memory is given back to the OS (IDLE_GC_MS; 0, the default: never; see `IdleMemoryRelease`). */
  idleGcMs: number;
  /** Only when RSS grew by this many bytes since the last such collection (IDLE_GC_MIN_GROWTH_MB; 0: always). */
  idleGcMinGrowthBytes: number;
  /** Client token verification and the identity forwarded to subgraphs (`auth/config.ts`). */
  auth: Readonly<AuthConfig>;
  /** The response cache (`cache/config.ts`). */
  cache: Readonly<CacheConfig>;
  /** Where `/metrics` is served: the public port or not, and a separate port (`metricsExposure`). */
  metrics: Readonly<MetricsExposure>;
}

/** Per-operation limits (see `plugins/limits.ts`). */
export interface OperationLimits {
  depth: number;
  /** Aliases, `__typename` aliases included. */
  aliases: number;
  tokens: number;
  directives: number;
  /** Estimated cost: fields, multiplied by list sizes (`first`, or a list's known size). */
  cost: number;
  /** Assumed size of a list with no `first` and no known size. */
  defaultListSize: number;
}

/** Vite's dev-server origins: the CORS default outside production, so a local frontend works at once. */
export const DEV_CORS_ORIGINS = 'http://localhost:5173,http://127.0.0.1:5173';

/** Reads and validates the gateway's configuration; defaults run on a laptop. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): Readonly<GatewayConfig> {
  // <NAME>_URL per registered subgraph; by default the subgraph's port (<NAME>_PORT) on loopback.
  const urls = cleanEnv(
    env,
    Object.fromEntries(SUBGRAPHS.map((s) => [urlVariable(s.name), url({ default: `http://127.0.0.1:${env[portVariable(s.name)] || s.defaultPort}/graphql` })])),
  );
  const e = cleanEnv(
    env,
    {
      HOST: str({ default: '127.0.0.1' }),
      GATEWAY_PORT: port({ default: 4000 }),
      SUPERGRAPH_PATH: str({ default: path.resolve(__dirname, '../../schema/supergraph.graphql') }),
      SUBGRAPH_SECRET: str({ default: '' }),
      SUBGRAPH_TIMEOUT_MS: num({ default: 30_000 }),
      SUBGRAPH_MAX_SOCKETS: num({ default: 32 }),
      SUBGRAPH_BATCH: bool({ default: true }),
      BREAKER_FAILURES: num({ default: 5 }),
      BREAKER_RESET_MS: num({ default: 5_000 }),
      NODE_ENV: str({ default: 'development', choices: ['development', 'test', 'production'] }),
      INTROSPECTION: bool({ default: undefined }),
      PLAYGROUND: bool({ default: undefined }),
      PLAYGROUND_DIR: str({ default: path.resolve(__dirname, '../../playground/dist') }),
      OPERATIONS_DIR: str({ default: DEFAULT_OPERATIONS_DIR }),
      SAFELIST: bool({ default: false }),
      SAFELIST_ROLES: str({ default: 'partner' }),
      LIMIT_DEPTH: num({ default: 12 }),
      LIMIT_ALIASES: num({ default: 20 }),
      LIMIT_TOKENS: num({ default: 2_000 }),
      LIMIT_DIRECTIVES: num({ default: 20 }),
      LIMIT_COST: num({ default: 500_000 }),
      LIMIT_LIST_SIZE: num({ default: 100 }),
      COST_BUDGET_PER_MINUTE: num({ default: 4_000_000 }),
      REDIS_URL: str({ default: '' }),
      SHUTDOWN_GRACE_MS: num({ default: 10_000 }),
      SUPERGRAPH_POLL_MS: num({ default: 1_000 }),
      // Off by default: the first heavy request after a collection regrows the heap (issue 16: national p50 ×1.17).
      IDLE_GC_MS: num({ default: 0 }),
      IDLE_GC_MIN_GROWTH_MB: num({ default: 64 }),
      CORS_ORIGINS: str({ default: '' }),
    },
    {
      // Throw (main.ts prints it and exits) rather than envalid's default of exiting the process.
      reporter: ({ errors }) => {
        const problems = Object.entries(errors).map(([name, error]) => `${name}: ${(error as Error).message}`);
        if (problems.length > 0) throw new Error(`Invalid gateway configuration: ${problems.join('; ')}`);
      },
    },
  );
  const nodeEnv = e.NODE_ENV as GatewayConfig['nodeEnv'];
  const production = nodeEnv === 'production';
  // Outside development the subgraphs must only answer the gateway: no secret, no start.
  if (nodeEnv !== 'development' && !e.SUBGRAPH_SECRET) throw new Error(`SUBGRAPH_SECRET must be set when NODE_ENV=${nodeEnv}.`);
  // The playground is for intranet analysts and developers: on unless production, where it must be asked for.
  const playground = e.PLAYGROUND ?? !production;
  const introspection = e.INTROSPECTION ?? playground;
  const safelistRoles = e.SAFELIST_ROLES.split(',')
    .map((r) => r.trim())
    .filter(Boolean);
  const unknownRole = safelistRoles.find((r) => !(ROLES as readonly string[]).includes(r));
  if (unknownRole) throw new Error(`Invalid gateway configuration: SAFELIST_ROLES: "${unknownRole}" is not a role (${ROLES.join(', ')}).`);
  return Object.freeze({
    host: e.HOST,
    port: e.GATEWAY_PORT,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, urls[urlVariable(s.name)]])) as Record<SubgraphName, string>,
    supergraphPath: e.SUPERGRAPH_PATH,
    subgraphSecret: e.SUBGRAPH_SECRET || undefined,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    subgraphMaxSockets: e.SUBGRAPH_MAX_SOCKETS,
    subgraphBatch: e.SUBGRAPH_BATCH,
    breakerFailures: e.BREAKER_FAILURES,
    breakerResetMs: e.BREAKER_RESET_MS,
    nodeEnv,
    production,
    corsOrigins: Object.freeze(parseOrigins(env.CORS_ORIGINS === undefined && !production ? DEV_CORS_ORIGINS : e.CORS_ORIGINS)),
    playground,
    playgroundDir: path.resolve(e.PLAYGROUND_DIR),
    operationsDir: path.resolve(e.OPERATIONS_DIR),
    safelist: e.SAFELIST,
    safelistRoles: Object.freeze(safelistRoles as Role[]),
    introspection,
    suggestions: introspection,
    limits: Object.freeze({
      depth: e.LIMIT_DEPTH,
      aliases: e.LIMIT_ALIASES,
      tokens: e.LIMIT_TOKENS,
      directives: e.LIMIT_DIRECTIVES,
      cost: e.LIMIT_COST,
      defaultListSize: e.LIMIT_LIST_SIZE,
    }),
    costBudgetPerMinute: e.COST_BUDGET_PER_MINUTE,
    redisUrl: e.REDIS_URL || undefined,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    supergraphPollMs: e.SUPERGRAPH_POLL_MS,
    idleGcMs: e.IDLE_GC_MS,
    idleGcMinGrowthBytes: e.IDLE_GC_MIN_GROWTH_MB * 1024 * 1024,
    auth: loadAuthConfig(env),
    cache: loadCacheConfig(env),
    metrics: Object.freeze(metricsExposure('GATEWAY', env)),
  });
}
