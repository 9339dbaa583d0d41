/**
 * `npm run bench [-- --quick]`: the read-path benchmark of issue 5.
 *
 * Seeds fresh SQLite files (100 % and 10 % of the communes), counts S3 in-process, then starts
 * every subgraph as its own process per data set and, in front of them, the arms: the project's
 * gateway (production settings), a monolith (no federation), the floor (driver + JSON), the stock
 * `@apollo/gateway` and the peer `@graphql-hive/gateway`. Servers run on core 0 and the load
 * generator (autocannon, in its own process) on core 1 where `taskset` exists. Every arm's
 * answer is compared byte for byte with the gateway's before anything is timed; then each
 * scenario runs in interleaved rounds, and `docs/benchmarks/latest.{md,json}` get the medians,
 * per-round ratios and min–max.
 *
 * Options: `--quick` (short rounds, under 3 minutes), `--rounds N`, `--out <path prefix>`
 * (default docs/benchmarks/latest), `--arms a,b` (measure only these arms; the gateway always
 * runs), `--scenarios national@1,national@4,commune@16,commune-subgraphs@16` (measure only these; for
 * profiling one; `commune-subgraphs@16` drives each subgraph process alone with the requests the
 * gateway sends it for the commune detail, recorded before the rounds, and the report sets each
 * subgraph's CPU per request alone beside its CPU per request in the gateway's chain). `BENCH_CPU_PROF=gateway,readiness,…` starts those processes with `--cpu-prof` (profiles
 * in the temp folder, copied to docs/benchmarks/profiles/). `--baseline-gateway <main.js>` adds an
 * arm `gateway-baseline`: an earlier build of the gateway, for before/after figures from one run.
 */
import Database from 'better-sqlite3';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  benchIdentity,
  cpuMsOf,
  freePort,
  HOST,
  median,
  pin,
  post,
  quantile,
  ROOT,
  rssOf,
  serverProcessEnv,
  sleep,
  spawnNode,
  stopAll,
  stopProc,
  TASKSET,
  versionOf,
  waitForHttp,
  type Proc,
} from './common';
import { GATEWAY_SECRET_HEADER, INTERNAL_TOKEN_HEADER, urlVariable } from '@kh02/common';
import { loadSubgraphPackages, seedDataSet, startSubgraphProcesses, tempDataDir, type DataSet, type SubgraphPackage } from './data';
import type { LoadJob, LoadResult } from './load';
import { body, communeQuery, nationalQuery, readShape } from './queries';
import { ALONE_SCENARIO, writeReport, type BenchReport, type Measurement } from './report';
import { startRecorder } from './replay';
import { countStatements } from './s3';

const SERVER_CORE = 0;
const LOAD_CORE = 1;

interface Options {
  quick: boolean;
  rounds: number;
  out: string;
  arms: Set<string> | undefined;
  /** Measure only these scenarios (national@1, national@4, commune@16); all when absent. */
  scenarios: Set<string> | undefined;
  cpuProf: Set<string>;
  /** A gateway `main.js` built from an earlier version, measured beside the current one (before/after in one run). */
  baselineGateway: string | undefined;
}

function options(argv: string[]): Options {
  const quick = argv.includes('--quick');
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const arms = value('--arms');
  const scenarios = value('--scenarios');
  return {
    quick,
    rounds: Number(value('--rounds') ?? (quick ? 3 : 5)),
    out: path.resolve(ROOT, value('--out') ?? 'docs/benchmarks/latest'),
    arms: arms ? new Set(['gateway', ...arms.split(',')]) : undefined,
    scenarios: scenarios ? new Set(scenarios.split(',')) : undefined,
    cpuProf: new Set((process.env.BENCH_CPU_PROF ?? '').split(',').filter(Boolean)),
    baselineGateway: value('--baseline-gateway'),
  };
}

