import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { median } from './common';
import type { StatementCounts } from './s3';

/** One arm, one scenario, one round. Times in ms. */
export interface Measurement {
  arm: string;
  scenario: string;
  round: number;
  requests: number;
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  min: number;
  max: number;
  mean: number;
  non2xx: number;
  errors: number;
  /** CPU ms per request of the arm's process and of each subgraph process behind it (timed runs also count cut-off requests). */
  cpuMsPerRequest?: Record<string, number>;
}

/** Everything a run produced; `latest.json` is this object. */
export interface BenchReport {
  startedAt: string;
  durationS: number;
  mode: 'quick' | 'full';
  rounds: number;
  machine: Record<string, string | number>;
  versions: Record<string, string>;
  subgraphs: string[];
  tasksInQueries: boolean;
  queries: { national: string; commune: string; communeCodes: string[] };
  responseBytes: Record<string, number>;
  arms: { name: string; note?: string }[];
  identity: Record<string, { national: boolean | null; commune: boolean | null }>;
  durations: Record<string, number>;
  measurements: Measurement[];
  s3: StatementCounts[];
  s7: { idleRssBytes: number | null; startRssBytes: number | null; peakRssBytes: number; after10sRssBytes: number | null; requests: number };
  problems: string[];
  profiles: string[];
  /** Filled in by {@link writeReport}. */
  verdicts?: Verdict[];
  /** Filled in by {@link writeReport} when the run had the subgraphs-alone arms. */
  chainCosts?: ChainCost[];
}

/** One target of the issue, judged on this run. */
export interface Verdict {
  scenario: string;
  what: string;
  target: string;
  stretch?: string;
  /** Median of the per-round ratios (or the single figure). */
  value: number | null;
  perRound: number[];
  met: boolean | null;
  /** How far from the target, in words, when missed. */
  gap?: string;
}

type Stat = 'p50' | 'p95' | 'p99' | 'rps';

/** The scenario in which each subgraph process is driven alone with the gateway's own commune requests. */
export const ALONE_SCENARIO = 'commune-subgraphs@16';

/**
 * One subgraph's CPU per commune detail inside the gateway's chain (its share of the gateway arm's
 * commune@16 runs) and per request when driven alone with the same requests, medians over rounds.
 */
export interface ChainCost {
  subgraph: string;
  chainMs: number;
  aloneMs: number;
  /** chain ÷ alone: how much the same work costs when four processes share the core. */
  ratio: number;
}

/** Per subgraph with an `<name> alone` arm in the run: chain against alone (see {@link ChainCost}). */
export function chainCosts(r: BenchReport): ChainCost[] {
  const chain = pick(r.measurements, 'commune@16', 'gateway');
  const costs: ChainCost[] = [];
  for (const arm of new Set(r.measurements.filter((m) => m.scenario === ALONE_SCENARIO).map((m) => m.arm))) {
    const subgraph = arm.replace(/ alone$/, '');
    const chainMs = median(chain.map((m) => m.cpuMsPerRequest?.[subgraph] ?? NaN).filter(Number.isFinite));
    const aloneMs = median(
      pick(r.measurements, ALONE_SCENARIO, arm)
        .map((m) => m.cpuMsPerRequest?.arm ?? NaN)
        .filter(Number.isFinite),
    );
    costs.push({ subgraph, chainMs, aloneMs, ratio: chainMs / aloneMs });
  }
  return costs;
}

function pick(ms: Measurement[], scenario: string, arm: string): Measurement[] {
  return ms.filter((m) => m.scenario === scenario && m.arm === arm).sort((a, b) => a.round - b.round);
}

/** Per-round ratio of one statistic between two arms (rounds where both ran). */
function ratios(ms: Measurement[], scenario: string, a: string, b: string, stat: Stat, scenarioB = scenario): number[] {
  const left = pick(ms, scenario, a);
  const right = new Map(pick(ms, scenarioB, b).map((m) => [m.round, m]));
  return left.filter((m) => right.has(m.round)).map((m) => m[stat] / right.get(m.round)![stat]);
}

function judge(scenario: string, what: string, perRound: number[], op: '<=' | '>=', target: number, stretch?: number): Verdict {
  const value = perRound.length ? median(perRound) : null;
  const met = value === null ? null : op === '<=' ? value <= target : value >= target;
  const verdict: Verdict = { scenario, what, target: `${op} ${target}`, stretch: stretch === undefined ? undefined : `${op} ${stretch}`, value, perRound, met };
  if (met === false && value !== null)
    verdict.gap = op === '<=' ? `${((value / target - 1) * 100).toFixed(0)} % over` : `${((1 - value / target) * 100).toFixed(0)} % under`;
  return verdict;
}

