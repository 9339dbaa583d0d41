/**
 * The floor arm: what the national drill-down costs with nothing but the database driver and
 * JSON. Per request it reads exactly the rows the answer needs with better-sqlite3 (prepared
 * statements, raw arrays), computes the same figures in plain loops and `JSON.stringify`s the
 * exact bytes the gateway returns (the bench asserts they are identical). Nothing is cached
 * between requests. It answers only the bench's national query (`NationalDrillDown`). The tasks
 * colours use the tasks package's own pure rule functions (`assess`, `colourOf`, …) on raw rows:
 * the rule is the answer, not overhead.
 */
import { coverage, MONITORING_START } from '@kh02/subgraph-kit';
import { assess, colourOf, countColours, countsAsGreen, coverageBands, DEFAULT_THRESHOLDS, type Assessment, type Colour } from '@kh02/tasks';
import Database from 'better-sqlite3';
import http from 'node:http';
import { fail, serverEnv } from './env';

const file = (url: string | undefined, name: string) => {
  if (!url?.startsWith('sqlite:')) throw new Error(`floor needs a sqlite: URL for ${name}`);
  return url.slice('sqlite:'.length);
};

function cov(n: number, d: number) {
  const c = coverage(n, d);
  return { numerator: c.numerator, denominator: c.denominator, rate: c.rate, percent: c.percent };
}

