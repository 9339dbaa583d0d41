import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { ANONYMOUS, internalKey, signInternalToken } from '@kh02/common';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** The repository root (this file runs from scripts/dist/bench). */
export const ROOT = path.resolve(__dirname, '../../..');

/** Loopback only: the bench never binds anything else. */
export const HOST = '127.0.0.1';

/** `taskset` when the machine has it (and more than one core), else nothing: the bench still runs, unpinned. */
export const TASKSET: string | undefined = (() => {
  const found = spawnSync('sh', ['-c', 'command -v taskset'], { encoding: 'utf8' }).stdout.trim();
  return found && os.cpus().length >= 2 ? found : undefined;
})();

/** Every child the bench started, so that any exit path stops them. */
const children = new Set<ChildProcess>();

/** A child process the bench started, pinned to `core` where taskset exists. */
export interface Proc {
  name: string;
  child: ChildProcess;
  pid: number;
  /** Last lines of its stderr/stdout, for error messages. */
  tail(): string;
}

/**
 * Spawns `node <args>`; output is kept (last 40 lines) rather than printed. It starts on any core
 * (start-up is not measured, and on one core six processes would start one after another); call
 * {@link pin} once it is ready.
 */
export function spawnNode(name: string, args: string[], env: NodeJS.ProcessEnv, nodeOptions: string[] = []): Proc {
  const child = spawn(process.execPath, [...nodeOptions, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'], cwd: ROOT });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    if (lines.length > 40) lines.splice(0, lines.length - 40);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { name, child, pid: child.pid!, tail: () => lines.join('\n') };
}

/** Pins a running process, every thread of it, to one core (no-op without taskset). */
export function pin(proc: Pick<Proc, 'name' | 'pid'>, core: number): void {
  if (!TASKSET) return;
  const result = spawnSync(TASKSET, ['-a', '-p', '-c', String(core), String(proc.pid)], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`taskset could not pin ${proc.name}: ${result.stderr}`);
}

/** Stops one child: SIGTERM, then SIGKILL after 3 s. */
export function stopProc(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
    setTimeout(() => child.kill('SIGKILL'), 3000).unref();
  });
}

/** Stops every child the bench started. */
export async function stopAll(): Promise<void> {
  await Promise.all([...children].map(stopProc));
}

/** Synchronous last resort on process exit. */
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** A free loopback port (the OS picks it; closed again before use). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, HOST, () => {
      const port = (server.address() as AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

/** Runs a script's `main`: exit code 0 when it resolves, its stack on stderr and 1 when it throws. */
export function runMain(main: () => Promise<void>): void {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
      process.exit(1);
    },
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `url` (GET) until it answers 200. */
export async function waitForHttp(url: string, proc: Proc, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (proc.child.exitCode !== null) throw new Error(`${proc.name} exited (${proc.child.exitCode}) before it was ready:\n${proc.tail()}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  throw new Error(`${proc.name} not ready at ${url} after ${timeoutMs} ms:\n${proc.tail()}`);
}

/** POSTs a GraphQL body; returns status and the exact response bytes. */
export async function post(
  url: string,
  body: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string; ms: number; headers: Headers }> {
  const start = performance.now();
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - start, headers: response.headers };
}

/** Resident set size of a process, in bytes (Linux /proc), or undefined elsewhere. */
export function rssOf(pid: number): number | undefined {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; 10 ms ticks), or undefined elsewhere. */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, i.e. 11 and 12 after the command name.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}

/** The value at quantile q (0–1) of sorted numbers, nearest-rank. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function median(values: readonly number[]): number {
  const s = [...values].filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

/**
 * The environment every server process of the bench starts with: the run's shared secret and
 * identity keys, production mode, quiet logs, no seeding (the data sets are seeded before), and no
 * per-caller cost budget (the load generator is one caller asking thousands of times a minute).
 */
export function serverProcessEnv(secret: string, identity: BenchIdentity): Record<string, string> {
  return {
    SUBGRAPH_SECRET: secret,
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    SEED: 'false',
    COST_BUDGET_PER_MINUTE: '0',
    ...identity.env,
    PATH: process.env.PATH ?? '',
  };
}

/** Where `npm run bench` installs the peer arm (Hive Gateway), outside the workspace's dependencies. */
export const PEER_DIR = path.join(ROOT, 'scripts/bench-peer');

/**
 * Loads a package of the peer arm from {@link PEER_DIR}.
 * @throws Error saying how to install it when `npm run bench` has not installed it yet
 */
export function requirePeer<T>(pkg: string): T {
  const req = createRequire(path.join(PEER_DIR, 'package.json'));
  try {
    return req(pkg) as T;
  } catch (error) {
    throw new Error(`${pkg} is not installed in ${PEER_DIR}: run \`node scripts/bin/install-isolated.cjs scripts/bench-peer\` (npm run bench does it)`, {
      cause: error,
    });
  }
}

/** Version of an installed package, read from its package.json. */
export function versionOf(pkg: string): string {
  const candidates = [
    path.join(ROOT, 'node_modules', pkg, 'package.json'),
    path.join(ROOT, 'scripts/node_modules', pkg, 'package.json'),
    path.join(PEER_DIR, 'node_modules', pkg, 'package.json'),
  ];
  for (const file of candidates) if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
  return 'not installed';
}

/** What the production gateway and subgraphs of a bench run need for identity, and the token the stock and peer arms send in the gateway's place. */
export interface BenchIdentity {
  /** INTERNAL_TOKEN_SECRET, AUTH_ISSUER and AUTH_JWKS (a key generated for this run; the load is anonymous, so nothing is signed with it). */
  env: Record<string, string>;
  /** An anonymous reader's identity token, signed with the run's INTERNAL_TOKEN_SECRET, valid for `ttlSeconds`. */
  token: string;
}

/**
 * Identity settings for one bench run in production mode: the load is anonymous (the dashboard's
 * public figures), the project gateway signs each request's identity itself, and the stock and
 * peer gateways, which cannot, send one anonymous identity signed here for the length of the run.
 */
export async function benchIdentity(ttlSeconds = 4 * 3600): Promise<BenchIdentity> {
  const internalSecret = randomBytes(32).toString('hex');
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Record<string, unknown>), alg: 'ES256', use: 'sig', kid: 'bench' };
  const token = await signInternalToken(ANONYMOUS, internalKey(internalSecret), Date.now(), ttlSeconds);
  return { env: { INTERNAL_TOKEN_SECRET: internalSecret, AUTH_ISSUER: 'kh02-bench', AUTH_JWKS: JSON.stringify({ keys: [jwk] }) }, token };
}