/** The issue's targets, judged on this run. */
export function verdicts(r: BenchReport): Verdict[] {
  const ms = r.measurements;
  const has = (arm: string) => ms.some((m) => m.arm === arm);
  const v: Verdict[] = [];
  if (has('monolith')) {
    v.push(judge('S1', 'national, 1 client: gateway p50 ÷ monolith p50', ratios(ms, 'national@1', 'gateway', 'monolith', 'p50'), '<=', 1.5, 1.3));
    v.push(judge('S1', 'national, 1 client: gateway p95 ÷ monolith p95', ratios(ms, 'national@1', 'gateway', 'monolith', 'p95'), '<=', 1.6));
  }
  if (has('floor')) v.push(judge('S2', 'national, 1 client: gateway p50 ÷ floor p50', ratios(ms, 'national@1', 'gateway', 'floor', 'p50'), '<=', 8, 5));
  const [tenth, full] = r.s3;
  if (tenth && full) {
    // Zero is not "equal": a count of nothing means the query was not executed (a cache hit, say).
    const counted = full.statements > 0 && full.subgraphFetches > 0;
    const equal = counted && tenth.statements === full.statements && tenth.subgraphFetches === full.subgraphFetches;
    v.push({
      scenario: 'S3',
      what: `SQL statements / subgraph fetches per national query: 10 % ${tenth.statements} / ${tenth.subgraphFetches}, 100 % ${full.statements} / ${full.subgraphFetches}`,
      target: 'equal',
      value: full.statements - tenth.statements,
      perRound: [],
      met: equal,
      gap: equal ? undefined : counted ? 'counts differ between data sizes' : 'nothing counted: the query did not run',
    });
  }
  v.push(judge('S4', 'national, 1 client: gateway p50 at 100 % ÷ at 10 %', ratios(ms, 'national@1', 'gateway', 'gateway@10%', 'p50'), '<=', 12, 10.5));
  if (has('stock')) {
    v.push(judge('S5', 'throughput, national at 4 concurrent: gateway ÷ stock', ratios(ms, 'national@4', 'gateway', 'stock', 'rps'), '>=', 1.2, 1.5));
    v.push(judge('S5', 'throughput, commune detail at 16 concurrent: gateway ÷ stock', ratios(ms, 'commune@16', 'gateway', 'stock', 'rps'), '>=', 1.2, 1.5));
  }
  if (has('monolith'))
    v.push(judge('S6', 'commune detail, 16 concurrent: gateway p50 ÷ monolith p50', ratios(ms, 'commune@16', 'gateway', 'monolith', 'p50'), '<=', 2));
  v.push(
    judge(
      'S6',
      'commune detail, 16 concurrent: gateway p99 ÷ gateway p50',
      pick(ms, 'commune@16', 'gateway').map((m) => m.p99 / m.p50),
      '<=',
      3,
    ),
  );
  // Issue 16: ahead of Hive Gateway, near the floor, and the response cache.
  if (has('peer')) {
    v.push(judge('P1', 'throughput, national at 4 concurrent: gateway ÷ peer', ratios(ms, 'national@4', 'gateway', 'peer', 'rps'), '>=', 1.0, 1.2));
    v.push(judge('P2', 'throughput, commune detail at 16 concurrent: gateway ÷ peer', ratios(ms, 'commune@16', 'gateway', 'peer', 'rps'), '>=', 1.0, 1.2));
  }
  if (has('floor')) v.push(judge('P3', 'national, 1 client: gateway p50 ÷ floor p50', ratios(ms, 'national@1', 'gateway', 'floor', 'p50'), '<=', 3, 2));
  if (has('monolith'))
    v.push(judge('P4', 'commune detail, 16 concurrent: gateway p50 ÷ monolith p50', ratios(ms, 'commune@16', 'gateway', 'monolith', 'p50'), '<=', 2));
  if (has('gateway-cached'))
    v.push(
      judge(
        'P5',
        'national, 1 client: gateway-cached p50 ÷ gateway p50 (1/50 = 0.02)',
        ratios(ms, 'national@1', 'gateway-cached', 'gateway', 'p50'),
        '<=',
        0.02,
      ),
    );
  else
    v.push({
      scenario: 'P5',
      what: 'national, 1 client: gateway-cached p50 ÷ gateway p50 (1/50 = 0.02)',
      target: '<= 0.02',
      value: null,
      perRound: [],
      met: null,
      gap: 'not measured: no response cache in this build (see Problems seen)',
    });
  const mib = (b: number | null) => (b === null ? NaN : b / 2 ** 20);
  v.push({
    scenario: 'S7',
    what: 'gateway peak RSS under national at 4 concurrent (MiB)',
    target: '<= 1024',
    value: mib(r.s7.peakRssBytes),
    perRound: [],
    met: r.s7.peakRssBytes <= 2 ** 30,
  });
  if (r.s7.idleRssBytes && r.s7.after10sRssBytes) {
    const back = r.s7.after10sRssBytes / r.s7.idleRssBytes;
    v.push({
      scenario: 'S7',
      what: `gateway RSS 10 s after the load ÷ idle RSS before the rounds (${mib(r.s7.after10sRssBytes).toFixed(0)} / ${mib(r.s7.idleRssBytes).toFixed(0)} MiB)`,
      target: '<= 1.2',
      value: back,
      perRound: [],
      met: back <= 1.2,
      gap: back <= 1.2 ? undefined : `${((back / 1.2 - 1) * 100).toFixed(0)} % over`,
    });
  }
  return v;
}

