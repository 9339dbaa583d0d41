import type { Caller } from '@kh02/subgraph-kit';
import { testCaller } from '@kh02/subgraph-kit/testing';
import { startTestTasks, type TestTasks } from '../../testing';

let t: TestTasks;
beforeAll(async () => {
  t = await startTestTasks(1);
});
afterAll(() => t?.close());

/** Runs and fails on any GraphQL error. */
async function ok(query: string, variables?: Record<string, unknown>, caller?: Caller) {
  const r = await t.run(query, variables, caller);
  expect(r.errors).toBeUndefined();
  return r.data!;
}

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
    const d = await ok(
      `{
      c: task(code: "KH02-2.4") { progress { state assignmentCount completedAssignments overdueAssignments overdue expectedPercent } assignments(provinceCode: "04", first: 500) { totalCount } reports { id } }
      early: task(code: "KH02-5.3") { progress(asOf: "2025-07-04T16:00:00+07:00") { overdue overdueAssignments } }
      k: task(code: "KH02-1.1") { progress { state percent overdue assignmentCount } assignments { totalCount } reports { percent state reportedBy } }
    }`,
      undefined,
      // who reported names people: an analyst may read it
      testCaller('analyst'),
    );
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
    const r = await t.run(`query($a: AsOf) { greenCoverageRanking(asOf: $a) { rank } }`, { a: '2025-13-45T00:00:00Z' });
    expect(code(r)).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain('$a');
  });

  it('nothing crashes: a good query still works after the bad ones', async () => {
    const d = await ok(`{ plan { code } }`);
    expect(d.plan.code).toBe('02-KH/BCĐTW');
  });
});
