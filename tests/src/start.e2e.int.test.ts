import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// `npm start` end to end, as a newcomer runs it: the compiled start script launches the three
// subgraphs and the gateway as processes, on fixed test ports on 127.0.0.1 (4100–4103), with a
// fresh data folder. Run after `tsc -b` (npm test's typecheck step builds every dist).
const ROOT = path.resolve(__dirname, '../..');
const PORTS = { GATEWAY_PORT: '4100', GEOGRAPHY_PORT: '4101', TASKS_PORT: '4102', READINESS_PORT: '4103' };

interface Run {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

function start(dataDir: string): Run {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], {
    env: { ...process.env, ...PORTS, DATA_DIR: dataDir, HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info' },
  });
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (out += d));
  return { child, output: () => out };
}

async function until(run: Run, pattern: RegExp, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (!pattern.test(run.output())) {
    if (run.child.exitCode !== null) throw new Error(`start exited (${run.child.exitCode}):\n${run.output()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}:\n${run.output()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function stop(run: Run): Promise<number | null> {
  if (run.child.exitCode !== null) return run.child.exitCode;
  const exited = new Promise<number | null>((resolve) => run.child.once('exit', (code) => resolve(code)));
  run.child.kill('SIGINT');
  return exited;
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

const QUERY = '{ country { provinceCount communeCount } province(code: "04") { name communes(first: 5) { totalCount } } }';

async function ask(): Promise<any> {
  const response = await fetch(`http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  return response.json();
}

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'kh02-start-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('npm start seeds on first run, answers through the gateway, stops on Ctrl-C, and reuses the data next time', async () => {
  const first = start(dataDir);
  try {
    await until(first, /KH02 platform ready/, 120_000);
    expect(first.output()).toContain(`Gateway:    http://localhost:${PORTS.GATEWAY_PORT}/graphql`);
    expect(await ask()).toEqual({ data: { country: { provinceCount: 34, communeCount: 3321 }, province: { name: 'Cao Bằng', communes: { totalCount: 56 } } } });
    expect(first.output()).toMatch(/"seeded":true/);
  } finally {
    expect(await stop(first)).toBe(0);
  }
  for (const port of Object.values(PORTS)) expect(await portIsFree(Number(port))).toBe(true);
  expect(
    readdirSync(dataDir)
      .filter((f) => f.endsWith('.sqlite'))
      .sort(),
  ).toEqual(['geography.sqlite', 'readiness.sqlite', 'tasks.sqlite']);

  const second = start(dataDir);
  try {
    await until(second, /KH02 platform ready/, 60_000);
    expect(second.output()).toMatch(/"seeded":false/);
    expect(second.output()).not.toMatch(/"seeded":true/);
    expect((await ask()).data.country.communeCount).toBe(3321);
  } finally {
    expect(await stop(second)).toBe(0);
  }
});

test('a port in use gives one line naming the port and the variable, and starts nothing', async () => {
  const holder = net.createServer();
  await new Promise<void>((resolve) => holder.listen(Number(PORTS.TASKS_PORT), '127.0.0.1', resolve));
  try {
    const run = start(dataDir);
    const code = await new Promise<number | null>((resolve) => run.child.once('exit', (c) => resolve(c)));
    expect(code).toBe(1);
    expect(run.output().trim()).toBe(`Port ${PORTS.TASKS_PORT} is already in use: set TASKS_PORT to a free port.`);
  } finally {
    await new Promise((resolve) => holder.close(resolve));
  }
});
