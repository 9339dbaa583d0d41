import { createGateway, loadGatewayConfig, type Gateway } from '@kh02/gateway';
import { Redis } from 'ioredis';
import { deleteRedisKeys } from './redis';
import { createHash, randomUUID } from 'node:crypto';
import { startCounterSubgraph } from './counter-subgraph';

// The response cache across gateway replicas: two gateways sharing one Redis (a key prefix per
// run) in front of a test-only subgraph with a write. Redis runs here and in CI: unreachable is
// a failure, never a skip.
const redisUrl = process.env.KH02_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `kh02:test:cache:${randomUUID()}:`;
let counter: Awaited<ReturnType<typeof startCounterSubgraph>>;
const gateways: { gateway: Gateway; url: string }[] = [];

async function startGateway(env: Record<string, string>) {
  const gateway = await createGateway(
    loadGatewayConfig({ NODE_ENV: 'test', SUBGRAPH_SECRET: 'test-secret', SUPERGRAPH_PATH: counter.supergraphPath, SUPERGRAPH_POLL_MS: '0', ...env }),
  );
  const url = await gateway.listen(0, '127.0.0.1');
  // The store's first commands wait for Redis: a store that never answers fails the test here.
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      await gateway.cache.store.version();
      break;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Redis at ${redisUrl} is unreachable: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  gateways.push({ gateway, url });
  return url;
}

async function post(url: string, body: Record<string, unknown>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, cache: response.headers.get('x-kh02-cache'), body: (await response.json()) as { data?: any; errors?: any[] } };
}

beforeAll(async () => {
  counter = await startCounterSubgraph();
});

afterAll(async () => {
  for (const g of gateways) await g.gateway.stop();
  await counter?.close();
  await deleteRedisKeys(redisUrl, prefix);
});

test('a mutation acknowledged by one replica makes the next read on the other fresh; a refused mutation changes nothing', async () => {
  const env = { REDIS_URL: redisUrl, CACHE_PREFIX: prefix };
  const [a, b] = [await startGateway(env), await startGateway(env)];
  const read = { query: 'query Count { count }' };

  expect(await post(a, read)).toMatchObject({ cache: 'miss', body: { data: { count: 0 } } });
  expect(await post(a, read)).toMatchObject({ cache: 'hit', body: { data: { count: 0 } } });
  // The store is shared: replica B answers from what A cached.
  expect(await post(b, read)).toMatchObject({ cache: 'hit', body: { data: { count: 0 } } });

  // A write through A; its answer is sent after the data version moved.
  expect(await post(a, { query: 'mutation Inc { increment }' })).toMatchObject({ body: { data: { increment: 1 } } });
  expect(await post(b, read)).toMatchObject({ cache: 'miss', body: { data: { count: 1 } } });
  expect(await post(a, read)).toMatchObject({ cache: 'hit', body: { data: { count: 1 } } });

  // A mutation refused by validation is never executed, and bumps nothing.
  const version = await gateways[0].gateway.cache.store.version();
  const refused = await post(a, { query: 'mutation { nothing }' });
  expect(refused.status).toBe(400);
  expect(refused.body.errors?.[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  expect(await gateways[0].gateway.cache.store.version()).toBe(version);
  expect(await post(b, read)).toMatchObject({ cache: 'hit', body: { data: { count: 1 } } });
  expect(counter.value()).toBe(1);

  // Differently spelt, same document: one cache entry. Variables and operation name are part of the key.
  expect(await post(b, { query: 'query Count {\n  # the value\n  count\n}' })).toMatchObject({ cache: 'hit' });
  expect(await post(b, { query: 'query Other { count }' })).toMatchObject({ cache: 'miss' });
});

test('automatic persisted queries are kept in the same store, shared by the replicas', async () => {
  const env = { REDIS_URL: redisUrl, CACHE_PREFIX: prefix };
  const [a, b] = gateways.length >= 2 ? [gateways[0].url, gateways[1].url] : [await startGateway(env), await startGateway(env)];
  const query = `query Persisted${randomUUID().replace(/-/g, '')} { count }`;
  const sha256Hash = createHash('sha256').update(query).digest('hex');
  const extensions = { persistedQuery: { version: 1, sha256Hash } };
  const unknown = await post(a, { extensions });
  expect(unknown.body.errors?.[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
  expect(await post(a, { query, extensions })).toMatchObject({ body: { data: { count: counter.value() } } });
  // Registered through A, found by B by its hash alone.
  expect(await post(b, { extensions })).toMatchObject({ body: { data: { count: counter.value() } } });
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  expect(await redis.exists(`${prefix}apq:apq:${sha256Hash}`)).toBe(1);
  await redis.quit();
});

test('without Redis, one replica invalidates its in-process cache on its own writes', async () => {
  const url = await startGateway({ CACHE_MAX_MB: '1' });
  const read = { query: 'query Count { count }' };
  const before = counter.value();
  expect(await post(url, read)).toMatchObject({ cache: 'miss', body: { data: { count: before } } });
  expect(await post(url, read)).toMatchObject({ cache: 'hit' });
  await post(url, { query: 'mutation { increment }' });
  expect(await post(url, read)).toMatchObject({ cache: 'miss', body: { data: { count: before + 1 } } });
  // Answers with errors are never stored.
  const bad = { query: 'query Bad($n: Int!) { count }', variables: {} };
  expect((await post(url, bad)).cache).toBe('miss');
  expect((await post(url, bad)).cache).toBe('miss');
});