const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const f = (n: number | null | undefined, digits = 1) => (n === null || n === undefined || !Number.isFinite(n) ? '–' : n.toFixed(digits));

/** Median CPU ms per request, per process: "arm 120 + geography 15 + readiness 300 = 435". */
function cpuText(ms: Measurement[]): string {
  const names = Object.keys(ms[0]?.cpuMsPerRequest ?? {});
  if (names.length === 0) return '–';
  const parts = names.map((n) => [n, median(ms.map((m) => m.cpuMsPerRequest?.[n] ?? NaN))] as const);
  return `${parts.map(([n, v]) => `${n} ${f(v, 0)}`).join(' + ')} = ${f(
    parts.reduce((a, [, v]) => a + v, 0),
    0,
  )}`;
}

function armTable(r: BenchReport, scenario: string): string[] {
  const arms = [...new Set(r.measurements.filter((m) => m.scenario === scenario).map((m) => m.arm))];
  const lines = [
    '| arm | p50 ms (median) | p50 min–max | p95 ms | p99 ms | req/s (median) | req/s min–max | requests | CPU ms per request: arm + subgraphs (median) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const arm of arms) {
    const ms = pick(r.measurements, scenario, arm);
    const col = (s: Stat) => ms.map((m) => m[s]);
    lines.push(
      `| ${arm} | ${f(median(col('p50')))} | ${f(Math.min(...col('p50')))}–${f(Math.max(...col('p50')))} | ${f(median(col('p95')))} | ${f(median(col('p99')))} | ${f(median(col('rps')), 2)} | ${f(Math.min(...col('rps')), 2)}–${f(Math.max(...col('rps')), 2)} | ${ms.reduce((a, m) => a + m.requests, 0)} | ${cpuText(ms)} |`,
    );
  }
  return lines;
}

