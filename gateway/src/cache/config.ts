import { bool, cleanEnv, num, str } from 'envalid';

/** Response cache settings (`cache/`). */
export interface CacheConfig {
  /** RESPONSE_CACHE: cache query answers (default true). */
  enabled: boolean;
  /** Seconds an answer keyed by the data version is kept (a later write changes its key at once; this only bounds memory). */
  ttlSeconds: number;
  /** Seconds an answer fixed in time (explicit `asOf` at or before a published cut-off) is kept. */
  fixedTtlSeconds: number;
  /** Bound of the in-process LRU (used when REDIS_URL is unset), in bytes. */
  maxBytes: number;
  /** Prefix of every Redis key of the cache (answers, data version, persisted queries). */
  prefix: string;
  /** Seconds an automatic persisted query is kept. */
  persistedQueryTtlSeconds: number;
}

/** Reads the cache settings (called by `loadGatewayConfig`). */
export function loadCacheConfig(env: NodeJS.ProcessEnv): Readonly<CacheConfig> {
  const e = cleanEnv(
    env,
    {
      RESPONSE_CACHE: bool({ default: true }),
      CACHE_TTL_S: num({ default: 600 }),
      CACHE_FIXED_TTL_S: num({ default: 7 * 24 * 3600 }),
      CACHE_MAX_MB: num({ default: 256 }),
      CACHE_PREFIX: str({ default: 'kh02:cache:' }),
      APQ_TTL_S: num({ default: 24 * 3600 }),
    },
    {
      reporter: ({ errors }) => {
        const problems = Object.entries(errors).map(([name, error]) => `${name}: ${(error as Error).message}`);
        if (problems.length > 0) throw new Error(`Invalid gateway configuration: ${problems.join('; ')}`);
      },
    },
  );
  return Object.freeze({
    enabled: e.RESPONSE_CACHE,
    ttlSeconds: e.CACHE_TTL_S,
    fixedTtlSeconds: e.CACHE_FIXED_TTL_S,
    maxBytes: Math.round(e.CACHE_MAX_MB * 1024 * 1024),
    prefix: e.CACHE_PREFIX,
    persistedQueryTtlSeconds: e.APQ_TTL_S,
  });
}
