import { createGateway, type Gateway } from './app';
import { loadGatewayConfig } from './config';

// Where /metrics is served: on the public port by default outside production; with a metrics
// port, there only (the public port answers 404).
const started: Gateway[] = [];
afterAll(async () => {
  for (const g of started) await g.stop();
});

async function start(env: Record<string, string>) {
  const gateway = await createGateway(loadGatewayConfig({ NODE_ENV: 'test', SUBGRAPH_SECRET: 'test-secret', SUPERGRAPH_POLL_MS: '0', ...env }));
  started.push(gateway);
  return { gateway, url: await gateway.listen(0, '127.0.0.1') };
}

test('/metrics on the public port outside production', async () => {
  const { url, gateway } = await start({});
  const response = await fetch(url.replace(/\/graphql$/, '/metrics'));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toMatch(/^# HELP kh02_graphql_request_duration_seconds /m);
  expect(text).toMatch(/^process_cpu_seconds_total\{service="gateway"\} /m);
  expect(gateway.metricsUrl).toBeUndefined();
});

test('with a metrics port, /metrics is served there only; a refused operation counts as a cost refusal', async () => {
  const { url, gateway } = await start({ GATEWAY_METRICS_PORT: '0', LIMIT_DEPTH: '2' });
  expect((await fetch(url.replace(/\/graphql$/, '/metrics'))).status).toBe(404);
  const deep = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ province(code: "01") { communes { edges { node { name } } } } }' }),
  });
  expect(deep.status).toBe(400);
  const text = await (await fetch(gateway.metricsUrl!)).text();
  expect(text).toMatch(/^kh02_cost_refusals_total\{limit="depth",service="gateway"\} 1$/m);
  expect(text).toMatch(/^kh02_graphql_errors_total\{code="OPERATION_LIMIT_EXCEEDED",service="gateway"\} 1$/m);
  expect(text).toMatch(/^kh02_graphql_request_duration_seconds_count\{service="gateway",operation="anonymous",outcome="error"\} 1$/m);
});

test('after a quiet spell the gateway gives its memory back once (IDLE_GC_MS), and never with IDLE_GC_MS=0', async () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const count = async (metricsUrl: string) => {
    const text = await (await fetch(metricsUrl)).text();
    return Number(/^kh02_idle_collection_duration_seconds_count\{service="gateway"\} (\d+)$/m.exec(text)?.[1]);
  };
  // The metrics port's requests are not the gateway's traffic: only /health below counts.
  const on = await start({ GATEWAY_METRICS_PORT: '0', IDLE_GC_MS: '50', IDLE_GC_MIN_GROWTH_MB: '0' });
  const off = await start({ GATEWAY_METRICS_PORT: '0', IDLE_GC_MS: '0' });
  expect(await count(on.gateway.metricsUrl!)).toBe(0);
  for (const { url } of [on, off]) expect((await fetch(url.replace(/\/graphql$/, '/health'))).status).toBe(200);
  await sleep(500);
  expect(await count(on.gateway.metricsUrl!)).toBe(1);
  expect(await count(off.gateway.metricsUrl!)).toBe(0);
  await sleep(200);
  expect(await count(on.gateway.metricsUrl!)).toBe(1); // once per quiet spell, not on a timer
});
