/**
 * `npm run test:scale [-- --duration 40] [-- --writes auto|on|off]`: the platform scaled out, on
 * PostgreSQL, behind a real load balancer, while processes die (issue 15, part 5).
 *
 * 1. HAProxy from Debian's packages (installed when missing), PostgreSQL (KH02_TEST_PG_URL,
 *    default postgres://postgres@127.0.0.1:5432/postgres) and Redis (KH02_TEST_REDIS_URL or
 *    REDIS_URL, default redis://127.0.0.1:6379) must be there: anything unreachable fails the run.
 * 2. A fresh PostgreSQL database per subgraph, migrated and seeded with `npm run migrate`'s code.
 * 3. Two replicas of each subgraph and two gateway replicas sharing Redis, every one with
 *    NODE_ENV=production (so the subgraphs only check their migrations), each service behind its
 *    own HAProxy frontend with health checks on /ready. Fixed ports 4400–4499.
 * 4. A mixed load through the gateway frontend: readers (national, province and assignment
 *    reads) and writers (`reportProgress` with an `Idempotency-Key`, retried with the same key
 *    until acknowledged), every acknowledged write read back at once through each gateway
 *    replica with `asOf` now. Meanwhile replica 1 of each subgraph, then gateway replica 1, is
 *    killed with SIGKILL and started again.
 * 5. The databases are then read directly: every acknowledged write must be there exactly once.
 *
 * Prints `requests=N failed=N lost_writes=N stale_reads=N` and exits 1 unless every failed request
 * was in flight when a process was killed, no acknowledged write is lost or duplicated, no read
 * after an acknowledgement was stale, and every write was acknowledged.
 *
 * Writes need the write path (`Mutation.reportProgress`). With `--writes auto` (the default) they
 * run when the supergraph has it; otherwise the run says so and drives reads only.
 */
import { SUBGRAPHS, databaseUrlVariable } from '@kh02/common';
import { ensureDevKey, issueDevToken } from '@kh02/gateway/dist/auth';
import { createTestDatabase, queryPostgres, type TestDatabase } from '@kh02/subgraph-kit/testing';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { formatResult, runMigrations } from '../migrate';
import { checkPortFree, subgraphService } from '../start';
import { ensureHaproxy, haproxyConfig, type Balanced } from './haproxy';
import { inFlightOnKill, summaryLine, tally, type AckedWrite, type Kill, type Outcome } from './verdict';

const ROOT = path.resolve(__dirname, '../../..');
const HOST = '127.0.0.1';
/** The gateway's frontend; subgraph frontends follow in registry order (4401, 4402, …). */
const GATEWAY_FRONTEND = 4400;
/** Replica r (1 or 2) of the i-th subgraph listens on 4410 + 10 i + r; gateway replicas on 4491, 4492. */
const subgraphReplicaPort = (index: number, replica: number) => 4410 + 10 * index + replica;
const GATEWAY_REPLICAS = [4491, 4492];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const started = Date.now();
const log = (line: string) => process.stdout.write(`[scale +${((Date.now() - started) / 1000).toFixed(1)}s] ${line}\n`);

/** Command-line options. */
export interface ScaleOptions {
  durationS: number;
  writes: 'auto' | 'on' | 'off';
}

export function parseScaleArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ScaleOptions {
  const options: ScaleOptions = { durationS: Number(env.SCALE_DURATION_S || 40), writes: (env.SCALE_WRITES as ScaleOptions['writes']) || 'auto' };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--duration') options.durationS = Number(argv[++i]);
    else if (argv[i] === '--writes') options.writes = argv[++i] as ScaleOptions['writes'];
    else throw new Error(`Unknown argument ${argv[i]}: usage is npm run test:scale [-- --duration <seconds>] [--writes auto|on|off]`);
  }
  if (!Number.isFinite(options.durationS) || options.durationS < 15 || options.durationS > 300)
    throw new Error('--duration must be between 15 and 300 seconds.');
  if (!['auto', 'on', 'off'].includes(options.writes)) throw new Error('--writes must be auto, on or off.');
  return options;
}

/** One process of the platform: started, killed and started again. */
class Replica {
  child: ChildProcess | undefined;
  /** Serving (started and ready, not killed since). */
  up = false;
  constructor(
    readonly name: string,
    readonly entry: string,
    readonly port: number,
    readonly env: NodeJS.ProcessEnv,
    readonly logFile: string,
  ) {}

