import { generateLocalities } from '@kh02/subgraph-kit';
import { startTestTasks, type TestTasks } from './testing';

const PUBLISHED = '2025-07-31T16:00:00+07:00';
const EARLY_JUNE = '2025-06-06T16:00:00+07:00';
const registry = generateLocalities();
const provinceReps = registry.provinces.map((p) => ({ __typename: 'Province', code: p.code, communeCount: p.unitsTotal }));
const F2 = ['01', '14', '15', '20', '25', '33', '46', '96']; // Hà Nội, Sơn La, Lào Cai, Lạng Sơn, Phú Thọ, Hưng Yên, Huế, Cà Mau

let t: TestTasks;
beforeAll(async () => {
  t = await startTestTasks(1);
});
afterAll(() => t?.close());

/** Runs and fails on any GraphQL error. */
async function ok(query: string, variables?: Record<string, unknown>) {
  const r = await t.run(query, variables);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

const PROVINCE_FIGURES = `query($reps: [_Any!]!, $asOf: DateTime) { _entities(representations: $reps) { ... on Province { code progressStatus(asOf: $asOf) greenCoverage(asOf: $asOf) { numerator denominator percent } } } }`;

describe('figures at the published cut-off (16:00, 31 July 2025)', () => {
  it('F1: all 34 provinces are GREEN, none yellow or red', async () => {
    const d = await ok(
      `{ _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 3321 }]) { ... on Country { progress { asOf green yellow red } } } }`,
    );
    expect(d._entities[0].progress).toEqual({ asOf: '2025-07-31T09:00:00.000Z', green: 34, yellow: 0, red: 0 });
    const p = await ok(PROVINCE_FIGURES, { reps: provinceReps });
    expect(p._entities).toHaveLength(34);
    expect(p._entities.every((e: any) => e.progressStatus === 'GREEN')).toBe(true);
  });

  it('F2, F3, F5: exactly the eight provinces at 100 %, thirteen others in (70 %, 100 %), Cao Bằng 3/56 and Lai Châu 3/38', async () => {
    const d = await ok(PROVINCE_FIGURES, { reps: provinceReps });
    const byCode = new Map<string, any>(d._entities.map((e: any) => [e.code, e.greenCoverage]));
    const full = d._entities.filter((e: any) => e.greenCoverage.numerator === e.greenCoverage.denominator).map((e: any) => e.code);
    expect(full.sort()).toEqual([...F2].sort());
    for (const code of F2) expect(byCode.get(code).percent).toBe(100);
    const above70 = d._entities.filter((e: any) => !F2.includes(e.code) && 10 * e.greenCoverage.numerator > 7 * e.greenCoverage.denominator);
    expect(above70).toHaveLength(13);
    expect(above70.every((e: any) => e.greenCoverage.percent > 70 && e.greenCoverage.percent < 100)).toBe(true);
    expect(byCode.get('04')).toEqual({ numerator: 3, denominator: 56, percent: 5.36 });
    expect(byCode.get('12')).toEqual({ numerator: 3, denominator: 38, percent: 7.89 });
  });

  it("the denominator is geography's communeCount from @requires, not the tasks subgraph's own count", async () => {
    const d = await ok(
      `{ _entities(representations: [{ __typename: "Province", code: "04", communeCount: 60 }]) { ... on Province { greenCoverage { numerator denominator } } } }`,
    );
    expect(d._entities[0].greenCoverage).toEqual({ numerator: 3, denominator: 60 });
  });

  it('country green coverage and coverage bands: full 8, above70 13, the rest split at 50 %', async () => {
    const d = await ok(`{ _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 3321 }]) { ... on Country {
      greenCoverage { numerator denominator percent } coverageBands { full above70 above50 below50 } } } }`);
    const c = d._entities[0];
    expect(c.coverageBands).toEqual({ full: 8, above70: 13, above50: 5, below50: 8 });
    expect(c.greenCoverage.denominator).toBe(3321);
    // The national numerator is the sum of the provinces' numerators.
    const p = await ok(PROVINCE_FIGURES, { reps: provinceReps });
    expect(c.greenCoverage.numerator).toBe(p._entities.reduce((s: number, e: any) => s + e.greenCoverage.numerator, 0));
    expect(c.greenCoverage).toEqual({ numerator: 2398, denominator: 3321, percent: 72.21 });
  });

  it('greenCoverageRanking DESC first 8 is the eight F2 provinces at 100 %, sharing rank 1, listed by code', async () => {
    const d = await ok(`{ greenCoverageRanking(order: DESC, first: 8) { rank province { code } coverage { numerator denominator percent } } }`);
    expect(d.greenCoverageRanking.map((e: any) => e.rank)).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    expect(d.greenCoverageRanking.map((e: any) => e.province.code)).toEqual([...F2].sort());
    expect(d.greenCoverageRanking.every((e: any) => e.coverage.percent === 100)).toBe(true);
    const asc = await ok(`{ greenCoverageRanking(order: ASC, first: 2) { rank province { code } coverage { numerator denominator percent } } }`);
    expect(asc.greenCoverageRanking).toEqual([
      { rank: 1, province: { code: '04' }, coverage: { numerator: 3, denominator: 56, percent: 5.36 } },
      { rank: 2, province: { code: '12' }, coverage: { numerator: 3, denominator: 38, percent: 7.89 } },
    ]);
    const all = await ok(`{ greenCoverageRanking { rank } }`);
    expect(all.greenCoverageRanking).toHaveLength(34);
  });

  it('F11: exactly 6 plan tasks overdue and not completed: 2 institutions, 1 infrastructure, 1 practical training, 2 in other groups', async () => {
    const d = await ok(
      `{ plan { code tasks(filter: { overdue: true }) { totalCount edges { node { code title level deadline group { code name } progress { state overdue } } } } } }`,
    );
    expect(d.plan.code).toBe('02-KH/BCĐTW');
    const tasks = d.plan.tasks.edges.map((e: any) => e.node);
    expect(d.plan.tasks.totalCount).toBe(6);
    const byGroup = (name: string) => tasks.filter((n: any) => n.group.name === name);
    expect(byGroup('Completing institutions and the legal architecture')).toHaveLength(2);
    expect(byGroup('Building digital infrastructure and key databases')).toHaveLength(1);
    const resources = byGroup('Developing resources');
    expect(resources).toHaveLength(1);
    expect(resources[0].title).toMatch(/practical training/i);
    expect(tasks.filter((n: any) => !['INSTITUTIONS', 'INFRASTRUCTURE', 'RESOURCES'].includes(n.group.code))).toHaveLength(2);
    for (const n of tasks) {
      expect(n.progress).toEqual({ state: 'IN_PROGRESS', overdue: true });
      expect(new Date(n.deadline).getTime()).toBeLessThan(new Date(PUBLISHED).getTime());
    }
    // The same six through the root list, and the complement through overdue: false.
    const root = await ok(
      `{ tasks(filter: { overdue: true }) { totalCount } all: tasks { totalCount } notOverdue: tasks(filter: { overdue: false }) { totalCount } }`,
    );
    expect(root.tasks.totalCount).toBe(6);
    expect(root.notOverdue.totalCount).toBe(root.all.totalCount - 6);
  });

  it('no province has an overdue task at the cut-off, though some did in early July', async () => {
    const d = await ok(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Province { code overdueTasks { totalCount } early: overdueTasks(asOf: "2025-07-04T16:00:00+07:00") { totalCount edges { node { code deadline } } } } } }`,
      {
        reps: provinceReps,
      },
    );
    expect(d._entities.every((e: any) => e.overdueTasks.totalCount === 0)).toBe(true);
    const early = d._entities.filter((e: any) => e.early.totalCount > 0);
    expect(early.length).toBeGreaterThan(0);
    for (const e of early)
      for (const { node } of e.early.edges) expect(new Date(node.deadline).getTime()).toBeLessThan(new Date('2025-07-04T16:00:00+07:00').getTime());
  });
});

describe('history (as-of reads)', () => {
  it('the default asOf is the latest reporting cut-off from the data', async () => {
    const d = await ok(
      `{ reportingCutoffs a: greenCoverageRanking(first: 34) { coverage { numerator } } b: greenCoverageRanking(first: 34, asOf: "${PUBLISHED}") { coverage { numerator } } task(code: "KH02-1.1") { progress { asOf } } }`,
    );
    expect(d.reportingCutoffs).toHaveLength(9);
    expect(d.reportingCutoffs[0]).toBe('2025-06-06T09:00:00.000Z');
    expect(d.reportingCutoffs[8]).toBe('2025-07-31T09:00:00.000Z');
    expect(d.a).toEqual(d.b);
    expect(d.task.progress.asOf).toBe('2025-07-31T09:00:00.000Z');
  });

  it('early June gives different, lower coverage: nationally and in every F2 province; coverage rises week by week', async () => {
    const q = `query($asOf: DateTime) { _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 3321 }]) { ... on Country { greenCoverage(asOf: $asOf) { numerator percent } coverageBands(asOf: $asOf) { full } } } }`;
    const late = (await ok(q, { asOf: PUBLISHED }))._entities[0];
    const early = (await ok(q, { asOf: EARLY_JUNE }))._entities[0];
    expect(early.greenCoverage.numerator).toBeLessThan(late.greenCoverage.numerator / 4);
    expect(early.coverageBands.full).toBe(0);
    const p = await ok(PROVINCE_FIGURES, { reps: provinceReps.filter((r) => F2.includes(r.code)), asOf: EARLY_JUNE });
    for (const e of p._entities) expect(e.greenCoverage.percent).toBeLessThan(100);
    const { reportingCutoffs } = await ok(`{ reportingCutoffs }`);
    let previous = -1;
    for (const asOf of reportingCutoffs) {
      const n = (await ok(q, { asOf }))._entities[0].greenCoverage.numerator;
      expect(n).toBeGreaterThan(previous);
      previous = n;
    }
  });

  it('provinces were not all green in early June (the road to F1)', async () => {
    const d = await ok(
      `{ _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 3321 }]) { ... on Country { progress(asOf: "${EARLY_JUNE}") { green yellow red } } } }`,
    );
    const p = d._entities[0].progress;
    expect(p.green + p.yellow + p.red).toBe(34);
    expect(p.green).toBeLessThan(34);
  });

  it('a report holds from its reportedAt (inclusive) until the next one; nothing is overwritten', async () => {
    const d = await ok(
      `{ _entities(representations: [{ __typename: "Province", code: "04" }]) { ... on Province { assignments { id task { code } reports { id percent state reportedAt } } } } }`,
    );
    const assignment = d._entities[0].assignments.find((a: any) => a.reports.length >= 2);
    expect(assignment).toBeDefined();
    const [first, second] = assignment.reports;
    const at = async (asOf: string) => {
      const r = await ok(
        `query($asOf: DateTime) { _entities(representations: [{ __typename: "Province", code: "04" }]) { ... on Province { assignments(asOf: $asOf) { id percent state lastReport { id } reports { id } } } } }`,
        { asOf },
      );
      return r._entities[0].assignments.find((a: any) => a.id === assignment.id);
    };
    const beforeSecond = await at(new Date(new Date(second.reportedAt).getTime() - 1).toISOString());
    expect(beforeSecond).toMatchObject({ percent: first.percent, lastReport: { id: first.id } });
    expect(beforeSecond.reports.map((r: any) => r.id)).toEqual([first.id]);
    const atSecond = await at(second.reportedAt);
    expect(atSecond).toMatchObject({ percent: second.percent, lastReport: { id: second.id } });
    const beforeFirst = await at(new Date(new Date(first.reportedAt).getTime() - 1).toISOString());
    expect(beforeFirst).toMatchObject({ percent: 0, state: 'NOT_STARTED', lastReport: null, reports: [] });
  });

  it('the earliest valid asOf is the start of monitoring; a moment before it is BAD_USER_INPUT naming asOf', async () => {
    const d = await ok(`{ plan { monitoringStart issuedOn } greenCoverageRanking(first: 1, asOf: "2025-06-01T00:00:00+07:00") { coverage { numerator } } }`);
    expect(d.plan).toEqual({ monitoringStart: '2025-05-31T17:00:00.000Z', issuedOn: '2025-06-19' });
    expect(d.greenCoverageRanking[0].coverage.numerator).toBe(0);
    const r = await t.run(`{ greenCoverageRanking(asOf: "2025-05-31T23:59:59+07:00") { rank } }`);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'asOf' });
  });
});

describe('_entities', () => {
  it('Province without the @requires field still answers its own fields', async () => {
    const d = await ok(
      `{ _entities(representations: [{ __typename: "Province", code: "12" }]) { ... on Province { code progressStatus assignments { level localityCode task { level } province { code } commune { code } } } } }`,
    );
    const e = d._entities[0];
    expect(e.code).toBe('12');
    expect(e.progressStatus).toBe('GREEN');
    expect(e.assignments.length).toBeGreaterThan(0);
    for (const a of e.assignments)
      expect(a).toMatchObject({ level: 'PROVINCE', localityCode: '12', task: { level: 'PROVINCE' }, province: { code: '12' }, commune: null });
  });

  it("Commune: colour, countsAsGreen and assignments; Cao Bằng's communes agree with its 3/56", async () => {
    const reps = registry.communes.filter((c) => c.provinceCode === '04').map((c) => ({ __typename: 'Commune', code: c.code }));
    const d = await ok(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { code progressStatus countsAsGreen lastReportedAt assignments { level task { code level } province { code } commune { code } state lag overdue } } } }`,
      { reps },
    );
    expect(d._entities).toHaveLength(56);
    expect(d._entities.filter((e: any) => e.countsAsGreen)).toHaveLength(3);
    for (const e of d._entities) {
      expect(e.assignments).toHaveLength(6);
      expect(e.countsAsGreen).toBe(e.progressStatus === 'GREEN' && e.lastReportedAt !== null);
      for (const a of e.assignments)
        expect(a).toMatchObject({ level: 'COMMUNE', task: { level: 'COMMUNE' }, province: { code: '04' }, commune: { code: e.code }, overdue: false });
    }
    // Non-green communes are behind on some assignment by at least the yellow threshold.
    for (const e of d._entities.filter((x: any) => x.progressStatus !== 'GREEN'))
      expect(Math.max(...e.assignments.map((a: any) => a.lag))).toBeGreaterThanOrEqual(15);
  });

  it('a commune with no report is not counted green even when nothing is behind yet', async () => {
    const reps = registry.communes.map((c) => ({ __typename: 'Commune', code: c.code }));
    const d = await ok(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { progressStatus(asOf: "2025-06-01T00:00:00+07:00") countsAsGreen(asOf: "2025-06-01T00:00:00+07:00") lastReportedAt(asOf: "2025-06-01T00:00:00+07:00") } } }`,
      { reps },
    );
    expect(d._entities.every((e: any) => e.progressStatus === 'GREEN' && e.countsAsGreen === false && e.lastReportedAt === null)).toBe(true);
  });

  it('Country: "VN" resolves, any other code is null; an unknown province or commune has no assignments', async () => {
    const d =
      await ok(`{ _entities(representations: [{ __typename: "Country", code: "XX" }, { __typename: "Province", code: "99", communeCount: 0 }, { __typename: "Commune", code: "99999" }]) {
      ... on Country { code } ... on Province { progressStatus greenCoverage { numerator denominator } overdueTasks { totalCount } assignments { id } } ... on Commune { progressStatus countsAsGreen assignments { id } } } }`);
    expect(d._entities[0]).toBeNull();
    expect(d._entities[1]).toEqual({
      progressStatus: 'GREEN',
      greenCoverage: { numerator: 0, denominator: 0 },
      overdueTasks: { totalCount: 0 },
      assignments: [],
    });
    expect(d._entities[2]).toEqual({ progressStatus: 'GREEN', countsAsGreen: false, assignments: [] });
  });
});

describe('plan, groups and tasks', () => {
  it('plan(code) defaults to 02-KH/BCĐTW; unknown codes give null', async () => {
    const d = await ok(`{ a: plan { code } b: plan(code: "02-KH/BCĐTW") { code } c: plan(code: "99-XX") { code } task(code: "nope") { code } }`);
    expect(d).toEqual({ a: { code: '02-KH/BCĐTW' }, b: { code: '02-KH/BCĐTW' }, c: null, task: null });
  });

  it('has at least six groups including the three the article names, each with tasks', async () => {
    const d = await ok(`{ plan { groups { code name position tasks { totalCount } } } }`);
    const names = d.plan.groups.map((g: any) => g.name);
    expect(d.plan.groups.length).toBeGreaterThanOrEqual(6);
    expect(names).toEqual(
      expect.arrayContaining([
        'Completing institutions and the legal architecture',
        'Building digital infrastructure and key databases',
        'Developing resources',
      ]),
    );
    expect(d.plan.groups.map((g: any) => g.position)).toEqual(d.plan.groups.map((_: unknown, i: number) => i + 1));
    for (const g of d.plan.groups) expect(g.tasks.totalCount).toBeGreaterThan(0);
  });

  it('filters by group, level, state and responsible body; orders; pages', async () => {
    const d = await ok(`{
      inst: tasks(filter: { groupCodes: ["INSTITUTIONS"], overdue: true }) { edges { node { code } } }
      commune: tasks(filter: { levels: [COMMUNE] }) { totalCount edges { node { level } } }
      central: tasks(filter: { levels: [CENTRAL] }) { totalCount }
      done: tasks(filter: { states: [COMPLETED] }) { edges { node { code progress { state } } } }
      justice: tasks(filter: { responsibleBody: "JUSTICE" }) { edges { node { code responsibleBody } } }
      home: tasks(filter: { responsibleBody: "ministry of home affairs" }) { totalCount }
      latest: tasks(orderBy: { field: DEADLINE, direction: DESC }, first: 1) { edges { node { dueDate } } }
      page1: tasks(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { code } } }
    }`);
    expect(d.inst.edges.map((e: any) => e.node.code)).toEqual(['KH02-1.1', 'KH02-1.2']);
    expect(d.commune.totalCount).toBe(6);
    expect(d.commune.edges.every((e: any) => e.node.level === 'COMMUNE')).toBe(true);
    expect(d.central.totalCount).toBe(13);
    expect(d.done.edges.map((e: any) => e.node.code)).toEqual([
      'KH02-1.3',
      'KH02-1.4',
      'KH02-4.1',
      'KH02-4.3',
      'KH02-4.4',
      'KH02-5.2',
      'KH02-5.3',
      'KH02-5.5',
      'KH02-7.3',
    ]);
    expect(d.done.edges.every((e: any) => e.node.progress.state === 'COMPLETED')).toBe(true);
    expect(d.justice.edges).toEqual([{ node: { code: 'KH02-1.1', responsibleBody: 'Ministry of Justice' } }]);
    expect(d.home.totalCount).toBe(2);
    expect(d.latest.edges[0].node.dueDate).toBe('2025-12-31');
    expect(d.page1.edges.map((e: any) => e.node.code)).toEqual(['KH02-1.1', 'KH02-1.2']);
    expect(d.page1.pageInfo.hasNextPage).toBe(true);
    const next = await ok(`query($after: String) { tasks(first: 2, after: $after) { pageInfo { hasPreviousPage } edges { node { code } } } }`, {
      after: d.page1.pageInfo.endCursor,
    });
    expect(next.tasks.edges.map((e: any) => e.node.code)).toEqual(['KH02-1.3', 'KH02-1.4']);
    expect(next.tasks.pageInfo.hasPreviousPage).toBe(true);
  });

  it('task progress: a commune task rolls up its 3,321 assignments; a central task reads its own reports', async () => {
    const d = await ok(`{
      c: task(code: "KH02-2.4") { progress { state assignmentCount completedAssignments overdueAssignments overdue expectedPercent } assignments(provinceCode: "04", first: 500) { totalCount } reports { id } }
      early: task(code: "KH02-5.3") { progress(asOf: "2025-07-04T16:00:00+07:00") { overdue overdueAssignments } }
      k: task(code: "KH02-1.1") { progress { state percent overdue assignmentCount } assignments { totalCount } reports { percent state reportedBy } }
    }`);
    expect(d.c.progress).toMatchObject({ state: 'IN_PROGRESS', assignmentCount: 3321, completedAssignments: 0, overdueAssignments: 0, overdue: false });
    expect(d.c.progress.expectedPercent).toBeGreaterThan(50);
    expect(d.c.assignments.totalCount).toBe(56);
    expect(d.c.reports).toEqual([]);
    expect(d.early.progress.overdue).toBe(true);
    expect(d.early.progress.overdueAssignments).toBeGreaterThan(0);
    expect(d.k.progress).toEqual({ state: 'IN_PROGRESS', percent: 70, overdue: true, assignmentCount: 0 });
    expect(d.k.assignments.totalCount).toBe(0);
    expect(d.k.reports.map((r: any) => r.percent)).toEqual([20, 40, 60, 70]);
    expect(d.k.reports[0].reportedBy).toBe('Ministry of Justice');
  });
});

describe('bad input', () => {
  const code = (r: { errors?: readonly any[] }) => r.errors?.[0]?.extensions?.code;
  const arg = (r: { errors?: readonly any[] }) => r.errors?.[0]?.extensions?.argument;

  it('first out of range names first; a bad cursor names after', async () => {
    for (const q of [`{ tasks(first: 0) { totalCount } }`, `{ plan { tasks(first: 501) { totalCount } } }`, `{ greenCoverageRanking(first: 0) { rank } }`]) {
      const r = await t.run(q);
      expect([code(r), arg(r)]).toEqual(['BAD_USER_INPUT', 'first']);
    }
    const r = await t.run(`{ tasks(after: "not-a-cursor") { totalCount } }`);
    expect([code(r), arg(r)]).toEqual(['BAD_USER_INPUT', 'after']);
  });

  it('an asOf that is not a date and unknown enum values are BAD_USER_INPUT', async () => {
    for (const q of [
      `{ greenCoverageRanking(asOf: "yesterday") { rank } }`,
      `{ greenCoverageRanking(order: SIDEWAYS) { rank } }`,
      `{ tasks(filter: { levels: [NATIONAL] }) { totalCount } }`,
      `{ tasks(orderBy: { field: COLOUR }) { totalCount } }`,
    ]) {
      expect(code(await t.run(q))).toBe('BAD_USER_INPUT');
    }
    const r = await t.run(`query($a: DateTime) { greenCoverageRanking(asOf: $a) { rank } }`, { a: '2025-13-45T00:00:00Z' });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain('$a');
  });

  it('nothing crashes: a good query still works after the bad ones', async () => {
    const d = await ok(`{ plan { code } }`);
    expect(d.plan.code).toBe('02-KH/BCĐTW');
  });
});
