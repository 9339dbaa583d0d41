import type { ApolloServerPlugin } from '@apollo/server';
import type { KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Caller } from '@kh02/common';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { CacheConfig } from './config';
import { cachedAnswerMiddleware, responseCachePlugin, type CacheCounters } from './plugin';
import { memoryStore, persistedQueryCache, redisStore, type CacheStore } from './store';

export { CACHE_HEADER, cachedAnswerMiddleware, responseCachePlugin, type CacheCounters } from './plugin';
export { loadCacheConfig, type CacheConfig } from './config';
export { accessClass, answerHash, isFixedInTime } from './key';
export { memoryStore, redisStore, persistedQueryCache, type CacheStore } from './store';

/** The gateway's response cache: its store, the plugin, and the persisted-query cache on the same store. */
export interface ResponseCache {
  store: CacheStore;
  /** Undefined when RESPONSE_CACHE=false. */
  plugin: ApolloServerPlugin<any> | undefined;
  /** Apollo Server's `persistedQueries.cache`. */
  persistedQueries: KeyValueCache<string>;
  /** Express middleware placed just before Apollo Server's: sends a hit's stored text as it is. */
  middleware: ReturnType<typeof cachedAnswerMiddleware>;
  close(): Promise<void>;
}

/**
 * Builds the response cache: Redis when `redisUrl` is set (shared by the replicas), otherwise an
 * in-process LRU bounded by `maxBytes`. `readCutoffs` reads the published reporting cut-offs
 * (through the gateway: `{ reportingCutoffs }`); it is asked once per data version.
 */
export function createResponseCache<TContext extends { caller: Caller }>(
  config: Readonly<CacheConfig>,
  options: { redisUrl?: string; log: Logger; counters?: CacheCounters; readCutoffs: () => Promise<Date[] | undefined> },
): ResponseCache {
  const store = options.redisUrl
    ? redisStore(new Redis(options.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }), config.prefix)
    : memoryStore(config.maxBytes);
  let cutoffs: { version: number; latest: Promise<Date | undefined> } | undefined;
  const publishedCutoff = (version: number): Promise<Date | undefined> => {
    if (cutoffs?.version !== version) {
      const latest = options
        .readCutoffs()
        .then((dates) => (dates?.length ? new Date(Math.max(...dates.map((d) => d.getTime()))) : undefined))
        .catch(() => undefined);
      cutoffs = { version, latest };
      // Unknown cut-offs are asked again next time rather than remembered.
      void latest.then((d) => {
        if (d === undefined && cutoffs?.latest === latest) cutoffs = undefined;
      });
    }
    return cutoffs.latest;
  };
  return {
    store,
    plugin: config.enabled
      ? responseCachePlugin<TContext>({
          store,
          ttlSeconds: config.ttlSeconds,
          fixedTtlSeconds: config.fixedTtlSeconds,
          publishedCutoff,
          counters: options.counters,
          log: options.log,
        })
      : undefined,
    persistedQueries: persistedQueryCache(store, config.persistedQueryTtlSeconds),
    middleware: cachedAnswerMiddleware(),
    close: () => store.close(),
  };
}

/** Reads `{ reportingCutoffs }` through the gateway's own server (an internal request in `context`); undefined when it cannot. */
export async function readPublishedCutoffs<TContext extends Record<string, any>>(
  server: {
    executeOperation(request: { query: string }, options: { contextValue: TContext }): Promise<{ body: { kind: string; singleResult?: { data?: unknown } } }>;
  },
  context: TContext,
): Promise<Date[] | undefined> {
  const response = await server.executeOperation({ query: 'query Kh02PublishedCutoffs { reportingCutoffs }' }, { contextValue: context });
  const data = response.body.kind === 'single' ? (response.body.singleResult?.data as { reportingCutoffs?: string[] } | null | undefined) : undefined;
  const dates = data?.reportingCutoffs?.map((d) => new Date(d)).filter((d) => !Number.isNaN(d.getTime()));
  return dates?.length ? dates : undefined;
}
