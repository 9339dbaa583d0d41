import { generateLocalities } from '@kh02/subgraph-kit';
import { startTestTasks, type TestTasks } from '../../testing';

const PUBLISHED = '2025-07-31T16:00:00+07:00';
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

const PROVINCE_FIGURES = `query($reps: [_Any!]!, $asOf: AsOf) { _entities(representations: $reps) { ... on Province { code progressStatus(asOf: $asOf) greenCoverage(asOf: $asOf) { numerator denominator percent } } } }`;

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
