import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startPlatform, type Platform } from './harness';

// The two client examples, built and run against a platform on loopback: they cannot drift from
// the published schema (codegen --check, tsc) nor from what the server sends (the Apollo cache test).
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const example = (name: string) => path.join(ROOT, 'examples', name);
// The examples keep their own lockfile outside the workspaces (GraphQL Code Generator and Apollo
// Client are not the platform's dependencies); this installs them once per lockfile.
const bin = (name: string) => path.join(ROOT, 'examples', 'node_modules', '.bin', name);

let platform: Platform;
let communeCode: string;
beforeAll(async () => {
  await run(process.execPath, [path.join(ROOT, 'scripts/bin/install-isolated.cjs'), 'examples'], { cwd: ROOT });
  platform = await startPlatform({ fraction: 0.1 });
  const found = await platform.query(
    `{ tasks(filter: { levels: [COMMUNE] }, first: 1) { edges { node { assignments(first: 1) { edges { node { commune { code } } } } } } } }`,
  );
  communeCode = found.data.tasks.edges[0].node.assignments.edges[0].node.commune.code;
  // The first run installs the examples' dependencies (about 390 packages) from their own lockfile.
}, 600_000);
afterAll(() => platform?.close());

test('typed-client: its generated types are those of schema/api.graphql, it compiles and it runs', async () => {
  await run(bin('graphql-codegen'), ['--config', 'codegen.yml', '--check'], { cwd: example('typed-client') });
  await run(bin('tsc'), ['-b'], { cwd: example('typed-client') });
  const { stdout } = await run(process.execPath, ['dist/main.js'], { cwd: example('typed-client'), env: { ...process.env, KH02_URL: platform.url } });
  const result = JSON.parse(stdout);
  expect(result.onDay.id).toBe('Province:04');
  expect(result.onDay.readAt).toBe(new Date('2025-07-25T23:59:59.999+07:00').toISOString());
  expect(result.latest.readAt).toBe(new Date('2025-07-31T16:00:00+07:00').toISOString());
  expect(result.cutoffs).toBe(9);
});

test('apollo-client: June, July, then June from the cache are exactly what the server sent', async () => {
  await run(bin('tsc'), ['-b'], { cwd: example('apollo-client') });
  const { stdout } = await run(process.execPath, ['dist/main.js'], {
    cwd: example('apollo-client'),
    env: { ...process.env, KH02_URL: platform.url, KH02_COMMUNE: communeCode },
  });
  const result = JSON.parse(stdout);
  expect(result.cacheMatchesServer).toBe(true);
  expect(result.assignments).toBeGreaterThan(0);
  // The readings differ, so a cache that merged them would have been caught.
  expect(result.percentChanged).toBeGreaterThan(0);
});
