import net from 'node:net';
import { createGateway, type Gateway } from './app';
import { loadGatewayConfig } from './config';

// The gateway on its own, with every subgraph down: it still loads the committed supergraph,
// reports itself alive but not ready, and in production tells clients nothing about subgraph URLs.
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let gateway: Gateway;
let url: string;
let deadUrl: string;
beforeAll(async () => {
  deadUrl = `http://127.0.0.1:${await closedPort()}/graphql`;
  const config = loadGatewayConfig({
    NODE_ENV: 'production',
    SUBGRAPH_SECRET: 'x',
    INTERNAL_TOKEN_SECRET: 'x'.repeat(32),
    AUTH_ISSUER: 'https://id.example',
    AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'test' }] }),
    GEOGRAPHY_URL: deadUrl,
    TASKS_URL: deadUrl,
    READINESS_URL: deadUrl,
    SUBGRAPH_TIMEOUT_MS: '2000',
  });
  gateway = await createGateway(config);
  url = await gateway.listen(0, '127.0.0.1');
});
afterAll(() => gateway?.stop());

test('/health is up while /ready says which subgraphs do not answer', async () => {
  const base = url.replace(/\/graphql$/, '');
  expect((await fetch(`${base}/health`)).status).toBe(200);
  const ready = await fetch(`${base}/ready`);
  expect(ready.status).toBe(503);
  const body = (await ready.json()) as { subgraphs: Record<string, string> };
  expect(Object.keys(body.subgraphs).sort()).toEqual(['geography', 'readiness', 'tasks']);
  for (const status of Object.values(body.subgraphs)) expect(status).not.toBe('ok');
});

test('a failing subgraph gives clients an error code, never its URL or a stack trace', async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ country { communeCount } }' }),
  });
  const text = await response.text();
  const port = new URL(deadUrl).port;
  expect(text).not.toContain(port);
  expect(text).not.toContain('127.0.0.1');
  expect(text).not.toContain('stacktrace');
  const body = JSON.parse(text) as { errors: { extensions: { code: string } }[] };
  expect(body.errors.length).toBeGreaterThan(0);
  expect(typeof body.errors[0].extensions.code).toBe('string');
});

test('production turns introspection off', async () => {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
  });
  const body = (await response.json()) as { errors?: { message: string }[] };
  expect(body.errors?.[0].message).toMatch(/introspection/i);
});
