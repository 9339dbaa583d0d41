import { InMemoryLRUCache, type KeyValueCache } from '@apollo/utils.keyvaluecache';
import type { Redis } from 'ioredis';

/**
 * Where cached answers and automatic persisted queries live, and the data version that keys
 * every answer a write could change. Redis is shared by every gateway replica; the in-process
 * store serves one replica (and the tests).
 */
export interface CacheStore {
  readonly kind: 'redis' | 'memory';
  get(key: string): Promise<string | undefined>;
  /** The same, as bytes when the store holds bytes (Redis: no decoding of megabytes into a string). */
  getRaw(key: string): Promise<string | Buffer | undefined>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /** The current data version: a number every executed mutation increases. */
  version(): Promise<number>;
  /** Increases the data version (after a mutation ran, before its answer is sent); resolves with the new one. */
  bump(): Promise<number>;
  close(): Promise<void>;
}

/**
 * One process's store: an LRU bounded by memory (`maxBytes`, counting each value's UTF-8 bytes)
 * with a TTL per entry — Apollo's own `InMemoryLRUCache` (lru-cache), which Apollo Server already
 * installs. Values are kept as UTF-8 bytes, so a hit of megabytes is sent without encoding it again.
 */
export function memoryStore(maxBytes: number): CacheStore {
  const lru = new InMemoryLRUCache<Buffer>({ maxSize: maxBytes, sizeCalculation: (value) => value.length + 64 });
  let version = 0;
  return {
    kind: 'memory',
    get: async (key) => (await lru.get(key))?.toString('utf8'),
    getRaw: (key) => lru.get(key),
    set: (key, value, ttlSeconds) => lru.set(key, Buffer.from(value, 'utf8'), { ttl: ttlSeconds }),
    delete: async (key) => void (await lru.delete(key)),
    version: async () => version,
    bump: async () => ++version,
    close: async () => lru.clear(),
  };
}

/**
 * A Redis store under `prefix`: answers under `<prefix>r:…` with a TTL, the data version in
 * `<prefix>version` (INCR), persisted queries under `<prefix>apq:…`. Every replica reads the
 * version on each cacheable request, so a mutation acknowledged by one replica changes the key
 * of every later read on all of them.
 */
export function redisStore(redis: Redis, prefix: string): CacheStore {
  const versionKey = `${prefix}version`;
  return {
    kind: 'redis',
    get: async (key) => (await redis.get(`${prefix}${key}`)) ?? undefined,
    getRaw: async (key) => (await redis.getBuffer(`${prefix}${key}`)) ?? undefined,
    set: async (key, value, ttlSeconds) => void (await redis.set(`${prefix}${key}`, value, 'EX', Math.max(1, Math.round(ttlSeconds)))),
    delete: async (key) => void (await redis.del(`${prefix}${key}`)),
    version: async () => Number((await redis.get(versionKey)) ?? 0),
    bump: async () => redis.incr(versionKey),
    close: async () => void (await redis.quit().catch(() => undefined)),
  };
}

/**
 * The store as Apollo Server's `KeyValueCache`, for automatic persisted queries: a query's text
 * under its SHA-256, kept `ttlSeconds` unless Apollo asks otherwise. A store that fails answers
 * "not found" (the client then sends the full query), never an error.
 */
export function persistedQueryCache(store: CacheStore, ttlSeconds: number): KeyValueCache<string> {
  return {
    get: (key) => store.get(`apq:${key}`).catch(() => undefined),
    set: (key, value, options) => store.set(`apq:${key}`, value, options?.ttl ?? ttlSeconds).catch(() => undefined),
    delete: (key) => store.delete(`apq:${key}`).catch(() => undefined),
  };
}
