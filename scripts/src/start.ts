import { portVariable, SUBGRAPHS, type SubgraphEntry } from '@kh02/common';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import path from 'node:path';

/** The repository root (this file runs from scripts/dist). */
const ROOT = path.resolve(__dirname, '../..');

/** A process `npm start` runs: its entry point (absolute, or from the repository root), the variable that sets its port, and its default. */
export interface Service {
  name: string;
  entry: string;
  portVariable: string;
  defaultPort: number;
}

/** A subgraph's process: its package's compiled `main.js`, found without loading the package. */
export function subgraphService(entry: SubgraphEntry): Service {
  const folder = path.dirname(require.resolve(`${entry.package}/package.json`));
  return { name: entry.name, entry: path.join(folder, 'dist/main.js'), portVariable: portVariable(entry.name), defaultPort: entry.defaultPort };
}

/** The platform: every subgraph in the registry, then the gateway. */
export const SERVICES: Service[] = [
  ...SUBGRAPHS.map(subgraphService),
  { name: 'gateway', entry: 'gateway/dist/main.js', portVariable: 'GATEWAY_PORT', defaultPort: 4000 },
];

/** The port a service will use under this environment. */
export function portOf(service: Service, env: NodeJS.ProcessEnv): number {
  const raw = env[service.portVariable];
  if (raw === undefined || raw === '') return service.defaultPort;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${service.portVariable}=${raw} is not a port number (1–65535).`);
  return port;
}

/** Resolves to an error message when the port is taken, or undefined when it is free. */
export function checkPortFree(port: number, host: string, variable: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      resolve(error.code === 'EADDRINUSE' ? `Port ${port} is already in use: set ${variable} to a free port.` : `Port ${port}: ${error.message}`),
    );
    probe.listen(port, host, () => probe.close(() => resolve(undefined)));
  });
}

/** How long `npm start` waits after SIGTERM for a child to drain: its grace period, plus time to exit. */
export function stopGraceMs(env: NodeJS.ProcessEnv): number {
  const grace = Number(env.SHUTDOWN_GRACE_MS || 10_000);
  return (Number.isFinite(grace) && grace >= 0 ? grace : 10_000) + 5_000;
}

/** Delay before the n-th restart in a row of a crashed subgraph: 0.5 s doubling to 30 s. */
export function restartDelayMs(attempt: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, attempt));
}

/** Polls a URL until it answers 200 or the deadline passes. */
async function waitFor(url: string, deadline: number, child: ChildProcess): Promise<void> {
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode} before it was ready`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`not ready at ${url} after the time allowed`);
}

async function main(): Promise<void> {
  const env = { ...process.env };
  const host = env.HOST || '127.0.0.1';
  // Gateway and subgraphs share a secret so the subgraphs answer only the gateway, even locally.
  env.SUBGRAPH_SECRET ||= randomBytes(24).toString('hex');
  // The key the gateway signs callers' identity with for the subgraphs (they trust nothing else).
  env.INTERNAL_TOKEN_SECRET ||= randomBytes(32).toString('hex');
  const ports = SERVICES.map((s) => portOf(s, env));
  const problems = (await Promise.all(SERVICES.map((s, i) => checkPortFree(ports[i], host, s.portVariable)))).filter(Boolean);
  if (problems.length > 0) {
    for (const p of problems) process.stderr.write(`${p}\n`);
    process.exit(1);
  }
  for (const [i, s] of SERVICES.entries()) env[s.portVariable] = String(ports[i]);

  /** Running children, by the service each runs. */
  const children = new Map<ChildProcess, string>();
  const grace = stopGraceMs(env);
  let stopping = false;
  const stopChild = (child: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), grace).unref();
    });
  // The gateway first: it drains the requests in flight, whose later fetches still need the
  // subgraphs; then the subgraphs, which drain their own.
  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    const running = [...children];
    await Promise.all(running.filter(([, name]) => name === 'gateway').map(([child]) => stopChild(child)));
    await Promise.all(running.filter(([, name]) => name !== 'gateway').map(([child]) => stopChild(child)));
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  const started = Date.now();
  let ready = false;
  const restarts = new Map<string, number>();
  const launch = (service: Service) => {
    const child = spawn(process.execPath, [path.resolve(ROOT, service.entry)], {
      env: { ...env, KH02_SERVICE: service.name, LOG_LEVEL: env.LOG_LEVEL || 'warn' },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.set(child, service.name);
    const launched = Date.now();
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (stopping) return;
      const how = signal ?? `exit code ${code}`;
      // A subgraph that crashes once the platform is up is restarted with back-off; the gateway
      // answers without its fields meanwhile. A crash while starting, or of the gateway, stops all.
      if (ready && service.name !== 'gateway') {
        const attempt = Date.now() - launched > 60_000 ? 0 : (restarts.get(service.name) ?? 0);
        restarts.set(service.name, attempt + 1);
        const delay = restartDelayMs(attempt);
        process.stderr.write(`${service.name} stopped unexpectedly (${how}); restarting it in ${delay} ms.\n`);
        setTimeout(() => {
          if (!stopping) launch(service);
        }, delay).unref();
        return;
      }
      process.stderr.write(`${service.name} stopped unexpectedly (${how}); stopping the platform.\n`);
      void stopAll(1);
    });
    return child;
  };
  process.stdout.write('Starting the KH02 platform (the first start creates, migrates and seeds the SQLite databases under data/)…\n');
  const subgraphs = SERVICES.filter((s) => s.name !== 'gateway');
  try {
    // Subgraphs start (and seed) in parallel; the gateway waits for all of them.
    await Promise.all(
      subgraphs.map((s) => {
        const child = launch(s);
        return waitFor(`http://${host}:${env[s.portVariable]}/health`, Date.now() + 180_000, child).catch((error: Error) => {
          throw new Error(`${s.name}: ${error.message}`);
        });
      }),
    );
    const gateway = SERVICES.find((s) => s.name === 'gateway')!;
    const child = launch(gateway);
    await waitFor(`http://${host}:${env.GATEWAY_PORT}/ready`, Date.now() + 60_000, child);
  } catch (error) {
    process.stderr.write(`Could not start the platform: ${(error as Error).message}\n`);
    await stopAll(1);
    return;
  }
  ready = true;
  const shown = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
  process.stdout.write(
    [
      `KH02 platform ready in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
      `  Page:       http://${shown}:${env.GATEWAY_PORT}/ (the monitoring map and tables)`,
      `  Gateway:    http://${shown}:${env.GATEWAY_PORT}/graphql`,
      `  Playground: http://${shown}:${env.GATEWAY_PORT}/graphql (open it in a browser: GraphiQL, served offline, with the saved operations)`,
      `  Exports:    http://${shown}:${env.GATEWAY_PORT}/export/ProvinceOverview.csv (or .xlsx; any operation in operations/)`,
      `  Subgraphs:  ${subgraphs.map((s) => `${s.name} :${env[s.portVariable]}`).join(', ')} (they answer only the gateway)`,
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
}

if (require.main === module) void main();