function log(message: string): void {
  process.stdout.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

/** The load generator: one long-lived child on the load core, one autocannon run per job. */
class LoadGenerator {
  private constructor(private readonly child: ChildProcess) {}

  static async start(): Promise<LoadGenerator> {
    const script = path.join(__dirname, 'load.js');
    const child = TASKSET
      ? fork(script, [], { execPath: TASKSET, execArgv: ['-c', String(LOAD_CORE), process.execPath], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
      : fork(script, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`load generator exited (${code})`)));
    });
    return new LoadGenerator(child);
  }

  run(job: LoadJob): Promise<LoadResult> {
    return new Promise((resolve, reject) => {
      this.child.once('message', (message: { result?: LoadResult; error?: string }) =>
        message.result ? resolve(message.result) : reject(new Error(message.error)),
      );
      this.child.send(job);
    });
  }

  stop(): void {
    this.child.kill('SIGTERM');
  }
}

/** A server arm under test. */
interface Arm {
  name: string;
  url: string;
  proc: Proc;
  note?: string;
  /** What this arm is asked instead of the scenario's bodies (a subgraph alone: the gateway's own requests to it). */
  job?: Pick<LoadJob, 'bodies' | 'headers'>;
  /** The processes whose CPU is counted with the arm's; by default the subgraphs of its data set. */
  behind?: Proc[];
  /**
   * Requests per round in the fixed-count scenarios, instead of the scenario's: an arm whose
   * answer costs milliseconds (gateway-cached) can afford a real median, where the uncached arms'
   * one or six national requests per round would make its p50 a single sample (issue 16: one hit
   * measured 12–54 ms between rounds, 25 hits a round 8.8–11.3 ms).
   */
  amount?: number;
}

