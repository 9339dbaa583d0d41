import { urlVariable } from '@kh02/common';
import { createGateway, loadGatewayConfig, type Gateway } from '@kh02/gateway';
import { deleteRedisKeys } from './redis';
import { randomUUID } from 'node:crypto';
import { startPlatform, type Platform } from './harness';
import { NATIONAL_DRILL_DOWN } from './queries';

// The response cache on the real platform (the whole dataset): the national drill-down is
// computed once and then served from the cache, by either of two gateway replicas sharing Redis;
// answers as of a published cut-off survive writes, everything else does not. Redis runs here
// and in CI: unreachable is a failure, never a skip.
const redisUrl = process.env.KH02_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const prefix = `kh02:test:national:${randomUUID()}:`;
const cacheEnv = { RESPONSE_CACHE: 'true', REDIS_URL: redisUrl, CACHE_PREFIX: prefix };
let platform: Platform;
let replica: Gateway;
let replicaUrl: string;

async function storeReady(gateway: Gateway) {
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      return await gateway.cache.store.version();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`Redis at ${redisUrl} is unreachable: ${(error as Error).message}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

async function post(url: string, query: string, headers: Record<string, string> = {}) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  const text = await response.text();
  const ms = performance.now() - started;
  return { status: response.status, cache: response.headers.get('x-kh02-cache'), text, body: JSON.parse(text) as { data?: any; errors?: any[] }, ms };
}

beforeAll(async () => {
  platform = await startPlatform({ gatewayEnv: cacheEnv });
  replica = await createGateway(
    loadGatewayConfig({
      ...Object.fromEntries(platform.subgraphs.map((s) => [urlVariable(s.subgraph.name), s.served.url])),
      SUBGRAPH_SECRET: 'test-secret',
      NODE_ENV: 'test',
      INTERNAL_TOKEN_SECRET: platform.internalTokenSecret,
      DEV_KEYS_DIR: platform.devKeysDir,
      ...cacheEnv,
    }),
  );
  replicaUrl = await replica.listen(0, '127.0.0.1');
  await storeReady(platform.gateway);
  await storeReady(replica);
}, 180_000);

afterAll(async () => {
  await replica?.stop();
  await platform?.close();
  await deleteRedisKeys(redisUrl, prefix);
});

test('the national drill-down asked twice: miss, then a hit that calls no subgraph, on either replica', async () => {
  platform.resetCounters();
  const first = await post(platform.url, NATIONAL_DRILL_DOWN);
  expect(first.status).toBe(200);
  expect(first.body.errors).toBeUndefined();
  expect(first.cache).toBe('miss');
  const fetches = platform.subgraphFetches();
  expect(fetches).toBeGreaterThan(0);

  const second = await post(platform.url, NATIONAL_DRILL_DOWN);
  expect(second.cache).toBe('hit');
  expect(second.text).toBe(first.text);
  expect(platform.subgraphFetches()).toBe(fetches);

  const other = await post(replicaUrl, NATIONAL_DRILL_DOWN);
  expect(other.cache).toBe('hit');
  expect(other.text).toBe(first.text);
  expect(replica.stats.subgraphFetches).toBe(0);
  const hits: number[] = [];
  for (let i = 0; i < 5; i++) {
    const again = await post(i % 2 ? replicaUrl : platform.url, NATIONAL_DRILL_DOWN);
    expect(again.cache).toBe('hit');
    hits.push(again.ms);
  }
  hits.sort((x, y) => x - y);
  // Timings are reported, not asserted (the machine is shared).
  console.log(
    `national drill-down: miss ${first.ms.toFixed(0)} ms, first hit ${second.ms.toFixed(1)} ms, other replica's first hit ${other.ms.toFixed(1)} ms, ` +
      `5 more hits: median ${hits[2].toFixed(1)} ms, best ${hits[0].toFixed(1)} ms; ${(first.text.length / 1e6).toFixed(2)} MB`,
  );
});

test('a different access class has its own entry', async () => {
  const query = 'query Commune { commune(code: "00004") { name readiness { meetsBasicConditions criteria { criterion { code } met } } } }';
  expect((await post(platform.url, query)).cache).toBe('miss');
  expect((await post(platform.url, query)).cache).toBe('hit');
  const analyst = { authorization: `Bearer ${await platform.token(['--role', 'analyst', '--subject', 'ana'])}` };
  expect((await post(platform.url, query, analyst)).cache).toBe('miss');
  expect((await post(platform.url, query, analyst)).cache).toBe('hit');
  // Another analyst is the same class.
  const other = { authorization: `Bearer ${await platform.token(['--role', 'analyst', '--subject', 'bao'])}` };
  expect((await post(replicaUrl, query, other)).cache).toBe('hit');
});