/** Markdown for people: targets first, then the tables behind them. */
export function markdown(r: BenchReport): string {
  const v = r.verdicts ?? verdicts(r);
  const out: string[] = [];
  out.push(`# Benchmark: national drill-down and commune detail (${r.mode} run)`, '');
  out.push(
    `Generated by \`npm run bench${r.mode === 'quick' ? ' -- --quick' : ''}\` on ${r.startedAt} in ${r.durationS.toFixed(0)} s; ${r.rounds} interleaved rounds per scenario. ${r.measurements.some((m) => m.arm === 'gateway-cached') ? 'Every arm is uncached (response cache off) except gateway-cached (P5).' : 'Uncached figures (no response cache in this build).'} Times in milliseconds, measured by the load generator (request sent → whole response received).`,
    '',
  );
  out.push('## Targets', '');
  out.push('| | what | target | stretch | this run (median of per-round ratios) | per round | met |', '|---|---|---|---|---:|---|---|');
  for (const x of v) {
    out.push(
      `| ${x.scenario} | ${x.what} | ${x.target} | ${x.stretch ?? ''} | ${f(x.value, 2)} | ${x.perRound.map((n) => f(n, 2)).join(', ')} | ${x.met === null ? (x.gap ?? '–') : x.met ? 'yes' : `**no**${x.gap ? ` (${x.gap})` : ''}`} |`,
    );
  }
  out.push('');
  const titles: Record<string, string> = {
    'national@1': 'National drill-down, 1 client (S1, S2, S4, P3, P5)',
    'national@4': 'National drill-down, 4 concurrent (S5, P1; S7 below)',
    'commune@16': 'One commune across all subgraphs, 16 concurrent (S5, S6, P2, P4)',
    [ALONE_SCENARIO]: "Each subgraph alone with the gateway's own commune requests, 16 concurrent (where P4's time goes)",
  };
  for (const [key, title] of Object.entries(titles)) {
    if (key === ALONE_SCENARIO && !r.measurements.some((m) => m.scenario === key)) continue;
    out.push(`## ${title}`, '', ...armTable(r, key), '');
    if (key === ALONE_SCENARIO) {
      const costs = r.chainCosts ?? chainCosts(r);
      out.push(
        "CPU per commune detail of each subgraph process inside the gateway's chain (commune@16 above: four server processes share core 0) against the same process driven alone with the same requests (medians over rounds; CPU read from /proc in 10 ms ticks):",
        '',
        '| subgraph | in the chain, ms | alone, ms | chain ÷ alone |',
        '|---|---:|---:|---:|',
        ...costs.map((c) => `| ${c.subgraph} | ${f(c.chainMs, 2)} | ${f(c.aloneMs, 2)} | ${f(c.ratio, 2)} |`),
        `| all | ${f(sum(costs.map((c) => c.chainMs)), 2)} | ${f(sum(costs.map((c) => c.aloneMs)), 2)} | ${f(sum(costs.map((c) => c.chainMs)) / sum(costs.map((c) => c.aloneMs)), 2)} |`,
        '',
      );
    }
  }
  out.push('## S3: statements and fetches per national query (counted in-process, as the tests do)', '');
  out.push('| communes | SQL statements (all subgraphs) | by subgraph | subgraph fetches | by subgraph | response bytes |', '|---|---:|---|---:|---|---:|');
  for (const s of r.s3) {
    out.push(
      `| ${s.fraction * 100} % | ${s.statements} | ${JSON.stringify(s.statementsBySubgraph)} | ${s.subgraphFetches} | ${JSON.stringify(s.fetchesBySubgraph)} | ${s.responseBytes} |`,
    );
  }
  out.push('');
  const mib = (b: number | null) => (b === null ? '–' : (b / 2 ** 20).toFixed(0));
  out.push('## S7: gateway memory', '');
  out.push(
    `Idle RSS after start-up and warm-up, before the first round: ${mib(r.s7.idleRssBytes)} MiB; peak while it served the national drill-down at 4 concurrent (sampled every 25 ms during its national@4 runs, ${r.s7.requests} requests): ${mib(r.s7.peakRssBytes)} MiB; 10 s after the last round: ${mib(r.s7.after10sRssBytes)} MiB.`,
    '',
  );
  out.push('## Arms', '');
  for (const a of r.arms) {
    const id = r.identity[a.name];
    const idText = id
      ? ` — byte-identical to the gateway: national ${id.national === null ? 'n/a' : id.national ? 'yes' : 'NO'}, commune ${id.commune === null ? 'n/a' : id.commune ? 'yes' : 'NO'}`
      : '';
    out.push(`- **${a.name}**${a.note ? ` (${a.note})` : ''}${idText}`);
  }
  out.push(
    '',
    `Response sizes: national ${r.responseBytes.national100} bytes at 100 %, ${r.responseBytes.national10} at 10 %; commune detail ${r.responseBytes.communeMedian} (median). Subgraphs: ${r.subgraphs.join(', ')}${r.tasksInQueries ? ' (tasks fields in the queries)' : ' (tasks not yet in the supergraph: its fields are not in the queries)'}.`,
    '',
  );
  if (r.problems.length) out.push('## Problems seen', '', ...r.problems.map((p) => `- ${p}`), '');
  out.push('## Machine and versions', '');
  for (const [k, val] of Object.entries(r.machine)) out.push(`- ${k}: ${val}`);
  out.push(
    '',
    Object.entries(r.versions)
      .map(([k, val]) => `\`${k}\` ${val}`)
      .join(' · '),
    '',
  );
  out.push(`Per arm and round: ${JSON.stringify(r.durations)} (national runs: requests; commune runs: seconds).`, '');
  out.push(
    '## Queries',
    '',
    '```graphql',
    r.queries.national,
    '```',
    '',
    '```graphql',
    r.queries.commune,
    '```',
    '',
    `Commune codes cycled: ${r.queries.communeCodes.join(', ')}.`,
    '',
  );
  if (r.profiles.length) out.push('## CPU profiles', '', ...r.profiles.map((p) => `- ${p}`), '');
  return out.join('\n');
}

/** Writes `<prefix>.json` and `<prefix>.md`. */
export function writeReport(r: BenchReport, prefix: string): void {
  r.verdicts = verdicts(r);
  r.chainCosts = chainCosts(r);
  mkdirSync(path.dirname(prefix), { recursive: true });
  writeFileSync(`${prefix}.json`, `${JSON.stringify(r, null, 2)}\n`);
  writeFileSync(`${prefix}.md`, markdown(r));
}
