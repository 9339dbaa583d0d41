import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { NATIONAL_DRILL_DOWN } from './queries';

// `npm start` end to end, as a newcomer runs it: the compiled start script launches the three
// subgraphs and the gateway as processes, on fixed test ports on 127.0.0.1 (4100–4103), with a
// fresh data folder. Run after `tsc -b` (npm test's typecheck step builds every dist).
const ROOT = path.resolve(__dirname, '../..');
const PORTS = { GATEWAY_PORT: '4100', GEOGRAPHY_PORT: '4101', TASKS_PORT: '4102', READINESS_PORT: '4103' };

interface Run {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
}

function start(dataDir: string, extraEnv: Record<string, string> = {}): Run {
  const child = spawn(process.execPath, [path.join(ROOT, 'scripts/dist/start.js')], {
    env: { ...process.env, ...PORTS, DATA_DIR: dataDir, HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info', ...extraEnv },
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

/** The pids of `parent`'s child processes whose command line contains `marker` (Linux /proc). */
function childPids(parent: number, marker: string): number[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return ppid === parent && readFileSync(`/proc/${d}/cmdline`, 'utf8').includes(marker);
      } catch {
        return false; // the process ended while we looked
      }
    })
    .map(Number);
}

const CAO_BANG = '{ province(code: "04") { name greenCoverage { percent } readiness { fullyMet { percent } } } }';

async function askCaoBang(): Promise<{ ms: number; body: any }> {
  const started = Date.now();
  const response = await fetch(`http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: CAO_BANG }),
  });
  return { ms: Date.now() - started, body: await response.json() };
}

function expectReadinessMissing(body: any): void {
  expect(body.data.province).toEqual({ name: 'Cao Bằng', greenCoverage: { percent: 5.36 }, readiness: null });
  expect(body.errors).toEqual([
    expect.objectContaining({ path: ['province', 'readiness'], extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', service: 'readiness' }) }),
  ]);
  expect(JSON.stringify(body.errors)).not.toMatch(/127\.0\.0\.1|http:/);
}

test('under npm start, a stalled then killed readiness subgraph costs only its fields, and its restart brings the full answer back without restarting anything else', async () => {
  // Seeded by the first test; a 3 s deadline so that the stalled subgraph answers within it.
  // The response cache off: it would answer from before the stall, and this is about the failure path.
  const run = start(dataDir, { SUBGRAPH_TIMEOUT_MS: '3000', RESPONSE_CACHE: 'false' });
  try {
    await until(run, /KH02 platform ready/, 120_000);
    const full = await askCaoBang();
    expect(full.body.errors).toBeUndefined();
    expect(full.body.data.province.readiness.fullyMet.percent).toEqual(expect.any(Number));
    const [readiness] = childPids(run.child.pid!, 'readiness/dist/main.js');
    const others = ['geography/dist/main.js', 'tasks/dist/main.js', 'gateway/dist/main.js'].flatMap((m) => childPids(run.child.pid!, m));
    expect(readiness).toEqual(expect.any(Number));
    expect(others).toHaveLength(3);

    // Stalled: the process is there but never answers. The deadline is total time, not idle time.
    process.kill(readiness, 'SIGSTOP');
    try {
      const stalled = await askCaoBang();
      expectReadinessMissing(stalled.body);
      expect(stalled.ms).toBeLessThan(10_000);
    } finally {
      process.kill(readiness, 'SIGCONT');
    }

    // Killed: npm start keeps the platform up, answers without readiness, and restarts it.
    process.kill(readiness, 'SIGKILL');
    await until(run, /readiness stopped unexpectedly \(SIGKILL\); restarting it in \d+ ms/, 10_000);
    expectReadinessMissing((await askCaoBang()).body);
    const deadline = Date.now() + 90_000;
    let answer = await askCaoBang();
    while (answer.body.errors && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 1000));
      answer = await askCaoBang();
    }
    expect(answer.body).toEqual(full.body);
    const restarted = childPids(run.child.pid!, 'readiness/dist/main.js');
    expect(restarted).toHaveLength(1);
    expect(restarted[0]).not.toBe(readiness);
    // Nothing else was restarted.
    expect(['geography/dist/main.js', 'tasks/dist/main.js', 'gateway/dist/main.js'].flatMap((m) => childPids(run.child.pid!, m))).toEqual(others);
  } finally {
    expect(await stop(run)).toBe(0);
  }
  for (const port of Object.values(PORTS)) expect(await portIsFree(Number(port))).toBe(true);
});

test('SIGTERM to npm start lets a national drill-down in flight complete, then stops everything', async () => {
  const run = start(dataDir);
  try {
    await until(run, /KH02 platform ready/, 120_000);
    const inFlight = fetch(`http://127.0.0.1:${PORTS.GATEWAY_PORT}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: NATIONAL_DRILL_DOWN }),
    });
    // The national query takes seconds; stop the platform while it is being answered.
    await new Promise((r) => setTimeout(r, 300));
    const exited = new Promise<number | null>((resolve) => run.child.once('exit', (code) => resolve(code)));
    run.child.kill('SIGTERM');
    const response = await inFlight;
    const body = (await response.json()) as { data?: any; errors?: unknown[] };
    expect(response.status).toBe(200);
    expect(body.errors).toBeUndefined();
    expect(body.data.provinces).toHaveLength(34);
    expect(await exited).toBe(0);
  } finally {
    await stop(run);
  }
  for (const port of Object.values(PORTS)) expect(await portIsFree(Number(port))).toBe(true);
});
