import { createGateway, loadGatewayConfig, type Gateway } from '@kh02/gateway';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startPlatform, type Platform } from './harness';

// Drain on stop and supergraph reload, on real servers over loopback.
const SUPERGRAPH = path.resolve(__dirname, '../../schema/supergraph.graphql');
const QUERY = '{ province(code: "04") { name readiness { fullyMet { percent } } } }';

let platform: Platform;
const cleanup: (() => Promise<void> | void)[] = [];
beforeAll(async () => {
  platform = await startPlatform({ fraction: 0.1 });
}, 300_000);
afterAll(async () => {
  for (const c of cleanup.reverse()) await c();
  await platform?.close();
});

function urls(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(platform.subgraphs.map((s) => [`${s.subgraph.name.toUpperCase()}_URL`, s.served.url])), ...overrides };
}

async function post(url: string, query: string) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, ...((await response.json()) as { data?: any; errors?: any[] }) };
}

test('stopping the gateway lets a slow request in flight finish', async () => {
  // A proxy in front of readiness that answers 1.5 s late: the request is in flight when stop() starts.
  const target = new URL(platform.subgraphs.find((s) => s.subgraph.name === 'readiness')!.served.url);
  const proxy = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () =>
      setTimeout(() => {
        const upstream = http.request(target, { method: 'POST', headers: req.headers }, (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        });
        upstream.end(Buffer.concat(chunks));
      }, 1500),
    );
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => new Promise((resolve) => proxy.close(() => resolve())));
  const slowUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}/graphql`;
  const gateway = await createGateway(
    loadGatewayConfig({
      ...urls({ READINESS_URL: slowUrl }),
      SUBGRAPH_SECRET: 'test-secret',
      NODE_ENV: 'test',
      INTERNAL_TOKEN_SECRET: platform.internalTokenSecret,
      DEV_KEYS_DIR: platform.devKeysDir,
      SHUTDOWN_GRACE_MS: '10000',
    }),
  );
  const url = await gateway.listen(0, '127.0.0.1');
  const inFlight = post(url, QUERY);
  await new Promise((r) => setTimeout(r, 300));
  const stopped = gateway.stop();
  const answer = await inFlight;
  await stopped;
  expect(answer.errors).toBeUndefined();
  expect(answer.data.province.readiness.fullyMet.percent).toEqual(expect.any(Number));
  await expect(fetch(url)).rejects.toThrow(); // no longer listening
});

test('a changed supergraph file is loaded; one that does not build is logged and the old one kept', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kh02-supergraph-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'supergraph.graphql');
  const original = readFileSync(SUPERGRAPH, 'utf8');
  writeFileSync(file, original);
  const gateway: Gateway = await createGateway(
    loadGatewayConfig({
      ...urls(),
      SUBGRAPH_SECRET: 'test-secret',
      NODE_ENV: 'test',
      INTERNAL_TOKEN_SECRET: platform.internalTokenSecret,
      DEV_KEYS_DIR: platform.devKeysDir,
      INTROSPECTION: 'true',
      SUPERGRAPH_PATH: file,
      SUPERGRAPH_POLL_MS: '100',
    }),
  );
  cleanup.push(() => gateway.stop());
  const url = await gateway.listen(0, '127.0.0.1');
  const description = async () => (await post(url, '{ __type(name: "Country") { description } }')).data.__type.description as string;
  const before = await description();

  // Requests keep being answered across both changes.
  let running = true;
  const failures: unknown[] = [];
  const load = (async () => {
    while (running) {
      const r = await post(url, QUERY);
      if (r.errors || !r.data?.province?.readiness) failures.push(r.errors);
    }
  })();

  writeFileSync(file, 'this is not a supergraph');
  await new Promise((r) => setTimeout(r, 600));
  expect(await description()).toBe(before);

  const marker = 'Reloaded supergraph marker.';
  const changed = original.replace(/("""\n?[^"]*)("""\s*\ntype Country\b)/, `$1 ${marker}$2`);
  expect(changed).not.toBe(original);
  writeFileSync(file, changed);
  const deadline = Date.now() + 5000;
  while (!(await description()).includes(marker) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  expect(await description()).toContain(marker);
  running = false;
  await load;
  expect(failures).toEqual([]);
});