  start(): void {
    const out = openSync(this.logFile, 'a');
    this.child = spawn(process.execPath, [this.entry], { env: this.env, stdio: ['ignore', out, out] });
    closeSync(out);
  }

  async waitReady(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (this.child?.exitCode !== null && this.child?.exitCode !== undefined) {
        throw new Error(`${this.name} exited with code ${this.child.exitCode}; its log (${this.logFile}):\n${tail(this.logFile)}`);
      }
      const status = await fetch(`http://${HOST}:${this.port}/ready`, { signal: AbortSignal.timeout(2000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) {
        this.up = true;
        return;
      }
      await sleep(150);
    }
    throw new Error(`${this.name} not ready on port ${this.port} after ${timeoutMs} ms; its log:\n${tail(this.logFile)}`);
  }

  /** SIGKILL, and wait until the process is gone. */
  async kill(): Promise<void> {
    this.up = false;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await gone;
  }

  async stop(): Promise<void> {
    this.up = false;
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await gone;
    clearTimeout(timer);
  }
}

function tail(file: string, lines = 15): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Redis answers PING, or the run fails. */
async function pingRedis(url: string): Promise<void> {
  const { hostname, port } = new URL(url);
  await new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host: hostname || HOST, port: Number(port || 6379) });
    socket.setTimeout(3000, () => socket.destroy(new Error('no answer within 3 s')));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.end();
      if (data.toString().startsWith('+PONG')) resolve();
      else reject(new Error(`unexpected answer ${JSON.stringify(data.toString().trim())}`));
    });
    socket.once('error', reject);
  }).catch((error: Error) => {
    throw new Error(`Redis at ${url} is unreachable: ${error.message}`);
  });
}

interface Answer {
  status: number;
  body?: { data?: Record<string, any> | null; errors?: { message: string; extensions?: { code?: string } }[] };
  error?: string;
}