async function main(): Promise<void> {
  const opts = options(process.argv.slice(2));
  const began = Date.now();
  const supergraphPath = path.join(ROOT, 'schema/supergraph.graphql');
  const supergraphSdl = readFileSync(supergraphPath, 'utf8');
  const shape = readShape(supergraphPath);
  const packages: SubgraphPackage[] = await loadSubgraphPackages();
  const national = body(nationalQuery(shape));
  const communeCodes: string[] = [];
  const communeBodies: string[] = [];
  const secret = randomBytes(16).toString('hex');
  const runIdentity = await benchIdentity();
  const temp = tempDataDir();
  const profileDir = path.join(temp.dir, 'profiles');
  let load: LoadGenerator | undefined;

  const shutdown = async (code: number) => {
    load?.stop();
    await stopAll();
    temp.cleanup();
    process.exit(code);
  };
  process.once('SIGINT', () => void shutdown(130));
  process.once('SIGTERM', () => void shutdown(143));

  try {
    log(
      `subgraphs: ${shape.subgraphs.join(', ')}${shape.tasks ? ' (tasks fields in the queries)' : ''}; taskset: ${TASKSET ?? 'absent (unpinned)'}; mode: ${opts.quick ? 'quick' : 'full'}, ${opts.rounds} rounds`,
    );
    log(`seeding fresh SQLite files in ${temp.dir}`);
    const full = await seedDataSet(packages, temp.dir, 1);
    const tenth = await seedDataSet(packages, temp.dir, 0.1);
    // Sixteen communes spread over the country, cycled by every connection of the commune scenarios.
    const codes = (() => {
      const db = new Database(full.urls.geography.slice('sqlite:'.length), { readonly: true });
      const all = (db.prepare('select code from commune order by code').raw(true).all() as [string][]).map(([c]) => c);
      db.close();
      return Array.from({ length: 16 }, (_, i) => all[Math.floor(((i + 0.5) * all.length) / 16)]);
    })();
    communeCodes.push(...codes);
    communeBodies.push(...codes.map((code) => body(communeQuery(shape), { code })));

    // S3 counts statements, not time: it runs in this process while the measured processes start.
    log('S3: counting SQL statements and subgraph fetches per national query (in-process harness), while the processes start');
    const s3Counting = (async () => [
      await countStatements(packages, tenth, national, secret, runIdentity.env),
      await countStatements(packages, full, national, secret, runIdentity.env),
    ])();
    s3Counting.catch(() => undefined);

    const common = serverProcessEnv(secret, runIdentity);
    const profiled = (name: string) =>
      opts.cpuProf.has(name) ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`, `--cpu-prof-name=${name}-${process.pid}.cpuprofile`] : [];

    /** Starts one data set's subgraph processes; resolves with their URLs. */
    const startSubgraphs = async (data: DataSet, label: string) => {
      const { urls, procs } = await startSubgraphProcesses(packages, data, common, (name) => (label === '100' ? profiled(name) : []), `@${label}`);
      for (const proc of procs) pin(proc, SERVER_CORE);
      // The supergraph with this data set's routing URLs, for the arms that read URLs from it.
      let sdl = supergraphSdl;
      for (const [name, url] of Object.entries(urls)) sdl = sdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: ")[^"]*(")`), `$1${url}$2`);
      const sdlPath = path.join(temp.dir, `supergraph-${label}.graphql`);
      writeFileSync(sdlPath, sdl);
      return { urls, sdlPath, procs };
    };

    log('starting subgraph processes (100 % and 10 %)');
    const [sg100, sg10] = await Promise.all([startSubgraphs(full, '100'), startSubgraphs(tenth, '10')]);

    // The response cache (RESPONSE_CACHE, on by default where it exists) is off in every gateway arm but gateway-cached.
    const startGateway = async (name: string, sg: { urls: Record<string, string> }, entry = path.join(ROOT, 'gateway/dist/main.js'), cache = false) => {
      const port = await freePort();
      const urlEnv = Object.fromEntries(Object.entries(sg.urls).map(([n, u]) => [urlVariable(n), u]));
      const env = {
        ...common,
        RESPONSE_CACHE: String(cache),
        GATEWAY_PORT: String(port),
        SUPERGRAPH_PATH: supergraphPath,
        NODE_PATH: path.join(ROOT, 'node_modules'),
        ...urlEnv,
      };
      const proc = spawnNode(name, [entry], env, profiled(name));
      await waitForHttp(`http://${HOST}:${port}/health`, proc);
      pin(proc, SERVER_CORE);
      return { name, url: `http://${HOST}:${port}/graphql`, proc } satisfies Arm;
    };
    const startBenchServer = async (name: string, script: string, sdlPath: string, data: DataSet, extraEnv: Record<string, string> = {}) => {
      const port = await freePort();
      const proc = spawnNode(
        name,
        [path.join(__dirname, 'servers', `${script}.js`)],
        {
          ...common,
          ...extraEnv,
          BENCH_PORT: String(port),
          BENCH_SUPERGRAPH: sdlPath,
          BENCH_SECRET: secret,
          BENCH_IDENTITY: runIdentity.token,
          BENCH_DATABASES: JSON.stringify(data.urls),
        },
        profiled(name),
      );
      // Not every arm has /health: wait until it answers a trivial POST.
      const deadline = Date.now() + 60_000;
      for (;;) {
        if (proc.child.exitCode !== null) throw new Error(`${name} exited (${proc.child.exitCode}) before it was ready:\n${proc.tail()}`);
        try {
          const r = await post(`http://${HOST}:${port}/graphql`, '{"query":"{ __typename }"}');
          if (r.status < 500) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`${name} not ready:\n${proc.tail()}`);
        await sleep(150);
      }
      pin(proc, SERVER_CORE);
      return { name, url: `http://${HOST}:${port}/graphql`, proc } satisfies Arm;
    };

    const wanted = (arm: string) => !opts.arms || opts.arms.has(arm);
    log('starting the arms');
    const gateway = await startGateway('gateway', sg100);
    const gateway10 = await startGateway('gateway@10%', sg10);
    const arms: Arm[] = [gateway];
    const problems: string[] = [];
    const optional = async (name: string, start: () => Promise<Arm>): Promise<Arm | undefined> => {
      if (!wanted(name)) return undefined;
      try {
        return await start();
      } catch (error) {
        problems.push(`${name} did not start: ${(error as Error).message.split('\n').slice(0, 6).join(' | ')}`);
        log(problems[problems.length - 1]);
        return undefined;
      }
    };
    // Started side by side (start-up is not measured); listed in a fixed order.
    const starting: [string, () => Promise<Arm>][] = [
      ['monolith', () => startBenchServer('monolith', 'monolith', sg100.sdlPath, full)],
      ['floor', () => startBenchServer('floor', 'floor', sg100.sdlPath, full)],
      ['stock', () => startBenchServer('stock', 'stock', sg100.sdlPath, full)],
    ];
    if (opts.baselineGateway) {
      const entry = path.resolve(opts.baselineGateway);
      starting.push(['gateway-baseline', async () => ({ ...(await startGateway('gateway-baseline', sg100, entry)), note: `earlier gateway build: ${entry}` })]);
    }
    starting.push([
      'peer',
      async () => ({
        ...(await startBenchServer('peer', 'peer', sg100.sdlPath, full, { BENCH_PEER_ROUTER: '1' })),
        note: 'router-runtime query planner; in-flight subgraph request deduplication off',
      }),
    ]);
    // P5: the project gateway with its response cache on; national@1 only. Without a response cache
    // (no `x-kh02-cache: hit` on a repeated query) the arm is skipped, and the report says so.
    starting.push([
      'gateway-cached',
      async () => {
        const arm = await startGateway('gateway-cached', sg100, undefined, true);
        await post(arm.url, national);
        const again = await post(arm.url, national);
        const header = again.headers.get('x-kh02-cache');
        if (header !== 'hit') {
          await stopProc(arm.proc.child);
          throw new Error(`no response cache in this gateway build (a repeated national query answered x-kh02-cache: ${header ?? 'absent'}): skipped`);
        }
        return {
          ...arm,
          amount: opts.quick ? 25 : 50,
          note: 'the project gateway with its response cache on (in-process store); every timed request is a cache hit',
        };
      },
    ]);
    const started = await Promise.all(starting.map(([name, start]) => optional(name, start)));
    for (const arm of started) if (arm) arms.push(arm);

    const s3 = await s3Counting;

    // Correctness first: every arm's bytes against the gateway's.
    log('checking every arm answers byte-identically');
    const reference = await post(gateway.url, national);
    if (reference.status !== 200 || reference.text.includes('"errors"'))
      throw new Error(`the gateway failed the national query: ${reference.text.slice(0, 500)}`);
    const reference10 = await post(gateway10.url, national);
    if (reference10.status !== 200 || reference10.text.includes('"errors"'))
      throw new Error(`the 10 % gateway failed the national query: ${reference10.text.slice(0, 500)}`);
    const communeReference = await Promise.all(communeBodies.map((b) => post(gateway.url, b)));
    for (const r of communeReference)
      if (r.status !== 200 || r.text.includes('"errors"') || r.text.includes('"commune":null'))
        throw new Error(`the gateway failed a commune query: ${r.text.slice(0, 500)}`);
    const identity: Record<string, { national: boolean | null; commune: boolean | null }> = {};
    const firstDifference = (a: string, b: string) => {
      let i = 0;
      while (i < a.length && a[i] === b[i]) i++;
      return `at byte ${i}: gateway …${a.slice(Math.max(0, i - 80), i + 80)}… vs …${b.slice(Math.max(0, i - 80), i + 80)}…`;
    };
    for (const arm of [...arms]) {
      if (arm === gateway) continue;
      const n = await post(arm.url, national);
      // Apollo Server ends its body with a newline, Hive Gateway (and a stored cached answer) may not: the JSON is what must match.
      const same = (a: string, b: string) => a === b || ((arm.name === 'peer' || arm.name === 'gateway-cached') && a.trimEnd() === b.trimEnd());
      const nationalSame = same(n.text, reference.text);
      if (nationalSame && n.text !== reference.text) arm.note = `${arm.note ? `${arm.note}; ` : ''}same bytes but for Apollo Server's trailing newline`;
      let communeSame: boolean | null = null;
      if (arm.name !== 'floor') {
        communeSame = true;
        for (const [i, b] of communeBodies.entries()) {
          if (opts.quick && i % 8 !== 0) continue;
          const c = await post(arm.url, b);
          if (!same(c.text, communeReference[i].text)) {
            communeSame = false;
            problems.push(`${arm.name}: commune ${communeCodes[i]} answer differs from the gateway's ${firstDifference(communeReference[i].text, c.text)}`);
            break;
          }
        }
      }
      identity[arm.name] = { national: nationalSame, commune: communeSame };
      if (!nationalSame)
        problems.push(
          `${arm.name}: national answer differs from the gateway's (${n.text.length} vs ${reference.text.length} bytes) ${firstDifference(reference.text, n.text)}`,
        );
      if ((arm.name === 'monolith' || arm.name === 'floor') && (!nationalSame || communeSame === false)) {
        throw new Error(`${arm.name} is not byte-identical to the gateway:\n${problems.join('\n')}`);
      }
      if (!nationalSame || communeSame === false) {
        log(`${arm.name} answers differently: excluded from the timings (see the report)`);
        arms.splice(arms.indexOf(arm), 1);
      }
    }

    // Each subgraph alone (issue 16): the gateway's own requests for the 16 communes, recorded through
    // forwarding proxies by a short-lived extra gateway, then replayed straight at each subgraph process.
    const aloneArms: Arm[] = [];
    if (!opts.scenarios || opts.scenarios.has(ALONE_SCENARIO)) {
      log("recording the gateway's subgraph requests for the commune detail");
      const recorder = await startRecorder(sg100.urls);
      try {
        const recording = await startGateway('gateway-recording', { urls: recorder.urls });
        try {
          for (const [i, b] of communeBodies.entries()) {
            const r = await post(recording.url, b);
            if (r.text !== communeReference[i].text) throw new Error(`the recording gateway answered commune ${communeCodes[i]} differently from the gateway`);
          }
        } finally {
          await stopProc(recording.proc.child);
        }
      } finally {
        await recorder.stop();
      }
      const headers = { [GATEWAY_SECRET_HEADER]: secret, [INTERNAL_TOKEN_HEADER]: runIdentity.token };
      for (const proc of sg100.procs) {
        const name = proc.name.replace(/@.*/, '');
        const bodies = recorder.bodiesOf(name);
        if (bodies.length === 0) continue;
        aloneArms.push({
          name: `${name} alone`,
          url: sg100.urls[name],
          proc,
          behind: [],
          job: { bodies, headers },
          note: `the ${name} subgraph process driven directly with the ${bodies.length} requests the gateway sent it for the 16 communes (recorded before the rounds)`,
        });
      }
    }

    load = await LoadGenerator.start();
    // National runs make a fixed number of requests (all complete, so none is left running on a
    // server when the next arm starts); commune runs last a fixed time (requests take milliseconds).
    // Quick commune runs last 2 s: at 1 s the gateway's p50 rested on ~20 requests and swung ±30 % (issue 16).
    // Quick national runs at 1 client make 3 requests: P3's p50 of one request (against the floor's
    // one) moved 1.37–3.36 between the rounds of one run (issue 16).
    const d = opts.quick ? { n1Requests: 3, n4Requests: 4, c16Seconds: 2 } : { n1Requests: 6, n4Requests: 8, c16Seconds: 5 };
    // Every arm has answered the national query once (the identity check); quick runs count that as its warm-up.
    const warm = async (arm: Arm) => {
      if (!opts.quick && !arm.job) await load!.run({ url: arm.url, bodies: [national], connections: 1, amount: 2 });
      if (arm.name !== 'floor') await load!.run({ url: arm.url, bodies: communeBodies, connections: 4, durationS: opts.quick ? 0.5 : 1, ...arm.job });
      await sleep(300);
    };
    log('warming up');
    for (const arm of [...arms, { ...gateway10, name: 'gateway@10%' }, ...aloneArms]) await warm(arm);

    // The measurements: scenario key, arms, bodies, connections, seconds.
    const armsNamed = (...names: string[]) => arms.filter((a) => names.includes(a.name));
    const plan: { key: string; arms: Arm[]; job: Omit<LoadJob, 'url'> }[] = [
      { key: 'national@1', arms: [...arms, gateway10], job: { bodies: [national], connections: 1, amount: d.n1Requests } },
      // The monolith and the peer at 4 concurrent are for reference only (S5 is gateway ÷ stock): full runs only.
      {
        key: 'national@4',
        arms: armsNamed('gateway', 'gateway-baseline', 'stock', 'peer', ...(opts.quick ? [] : ['monolith'])),
        job: { bodies: [national], connections: 4, amount: d.n4Requests },
      },
      {
        key: 'commune@16',
        arms: armsNamed('gateway', 'gateway-baseline', 'monolith', 'stock', 'peer'),
        job: { bodies: communeBodies, connections: 16, durationS: d.c16Seconds },
      },
      // Not an arm against the others: each subgraph's CPU per request alone, beside its CPU per request in the chain.
      { key: ALONE_SCENARIO, arms: aloneArms, job: { bodies: [], connections: 16, durationS: d.c16Seconds } },
    ];
    if (opts.scenarios) {
      const unknown = [...opts.scenarios].filter((key) => !plan.some((step) => step.key === key));
      if (unknown.length > 0) throw new Error(`unknown scenario ${unknown.join(', ')}: choose from ${plan.map((step) => step.key).join(', ')}`);
      plan.splice(0, plan.length, ...plan.filter((step) => opts.scenarios!.has(step.key)));
    }
    const measurements: Measurement[] = [];
    await sleep(1000);
    const idleRss = rssOf(gateway.proc.pid);
    let peak = idleRss ?? 0;
    // The national drill-down at 4 concurrent, once per arm that runs it, before round 1 (after the
    // idle size S7 compares with): without it the first arm of round 1 paid the first concurrent
    // national answers of the shared subgraph processes and of its own process — in a quick run the
    // gateway's round-1 CPU per request was 555, 645 and 662 ms against 430–545 in rounds 2–3 (issue 16).
    const national4 = plan.find((step) => step.key === 'national@4');
    if (national4) {
      log('warming up the national drill-down at 4 concurrent');
      for (const arm of national4.arms) await load.run({ url: arm.url, ...national4.job, ...arm.job, amount: 4 });
      await sleep(300);
    }
    for (let round = 1; round <= opts.rounds; round++) {
      log(`round ${round}/${opts.rounds}`);
      for (const step of plan) {
        // Interleaved, and the order rotates each round so no arm always runs first.
        const order = step.arms.map((_, i) => step.arms[(i + round - 1) % step.arms.length]);
        for (const arm of order) {
          // CPU used per request by the arm and by each subgraph process behind it: where the time goes.
          const behind = arm.behind ?? (arm === gateway10 ? sg10.procs : arm.name === 'floor' ? [] : sg100.procs);
          const watched = [arm.proc, ...behind];
          const cpuBefore = watched.map((p) => cpuMsOf(p.pid) ?? NaN);
          // S7: the gateway's peak memory under the national drill-down at 4 concurrent.
          const sampler =
            arm === gateway && step.key === 'national@4' ? setInterval(() => (peak = Math.max(peak, rssOf(gateway.proc.pid) ?? 0)), 25) : undefined;
          const result = await load.run({ url: arm.url, ...step.job, ...arm.job, ...(step.job.amount && arm.amount ? { amount: arm.amount } : {}) });
          if (sampler) clearInterval(sampler);
          const cpuAfter = watched.map((p) => cpuMsOf(p.pid) ?? NaN);
          // Let requests cut off at the end of a timed run finish before the next arm starts.
          if (step.job.durationS) await sleep(opts.quick ? 300 : 500);
          if (result.non2xx > 0 || result.errors > 0)
            problems.push(`${arm.name} ${step.key} round ${round}: ${result.non2xx} non-2xx, ${result.errors} errors`);
          const m = summarise(arm.name === gateway10.name ? 'gateway@10%' : arm.name, step.key, round, result);
          m.cpuMsPerRequest = Object.fromEntries(
            watched.map((p, i) => [i === 0 ? 'arm' : p.name.replace(/@.*/, ''), (cpuAfter[i] - cpuBefore[i]) / Math.max(1, result.requests)]),
          );
          measurements.push(m);
        }
      }
    }

    // S7: the last round ends with the gateway's national@4 run or soon after; 10 s of quiet, then its size.
    log('S7: gateway memory 10 s after the load');
    const s7Idle = idleRss;
    await sleep(10_000);
    const s7After = rssOf(gateway.proc.pid);
    const s7Requests = measurements.filter((m) => m.arm === 'gateway' && m.scenario === 'national@4').reduce((a, m) => a + m.requests, 0);

    load.stop();
    load = undefined;
    await stopAll();
    const profiles: string[] = [];
    if (opts.cpuProf.size > 0 && existsSync(profileDir)) {
      const target = path.join(ROOT, 'docs/benchmarks/profiles');
      mkdirSync(target, { recursive: true });
      for (const f of readdirSync(profileDir)) {
        copyFileSync(path.join(profileDir, f), path.join(target, f));
        profiles.push(path.join('docs/benchmarks/profiles', f));
      }
    }

    const report: BenchReport = {
      startedAt: new Date(began).toISOString(),
      durationS: (Date.now() - began) / 1000,
      mode: opts.quick ? 'quick' : 'full',
      rounds: opts.rounds,
      machine: {
        cpu: os.cpus()[0]?.model ?? 'unknown',
        cores: os.cpus().length,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
        os: `${os.type()} ${os.release()}`,
        node: process.version,
        pinning: TASKSET ? `servers on core ${SERVER_CORE}, load generator on core ${LOAD_CORE} (taskset)` : 'none (no taskset)',
      },
      versions: Object.fromEntries(
        [
          '@apollo/server',
          '@apollo/gateway',
          '@apollo/subgraph',
          '@apollo/federation-internals',
          'graphql',
          'type-graphql',
          '@mikro-orm/core',
          'better-sqlite3',
          'dataloader',
          'express',
          'autocannon',
          '@graphql-hive/gateway',
          '@graphql-hive/gateway-runtime',
          '@graphql-hive/router-runtime',
        ].map((p) => [p, versionOf(p)]),
      ),
      subgraphs: shape.subgraphs,
      tasksInQueries: shape.tasks,
      queries: { national: nationalQuery(shape), commune: communeQuery(shape), communeCodes },
      responseBytes: {
        national100: reference.text.length,
        national10: reference10.text.length,
        communeMedian: median(communeReference.map((r) => r.text.length)),
      },
      arms: [
        ...arms.map((a) => ({ name: a.name, note: a.note })),
        { name: 'gateway@10%', note: 'the project gateway on the 10 % data set' },
        ...aloneArms.map((a) => ({ name: a.name, note: a.note })),
      ],
      identity,
      durations: d,
      measurements,
      s3,
      s7: { idleRssBytes: s7Idle ?? null, startRssBytes: idleRss ?? null, peakRssBytes: peak, after10sRssBytes: s7After ?? null, requests: s7Requests },
      problems,
      profiles,
    };
    writeReport(report, opts.out);
    log(`wrote ${path.relative(ROOT, opts.out)}.md and .json in ${report.durationS.toFixed(0)} s`);
    temp.cleanup();
    process.exit(0);
  } catch (error) {
    process.stderr.write(`bench failed: ${(error as Error).stack ?? String(error)}\n`);
    await shutdown(1);
  }
}

function summarise(arm: string, scenario: string, round: number, r: LoadResult): Measurement {
  const l = r.latencies;
  return {
    arm,
    scenario,
    round,
    requests: r.requests,
    rps: r.rps,
    p50: quantile(l, 0.5),
    p95: quantile(l, 0.95),
    p99: quantile(l, 0.99),
    min: l[0] ?? NaN,
    max: l[l.length - 1] ?? NaN,
    mean: l.reduce((a, b) => a + b, 0) / Math.max(1, l.length),
    non2xx: r.non2xx,
    errors: r.errors,
  };
}

void main();
