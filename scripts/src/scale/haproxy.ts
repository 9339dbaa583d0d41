import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** One load-balanced service: a frontend port and the replicas behind it. */
export interface Balanced {
  name: string;
  /** The port HAProxy listens on for this service (on 127.0.0.1). */
  port: number;
  /** The replicas' ports (on 127.0.0.1). */
  servers: number[];
  /** Health check path: a replica is sent requests only while this answers 200. */
  check: string;
}

/** Where HAProxy is: PATH, then Debian's /usr/sbin; undefined when it is not installed. */
export function findHaproxy(): string | undefined {
  for (const candidate of ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy']) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * HAProxy, installed from Debian's packages when missing (`apt-get install haproxy`, as root or
 * through sudo). Throws, saying what to install, when that is impossible.
 */
export function ensureHaproxy(log: (line: string) => void): string {
  const found = findHaproxy();
  if (found) return found;
  log('HAProxy is not installed: installing it from Debian’s packages (apt-get install -y haproxy)');
  const root = process.getuid?.() === 0;
  const run = (args: string[]) =>
    execFileSync(root ? args[0] : 'sudo', root ? args.slice(1) : ['-n', ...args], {
      stdio: 'inherit',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  try {
    run(['apt-get', 'update', '-qq']);
    run(['apt-get', 'install', '-y', '-qq', 'haproxy']);
  } catch (error) {
    throw new Error(`Could not install HAProxy (${(error as Error).message}): install Debian's haproxy package, then run npm run test:scale again.`);
  }
  const installed = findHaproxy();
  if (!installed) throw new Error('apt-get install haproxy succeeded but no haproxy binary was found.');
  return installed;
}

/**
 * The HAProxy configuration: one HTTP frontend per service, round robin over its replicas, each
 * checked every 400 ms on its health path (down after 2 failures, up after 2 successes; a busy
 * replica has 2 s to answer a check). A
 * connection refused by a replica that has just died, or a response it never sends, is retried
 * once on another replica (`retry-on`, `option redispatch`): the request was fully buffered, and
 * writes carry an `Idempotency-Key`, so a retried write is applied once.
 */
export function haproxyConfig(services: readonly Balanced[]): string {
  const lines = [
    'global',
    '  maxconn 2048',
    '',
    'defaults',
    '  mode http',
    '  option httplog',
    '  option redispatch 1',
    '  retries 2',
    '  retry-on conn-failure empty-response',
    '  option http-buffer-request',
    '  timeout connect 2s',
    '  timeout client 60s',
    '  timeout server 60s',
    '  timeout http-request 10s',
    '  timeout http-keep-alive 30s',
    // A dead replica refuses the check at once; a busy one may take a while to answer: 2 s allowed.
    '  timeout check 2s',
    '  default-server inter 400ms fall 2 rise 2',
  ];
  for (const s of services) {
    lines.push('', `frontend ${s.name}`, `  bind 127.0.0.1:${s.port}`, `  default_backend ${s.name}_replicas`);
    lines.push('', `backend ${s.name}_replicas`, '  balance roundrobin', `  option httpchk GET ${s.check}`, '  http-check expect status 200');
    s.servers.forEach((port, i) => lines.push(`  server ${s.name}-${i + 1} 127.0.0.1:${port} check`));
  }
  return `${lines.join('\n')}\n`;
}