test('answers as of a published cut-off survive a write; answers at the latest cut-off do not', async () => {
  const fixed = 'query Fixed { country { provinceCount greenCoverage(asOf: "2025-06-06T16:00:00+07:00") { percent } } }';
  const latest = 'query Latest { country { provinceCount greenCoverage { percent } } }';
  const explicitLatest = 'query ExplicitLatest { country { greenCoverage(asOf: "LATEST") { percent } } }';
  for (const q of [fixed, latest, explicitLatest]) {
    expect((await post(platform.url, q)).cache).toBe('miss');
    expect((await post(platform.url, q)).cache).toBe('hit');
  }
  // What a mutation executed through any replica does (the next test drives a real one).
  await replica.cache.store.bump();
  expect((await post(platform.url, fixed)).cache).toBe('hit');
  expect((await post(replicaUrl, fixed)).cache).toBe('hit');
  expect((await post(platform.url, latest)).cache).toBe('miss');
  expect((await post(replicaUrl, explicitLatest)).cache).toBe('miss');
});

test('a real write through one replica: the next read of the figure is fresh on both replicas', async () => {
  // Unpublished data, as an analyst sees it at a fixed moment after the write: cacheable, so a
  // stale entry would show. The write is a real reportProgress through the other replica.
  const analyst = { authorization: `Bearer ${await platform.token(['--role', 'analyst', '--subject', 'cache-reader'])}` };
  const admin = { authorization: `Bearer ${await platform.token(['--role', 'admin', '--subject', 'cache-writer'])}` };
  const later = new Date(Date.now() + 3_600_000).toISOString();
  const read = `query Assignments { commune(code: "00004") { assignments(asOf: "${later}") { number version percent } } }`;
  const first = await post(platform.url, read, analyst);
  expect(first.body.errors).toBeUndefined();
  expect((await post(replicaUrl, read, analyst)).cache).toBe('hit');
  const before = first.body.data.commune.assignments[0];
  const write = await fetch(replicaUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...admin },
    body: JSON.stringify({
      query: 'mutation($input: ReportProgressInput!) { reportProgress(input: $input) { assignment { version percent } } }',
      variables: { input: { assignmentId: before.number, percent: before.percent === 42 ? 43 : 42, expectedVersion: before.version } },
    }),
  });
  const written = (await write.json()) as { data?: any; errors?: unknown[] };
  expect(written.errors).toBeUndefined();
  expect(written.data.reportProgress.assignment.version).toBe(before.version + 1);
  for (const url of [platform.url, replicaUrl]) {
    const after = await post(url, read, analyst);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.commune.assignments[0]).toMatchObject({
      number: before.number,
      version: before.version + 1,
      percent: written.data.reportProgress.assignment.percent,
    });
  }
});

test('/metrics on the gateway and on each subgraph after a few queries', async () => {
  const gatewayMetrics = await (await fetch(platform.url.replace(/\/graphql$/, '/metrics'))).text();
  expect(gatewayMetrics).toMatch(
    /kh02_graphql_request_duration_seconds_bucket\{le="[^"]+",service="gateway",operation="NationalDrillDown",outcome="success"\} \d+/,
  );
  // The drill-down was asked 5 times of this replica (a miss and 4 hits) by the first test.
  expect(gatewayMetrics).toMatch(/kh02_graphql_request_duration_seconds_count\{service="gateway",operation="NationalDrillDown",outcome="success"\} 5\n/);
  for (const subgraph of ['geography', 'tasks', 'readiness'])
    expect(gatewayMetrics).toMatch(new RegExp(`kh02_subgraph_fetch_duration_seconds_count\\{service="gateway",subgraph="${subgraph}",outcome="ok"\\} [1-9]`));
  expect(gatewayMetrics).toMatch(/kh02_response_cache_requests_total\{result="hit",service="gateway"\} [1-9]/);
  expect(gatewayMetrics).toMatch(/kh02_response_cache_requests_total\{result="miss",service="gateway"\} [1-9]/);
  expect(gatewayMetrics).toMatch(/process_cpu_seconds_total\{service="gateway"\}/);
  for (const { served, subgraph } of platform.subgraphs) {
    const text = await (await fetch(served.url.replace(/\/graphql$/, '/metrics'))).text();
    expect(text).toMatch(new RegExp(`kh02_graphql_request_duration_seconds_count\\{service="${subgraph.name}",operation="[^"]+",outcome="success"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`kh02_db_statement_duration_seconds_count\\{service="${subgraph.name}",outcome="ok"\\} [1-9]`));
    expect(text).toMatch(new RegExp(`kh02_db_pool_connections\\{state="used",service="${subgraph.name}"\\} \\d+`));
  }
});