async function post(port: number, query: string, variables: Record<string, unknown>, headers: Record<string, string>): Promise<Answer> {
  try {
    const response = await fetch(`http://${HOST}:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(20_000),
    });
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) as Answer['body'] };
    } catch {
      return { status: response.status, error: `HTTP ${response.status}: ${text.slice(0, 80)}` };
    }
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause;
    return { status: 0, error: cause?.code ?? (error as Error).name };
  }
}

const failureOf = (a: Answer): string | undefined =>
  a.error ?? (a.status !== 200 ? `HTTP ${a.status}` : a.body?.errors?.length ? (a.body.errors[0].extensions?.code ?? a.body.errors[0].message) : undefined);

const NATIONAL = `query ScaleNational { country { provinceCount communeCount progress { green yellow red } readiness { fullyMet { numerator denominator } } } }`;
const PROVINCE = `query ScaleProvince($code: ID!) { province(code: $code) { name progressStatus greenCoverage { percent } communes(first: 5) { totalCount edges { node { code name } } } } }`;
const assignmentsQuery = (withVersion: boolean) =>
  `query ScaleAssignments($code: ID!, $asOf: AsOf) { province(code: $code) { assignments(asOf: $asOf) { number percent ${withVersion ? 'version' : ''} lastReport { percent reportedAt } } } }`;
const WRITE = (withVersion: boolean) =>
  `mutation ScaleWrite($input: ReportProgressInput!) { reportProgress(input: $input) { assignment { number percent ${withVersion ? 'version' : ''} } report { id percent reportedAt } } }`;

/** A province-level assignment a writer owns (no one else writes it during the run). */
interface Owned {
  number: number;
  province: string;
  percent: number;
  version?: number;
}

async function main(): Promise<number> {
  const options = parseScaleArgs(process.argv.slice(2));
  const run = randomBytes(4).toString('hex');
  const work = mkdtempSync(path.join(os.tmpdir(), `kh02-scale-${run}-`));
  const pgAdmin = process.env.KH02_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  // The gateways' Redis keys (cost budgets) are per caller: this run's caller, scale-<run>, is its own.
  const redisUrl = process.env.KH02_TEST_REDIS_URL || process.env.REDIS_URL || 'redis://127.0.0.1:6379';
  log(`run ${run}; logs and HAProxy configuration in ${work}`);

  const haproxyBin = ensureHaproxy(log);
  log(`${spawnSync(haproxyBin, ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0]} (${haproxyBin})`);
  await pingRedis(redisUrl);

  const subgraphFrontends = SUBGRAPHS.map((s, i) => ({ entry: s, port: GATEWAY_FRONTEND + 1 + i, replicas: [1, 2].map((r) => subgraphReplicaPort(i, r)) }));
  const allPorts = [GATEWAY_FRONTEND, ...GATEWAY_REPLICAS, ...subgraphFrontends.flatMap((f) => [f.port, ...f.replicas])];
  const busy = (await Promise.all(allPorts.map((p) => checkPortFree(p, HOST, `port ${p}`)))).filter(Boolean);
  if (busy.length > 0) throw new Error(`test:scale needs ports 4400–4499: ${busy.join('; ')}`);

  const replicas: Replica[] = [];
  const databases: TestDatabase[] = [];
  let haproxy: ChildProcess | undefined;
  let passed = false;
  const cleanup = async () => {
    await Promise.all(replicas.map((r) => r.stop()));
    if (haproxy && haproxy.exitCode === null) {
      const gone = new Promise((resolve) => haproxy!.once('exit', resolve));
      haproxy.kill('SIGTERM');
      await gone;
    }
    for (const db of databases) await db.drop().catch((error: Error) => log(`could not drop a database: ${error.message}`));
  };
  const interrupted = () => void cleanup().then(() => process.exit(130));
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);

  try {
    // ---------------------------------------------------------------- databases: migrate + seed
    const dbEnv: NodeJS.ProcessEnv = {};
    for (const s of SUBGRAPHS) {
      const db = await createTestDatabase(`scale_${s.name}`, { KH02_TEST_DB: 'postgres', KH02_TEST_PG_URL: pgAdmin });
      databases.push(db);
      dbEnv[databaseUrlVariable(s.name)] = db.url;
    }
    log('fresh PostgreSQL databases created; npm run migrate -- --seed:');
    for (const r of await runMigrations({ seed: true, only: [] }, dbEnv)) log(`  ${formatResult(r)}`);

    // ---------------------------------------------------------------- processes
    const secrets = { SUBGRAPH_SECRET: randomBytes(24).toString('hex'), INTERNAL_TOKEN_SECRET: randomBytes(32).toString('hex') };
    const base = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', HOST, LOG_LEVEL: 'warn', ...secrets };
    for (const [i, f] of subgraphFrontends.entries()) {
      for (const [r, port] of f.replicas.entries()) {
        const name = `${f.entry.name}-${r + 1}`;
        const env = { ...base, KH02_SERVICE: name, PORT: String(port), DATABASE_URL: dbEnv[databaseUrlVariable(f.entry.name)], DATABASE_POOL_MAX: '5' };
        replicas.push(new Replica(name, subgraphService(SUBGRAPHS[i]).entry, port, env, path.join(work, `${name}.log`)));
      }
    }
    const subgraphReplicas = [...replicas];
    for (const r of subgraphReplicas) r.start();
    await Promise.all(subgraphReplicas.map((r) => r.waitReady()));
    log(`${subgraphReplicas.length} subgraph replicas ready (NODE_ENV=production, PostgreSQL)`);

    const balanced: Balanced[] = [
      // A gateway's /ready also asks every subgraph (through these same frontends): checking it would
      // take both gateways out together whenever a subgraph backend flaps, where the gateway itself
      // still answers (with partial data at worst). The balancer checks the process: /health.
      { name: 'gateway', port: GATEWAY_FRONTEND, servers: GATEWAY_REPLICAS, check: '/health' },
      ...subgraphFrontends.map((f) => ({ name: f.entry.name, port: f.port, servers: f.replicas, check: '/ready' })),
    ];
    const cfg = path.join(work, 'haproxy.cfg');
    writeFileSync(cfg, haproxyConfig(balanced));
    const checked = spawnSync(haproxyBin, ['-c', '-q', '-f', cfg], { encoding: 'utf8' });
    if (checked.status !== 0) throw new Error(`haproxy -c refused ${cfg}: ${checked.stderr || checked.stdout}`);
    const haproxyLog = openSync(path.join(work, 'haproxy.log'), 'a');
    haproxy = spawn(haproxyBin, ['-db', '-f', cfg], { stdio: ['ignore', haproxyLog, haproxyLog] });
    closeSync(haproxyLog);

    const key = await ensureDevKey(path.join(work, 'keys'));
    const issuer = `kh02-scale-${run}`;
    const token = await issueDevToken({ role: 'admin', scopes: [], ttlSeconds: 3600, subject: `scale-${run}` }, key, { issuer, audience: 'kh02' });
    const gatewayEnv = {
      ...base,
      REDIS_URL: redisUrl,
      AUTH_JWKS: JSON.stringify({ keys: [key.publicJwk] }),
      AUTH_ISSUER: issuer,
      SUPERGRAPH_POLL_MS: '0',
      ...Object.fromEntries(subgraphFrontends.map((f) => [`${f.entry.name.toUpperCase()}_URL`, `http://${HOST}:${f.port}/graphql`])),
    };
    const gateways = GATEWAY_REPLICAS.map(
      (port, i) =>
        new Replica(
          `gateway-${i + 1}`,
          path.join(ROOT, 'gateway/dist/main.js'),
          port,
          { ...gatewayEnv, KH02_SERVICE: `gateway-${i + 1}`, GATEWAY_PORT: String(port) },
          path.join(work, `gateway-${i + 1}.log`),
        ),
    );
    replicas.push(...gateways);
    for (const g of gateways) g.start();
    await Promise.all(gateways.map((g) => g.waitReady()));
    // The frontend answers once HAProxy has seen the gateways healthy.
    const frontend = new Replica('gateway frontend', '', GATEWAY_FRONTEND, {}, path.join(work, 'haproxy.log'));
    await frontend.waitReady(20_000);
    log(
      `HAProxy ready: gateway ${GATEWAY_FRONTEND} → ${GATEWAY_REPLICAS.join(', ')}; ${subgraphFrontends.map((f) => `${f.entry.name} ${f.port} → ${f.replicas.join(', ')}`).join('; ')}`,
    );

    // ---------------------------------------------------------------- what to write
    const supergraph = readFileSync(path.join(ROOT, 'schema/supergraph.graphql'), 'utf8');
    const hasWrites = /\breportProgress\s*\(/.test(supergraph);
    const withVersion = /type Assignment[^{]*\{[^}]*\bversion\s*:/s.test(supergraph);
    const writes = options.writes === 'on' || (options.writes === 'auto' && hasWrites);
    if (options.writes === 'on' && !hasWrites) throw new Error('--writes on, but the supergraph has no Mutation.reportProgress on this branch.');
    log(
      writes
        ? `writes on (reportProgress${withVersion ? ', Assignment.version' : ''})`
        : `writes OFF: ${hasWrites ? '--writes off' : 'the supergraph has no Mutation.reportProgress on this branch'}; reads only`,
    );
    const auth = { authorization: `Bearer ${token}` };
    const tasksDb = dbEnv[databaseUrlVariable('tasks')]!;

    const WRITERS = writes ? 2 : 0;
    const READERS = 4;
    const PER_WRITER = 12;
    const candidates = await queryPostgres<{ number: number; province: string; percent: number }>(
      tasksDb,
      `select a.id as number, a.province_code as province,
              coalesce((select r.percent from progress_report r where r.assignment_id = a.id order by r.reported_at desc, r.id desc limit 1), 0) as percent
         from assignment a where a.level = 'PROVINCE' order by a.id`,
    );
    const usable = candidates.filter((c) => c.percent <= 60);
    if (writes && usable.length < WRITERS * PER_WRITER) throw new Error(`only ${usable.length} province-level assignments below 60 % to write to`);
    const owned: Owned[][] = Array.from({ length: WRITERS }, (_, w) => usable.slice(w * PER_WRITER, (w + 1) * PER_WRITER).map((c) => ({ ...c })));
    const provinces = [...new Set(candidates.map((c) => c.province))];

    // ---------------------------------------------------------------- load + chaos
    const outcomes: Outcome[] = [];
    const kills: Kill[] = [];
    const acked: AckedWrite[] = [];
    const stale: string[] = [];
    let unacked = 0;
    /** What each acknowledged write sent, and the report it was answered with, for the replays below. */
    const sent = new Map<string, { input: Record<string, unknown>; reportId?: string }>();
    const send = async (
      kind: Outcome['kind'],
      target: string,
      port: number,
      query: string,
      variables: Record<string, unknown>,
      headers: Record<string, string> = {},
    ) => {
      const start = Date.now();
      const answer = await post(port, query, variables, { ...auth, ...headers });
      const error = failureOf(answer);
      outcomes.push({ kind, target, start, end: Date.now(), ok: !error, ...(error ? { error } : {}) });
      return { answer, ok: !error };
    };
    const readAssignment = async (target: string, port: number, a: Owned, kind: Outcome['kind']) => {
      const { answer, ok } = await send(kind, target, port, assignmentsQuery(withVersion), { code: a.province, asOf: new Date().toISOString() });
      const list = (answer.body?.data?.province?.assignments ?? []) as { number: number; percent: number; version?: number }[];
      return ok ? list.find((x) => x.number === a.number) : undefined;
    };

    if (writes && withVersion) {
      for (const a of owned.flat()) a.version = (await readAssignment('gateway', GATEWAY_FRONTEND, a, 'read'))?.version;
    }

    const endAt = Date.now() + options.durationS * 1000;
    let stopLoad = false;
    const reader = async (r: number) => {
      for (let i = 0; !stopLoad; i++) {
        const pick = (i + r) % 3;
        if (pick === 0) await send('read', 'gateway', GATEWAY_FRONTEND, NATIONAL, {});
        else if (pick === 1) await send('read', 'gateway', GATEWAY_FRONTEND, PROVINCE, { code: provinces[(i * 7 + r) % provinces.length] });
        else {
          const a = candidates[(i * 13 + r) % candidates.length];
          await send('read', 'gateway', GATEWAY_FRONTEND, assignmentsQuery(withVersion), { code: a.province, asOf: new Date().toISOString() });
        }
      }
    };
    const writer = async (w: number) => {
      for (let seq = 0; !stopLoad; seq++) {
        const open = owned[w].filter((x) => x.percent < 99);
        if (open.length === 0) return; // every assignment it owns is at 99 %: nothing left to report
        const a = open[seq % open.length];
        const percent = a.percent + 1;
        const note = `scale ${run} w${w} #${seq}`;
        const idempotencyKey = `scale-${run}-w${w}-${seq}`;
        const input = {
          assignmentId: a.number,
          percent,
          completed: false,
          note,
          reportedAt: new Date().toISOString(),
          ...(a.version !== undefined ? { expectedVersion: a.version } : {}),
        };
        let ack: { assignment?: { version?: number }; report?: { id?: string } } | undefined;
        let lastError = '';
        // The client's side of exactly-once: retry with the same key and body until acknowledged.
        for (let attempt = 0; attempt < 8 && !ack; attempt++) {
          if (attempt > 0) await sleep(250 * attempt);
          const { answer, ok } = await send('write', 'gateway', GATEWAY_FRONTEND, WRITE(withVersion), { input }, { 'idempotency-key': idempotencyKey });
          if (ok) ack = answer.body?.data?.reportProgress;
          else lastError = `${failureOf(answer)} ${JSON.stringify(answer.body?.errors?.[0]?.extensions ?? {})} (sent expectedVersion ${a.version})`;
          const code = answer.body?.errors?.[0]?.extensions?.code;
          if (!ok && code && !['SUBGRAPH_UNAVAILABLE', 'INTERNAL_SERVER_ERROR', 'SERVICE_UNAVAILABLE'].includes(code)) break;
        }
        if (!ack) {
          unacked++;
          log(`write ${idempotencyKey} was never acknowledged (${lastError}); stopping writer ${w}`);
          return;
        }
        a.percent = percent;
        a.version = ack.assignment?.version ?? a.version;
        acked.push({ key: idempotencyKey, note, assignment: a.number, percent, ...(a.version !== undefined ? { version: a.version } : {}) });
        sent.set(idempotencyKey, { input, reportId: ack.report?.id });
        // Read it back at once through every gateway replica that is serving.
        for (const g of gateways.filter((x) => x.up)) {
          const seen = await readAssignment(g.name, g.port, a, 'verify');
          if (!seen) continue; // a failed read: counted as a failure, not as stale
          const fresh = seen.percent === percent && (a.version === undefined || seen.version === a.version);
          if (!fresh)
            stale.push(
              `${g.name} read assignment ${a.number} as ${seen.percent}% v${seen.version} after ${idempotencyKey} (${percent}% v${a.version}) was acknowledged`,
            );
        }
      }
    };
    const chaos = async () => {
      const victims = [...subgraphFrontends.map((f) => replicas.find((r) => r.name === `${f.entry.name}-1`)!), gateways[0]];
      const step = (options.durationS * 1000) / (victims.length + 1.5);
      for (const [i, victim] of victims.entries()) {
        const due = started0 + step * (i + 1);
        await sleep(Math.max(0, due - Date.now()));
        const kill: Kill = { process: victim.name, at: Date.now() };
        kills.push(kill);
        await victim.kill();
        log(`SIGKILL ${victim.name} (port ${victim.port}); starting it again`);
        victim.start();
        await victim.waitReady();
        kill.readyAt = Date.now();
        log(`${victim.name} serving again after ${((kill.readyAt - kill.at) / 1000).toFixed(1)} s`);
      }
    };
    const started0 = Date.now();
    log(`load for ${options.durationS} s: ${READERS} readers, ${WRITERS} writers, through the gateway frontend`);
    const workers = [...Array.from({ length: READERS }, (_, r) => reader(r)), ...Array.from({ length: WRITERS }, (_, w) => writer(w))];
    const chaosDone = chaos();
    await chaosDone;
    await sleep(Math.max(3000, endAt - Date.now()));
    stopLoad = true;
    await Promise.all(workers);

    // ---------------------------------------------------------------- replays
    // A client that never saw its acknowledgement sends the write again, with the same key, maybe
    // through the other gateway: it must get the first answer back and write nothing.
    let replayed = 0;
    for (const w of acked.filter((_, i) => i % Math.max(1, Math.floor(acked.length / 6)) === 0).slice(0, 6)) {
      const { input, reportId } = sent.get(w.key)!;
      const g = gateways[replayed % gateways.length];
      const { answer, ok } = await send('replay', g.name, g.port, WRITE(withVersion), { input }, { 'idempotency-key': w.key });
      replayed++;
      const again = answer.body?.data?.reportProgress?.report?.id as string | undefined;
      if (ok && again !== reportId) stale.push(`replaying ${w.key} through ${g.name} answered report ${again}, not ${reportId}`);
    }
    if (replayed > 0) log(`${replayed} acknowledged writes sent again with their Idempotency-Key through each gateway replica`);

    // ---------------------------------------------------------------- verdict
    const rowsByNote = new Map<string, number>();
    if (writes) {
      const rows = await queryPostgres<{ note: string; n: number }>(
        tasksDb,
        `select note, count(*)::int as n from progress_report where note like $1 group by note`,
        [`scale ${run} %`],
      );
      for (const row of rows) rowsByNote.set(row.note, row.n);
    }
    const t = tally(outcomes, kills, acked, rowsByNote, stale.length, unacked);
    const by = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind);
    log(
      `reads ${by('read').length} (failed ${by('read').filter((o) => !o.ok).length}), writes ${by('write').length} attempts / ${t.acked} acknowledged / ${unacked} never, read-backs ${by('verify').length}, replays ${by('replay').length}`,
    );
    log(`kills: ${kills.map((k) => `${k.process} (back in ${(((k.readyAt ?? k.at) - k.at) / 1000).toFixed(1)} s)`).join(', ')}`);
    log(`failed: ${t.failed}, all in flight on a killed process: ${t.failedInFlight}; unexplained: ${t.unexplained.length}`);
    for (const o of outcomes.filter((x) => !x.ok && inFlightOnKill(x, kills))) {
      const k = kills.find((x) => o.start <= x.at && x.at <= o.end)!;
      log(
        `  in flight when ${k.process} was killed: ${o.kind} → ${o.target}: ${o.error} (${o.start - started0}–${o.end - started0} ms, kill at ${k.at - started0} ms)`,
      );
    }
    for (const o of t.unexplained.slice(0, 10)) log(`  unexplained ${o.kind} → ${o.target}: ${o.error} (${o.start - started0}–${o.end - started0} ms)`);
    for (const s of stale.slice(0, 10)) log(`  stale: ${s}`);
    for (const w of acked.filter((x) => rowsByNote.get(x.note) !== 1).slice(0, 10))
      log(`  lost: ${w.key} is in the database ${rowsByNote.get(w.note) ?? 0} time(s)`);
    process.stdout.write(`${summaryLine(t)}\n`);
    log(t.pass ? 'PASS' : 'FAIL');
    passed = t.pass;
    return t.pass ? 0 : 1;
  } finally {
    await cleanup();
    if (passed && process.env.SCALE_KEEP_LOGS !== '1') rmSync(work, { recursive: true, force: true });
    else log(`logs kept in ${work}`);
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`test:scale failed: ${error.message}\n`);
      process.exit(1);
    },
  );
}