function main(): void {
  const env = serverEnv();
  const geo = new Database(file(env.databases.geography, 'geography'), { readonly: true, fileMustExist: true });
  const rd = new Database(file(env.databases.readiness, 'readiness'), { readonly: true, fileMustExist: true });
  const provincesQ = geo.prepare('select code, name from province order by code').raw(true);
  const communesQ = geo.prepare('select code, name, kind, province_code from commune order by code').raw(true);
  const criteriaQ = rd.prepare('select code, basic from criterion order by position').raw(true);
  const cutoffQ = rd.prepare('select max(at) from reporting_cutoff').raw(true);
  // Every assessment at or before asOf, in (commune, criterion, time, id) order: the last of each run is the latest.
  const findingsQ = rd
    .prepare(
      'select commune_code, criterion_code, met, assessed_at from readiness_assessment where assessed_at <= ? order by commune_code, criterion_code, assessed_at, id',
    )
    .raw(true);

  const tasksDb = env.databases.tasks ? new Database(file(env.databases.tasks, 'tasks'), { readonly: true, fileMustExist: true }) : undefined;
  const tasksQ = tasksDb && {
    cutoff: tasksDb.prepare('select max(at) from reporting_cutoff').raw(true),
    start: tasksDb.prepare('select min(monitoring_start) from plan').raw(true),
    tasks: tasksDb.prepare('select code, starts_at, deadline from task').raw(true),
    assignments: tasksDb.prepare('select id, task_code, level, locality_code, province_code from assignment order by id').raw(true),
    // Reports at or before asOf in (assignment, time, id) order: the last of each run is the latest.
    reports: tasksDb
      .prepare(
        'select assignment_id, state, percent from progress_report where assignment_id is not null and reported_at <= ? order by assignment_id, reported_at, id',
      )
      .raw(true),
    localities: tasksDb.prepare("select code from locality where level = 'PROVINCE' order by code").raw(true),
  };

  /** Colours and green communes at the tasks subgraph's default `asOf`. */
  const tasksFigures = () => {
    if (!tasksQ) return undefined;
    const asOf = new Date(((tasksQ.cutoff.get() as [number | null])[0] ?? (tasksQ.start.get() as [number])[0]) as number);
    const schedules = new Map(
      (tasksQ.tasks.all() as [string, number, number][]).map(([code, s, d]) => [code, { startsAt: new Date(s), deadline: new Date(d) }]),
    );
    const latest = new Map<number, { state: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED'; percent: number }>();
    for (const [id, state, percent] of tasksQ.reports.all(asOf.getTime()) as [number, 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED', number][])
      latest.set(id, { state, percent });
    const own = new Map<string, Assessment[]>();
    const byCommune = new Map<string, { province: string; assessments: Assessment[]; reported: boolean }>();
    for (const [id, task, level, locality, province] of tasksQ.assignments.all() as [number, string, string, string, string][]) {
      const report = latest.get(id) ?? null;
      const assessment = assess(schedules.get(task)!, report, asOf);
      if (level === 'PROVINCE') {
        const list = own.get(locality);
        if (list) list.push(assessment);
        else own.set(locality, [assessment]);
      } else {
        let c = byCommune.get(locality);
        if (!c) byCommune.set(locality, (c = { province, assessments: [], reported: false }));
        c.assessments.push(assessment);
        if (report) c.reported = true;
      }
    }
    const communeColour = new Map<string, Colour>();
    const green = new Map<string, number>();
    for (const [code, c] of byCommune) {
      const colour = colourOf(c.assessments, DEFAULT_THRESHOLDS);
      communeColour.set(code, colour);
      if (countsAsGreen(colour, c.reported)) green.set(c.province, (green.get(c.province) ?? 0) + 1);
    }
    const provinces = (tasksQ.localities.all() as [string][]).map(([code]) => code);
    const provinceColour = new Map(provinces.map((code) => [code, colourOf(own.get(code) ?? [], DEFAULT_THRESHOLDS)]));
    return { communeColour, provinceColour, green, provinces };
  };

  const answer = (): string => {
    const t = tasksFigures();
    const provinces = provincesQ.all() as [string, string][];
    const communes = communesQ.all() as [string, string, string, string][];
    const criteria = criteriaQ.all() as [string, number][];
    const asOf = ((cutoffQ.get() as [number | null])[0] ?? MONITORING_START.getTime()) as number;
    const position = new Map(criteria.map(([code], i) => [code, i]));
    const basicCount = criteria.filter(([, basic]) => basic).length;
    // Latest finding per commune and criterion: met flag and time, in catalogue slots.
    const findings = new Map<string, { met: boolean[]; at: (number | null)[] }>();
    for (const [commune, criterion, met, at] of findingsQ.all(asOf) as [string, string, number, number][]) {
      let f = findings.get(commune);
      if (!f) findings.set(commune, (f = { met: criteria.map(() => false), at: criteria.map(() => null) }));
      const i = position.get(criterion);
      if (i === undefined) continue;
      f.met[i] = met === 1;
      f.at[i] = at;
    }
    const nation = { total: 0, fullyMet: 0, met: criteria.map(() => 0) };
    const byProvince = new Map<string, { total: number; fullyMet: number; met: number[]; communes: unknown[] }>();
    for (const [code] of provinces) byProvince.set(code, { total: 0, fullyMet: 0, met: criteria.map(() => 0), communes: [] });
    for (const [code, name, kind, provinceCode] of communes) {
      const p = byProvince.get(provinceCode)!;
      const f = findings.get(code);
      let basicMet = 0;
      const list = criteria.map(([criterionCode, basic], i) => {
        const met = f?.met[i] ?? false;
        if (met) {
          p.met[i]++;
          nation.met[i]++;
          if (basic) basicMet++;
        }
        const at = f?.at[i] ?? null;
        return { criterion: { code: criterionCode }, met, assessedAt: at === null ? null : new Date(at).toISOString() };
      });
      const full = basicMet === basicCount;
      if (full) {
        p.fullyMet++;
        nation.fullyMet++;
      }
      p.total++;
      nation.total++;
      const readiness = { meetsBasicConditions: full, criteria: list };
      p.communes.push({ node: t ? { code, name, kind, progressStatus: t.communeColour.get(code) ?? 'GREEN', readiness } : { code, name, kind, readiness } });
    }
    const area = (a: { total: number; fullyMet: number; met: number[] }) => ({
      fullyMet: cov(a.fullyMet, a.total),
      criteria: criteria.map(([code], i) => ({ criterion: { code }, coverage: cov(a.met[i], a.total) })),
    });
    const countryTasks = t && {
      progress: countColours(t.provinces.map((code) => t.provinceColour.get(code)!)),
      greenCoverage: cov(
        [...t.green.values()].reduce((a, b) => a + b, 0),
        nation.total,
      ),
      coverageBands: coverageBands(t.provinces.map((code) => coverage(t.green.get(code) ?? 0, byProvince.get(code)?.total ?? 0))),
    };
    return JSON.stringify({
      data: {
        country: { code: 'VN', communeCount: nation.total, ...countryTasks, readiness: area(nation) },
        provinces: provinces.map(([code, name]) => {
          const p = byProvince.get(code)!;
          const tasks = t && { progressStatus: t.provinceColour.get(code), greenCoverage: cov(t.green.get(code) ?? 0, p.total) };
          return { code, name, communeCount: p.total, ...tasks, readiness: area(p), communes: { totalCount: p.total, edges: p.communes } };
        }),
      },
    });
  };

  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/health') {
      res.end('{"status":"ok"}');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (!Buffer.concat(chunks).toString().includes('NationalDrillDown')) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"errors":[{"message":"The floor answers only the national drill-down."}]}');
        return;
      }
      // Apollo Server ends its JSON with a newline; so does the floor, to be byte-identical.
      const text = `${answer()}\n`;
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) }).end(text);
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(env.port, '127.0.0.1', () => process.stdout.write('floor ready\n'));
}

try {
  main();
} catch (error) {
  fail(error);
}
