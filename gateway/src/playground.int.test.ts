import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createGateway, type Gateway } from './app';
import { loadGatewayConfig } from './config';

// The playground switch and its failure modes, on a gateway alone (no subgraph is called).
const PRODUCTION = {
  NODE_ENV: 'production',
  SUBGRAPH_SECRET: 'x',
  INTERNAL_TOKEN_SECRET: 'x'.repeat(32),
  AUTH_ISSUER: 'https://id.example',
  AUTH_JWKS: JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo', kid: 'test' }] }),
  SUPERGRAPH_POLL_MS: '0',
};
const HTML = { accept: 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8' };

const started: Gateway[] = [];
async function gatewayWith(env: Record<string, string>): Promise<string> {
  const gateway = await createGateway(loadGatewayConfig(env));
  started.push(gateway);
  return gateway.listen(0, '127.0.0.1');
}
const empty = mkdtempSync(path.join(os.tmpdir(), 'kh02-no-playground-'));
afterAll(async () => {
  for (const g of started) await g.stop();
  rmSync(empty, { recursive: true, force: true });
});

test('production serves no playground unless PLAYGROUND=true, and never Apollo’s CDN landing page', async () => {
  const url = await gatewayWith(PRODUCTION);
  const response = await fetch(url, { headers: HTML });
  expect(response.status).toBe(404);
  const text = await response.text();
  expect(text).toContain('PLAYGROUND=true');
  expect(text).not.toMatch(/apollographql|cdn|sandbox/i);
  expect((await fetch(url.replace('/graphql', '/playground/config.json'))).status).toBe(404);
});

test('a playground that is not built answers how to build it', async () => {
  const url = await gatewayWith({ ...PRODUCTION, PLAYGROUND: 'true', PLAYGROUND_DIR: empty });
  const response = await fetch(url, { headers: HTML });
  expect(response.status).toBe(503);
  expect(await response.text()).toContain('node scripts/bin/build-playground.cjs');
  // The playground needs introspection: in production it follows PLAYGROUND.
  const introspection = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ __schema { queryType { name } } }' }),
  });
  expect(((await introspection.json()) as any).data.__schema.queryType.name).toBe('Query');
  const config = (await (await fetch(url.replace('/graphql', '/playground/config.json'))).json()) as any;
  expect(config.queryPlan).toBe('admins');
  expect(config.operations.map((o: any) => o.name)).toContain('ProvinceOverview');
});
