import { generateLocalities } from '@kh02/subgraph-kit';
import { startTestTasks, type TestTasks } from './testing';

/**
 * The same queries against 10 % and 100 % of the communes must cost the same number of SQL
 * statements: every relation and reference goes through a loader that batches by `asOf`.
 */
let small: TestTasks;
let full: TestTasks;
beforeAll(async () => {
  small = await startTestTasks(0.1);
  full = await startTestTasks(1);
});
afterAll(async () => {
  await small?.close();
  await full?.close();
});

const reps = (fraction: number) => {
  const r = generateLocalities({ fraction });
  return {
    provinces: r.provinces.map((p) => ({ __typename: 'Province', code: p.code, communeCount: r.communes.filter((c) => c.provinceCode === p.code).length })),
    communes: r.communes.map((c) => ({ __typename: 'Commune', code: c.code })),
    communeCount: r.communes.length,
  };
};

async function both(query: string, variables: (fraction: number) => Record<string, unknown> = () => ({})) {
  const a = await small.run(query, variables(0.1));
  const b = await full.run(query, variables(1));
  expect(a.errors).toBeUndefined();
  expect(b.errors).toBeUndefined();
  return { small: a, full: b };
}

const CASES: [string, string, (fraction: number) => Record<string, unknown>, number][] = [
  [
    'national roll-ups, the ranking and the overdue tasks',
    `query($n: Int!) { _entities(representations: [{ __typename: "Country", code: "VN", communeCount: $n }]) { ... on Country { progress { green } greenCoverage { percent } coverageBands { full } early: greenCoverage(asOf: "2025-06-06T16:00:00+07:00") { percent } } }
      greenCoverageRanking { rank province { code } coverage { percent } }
      plan { groups { tasks(filter: { overdue: true }) { totalCount edges { node { code group { name } progress { state } } } } } } }`,
    (f) => ({ n: reps(f).communeCount }),
    // timeline + catalog (4), localities (1), every assignment at the published cut-off (1, then kept: the kit's
    // snapshots.ts), province assignments at the unpublished early moment (1), central reports (1)
    8,
  ],
  [
    'every province: colour, green coverage (@requires), overdue tasks, own assignments with history',
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Province { progressStatus greenCoverage { numerator } overdueTasks(asOf: "2025-07-04T16:00:00+07:00") { totalCount edges { node { code } } } assignments { task { code } reports { percent } } } } }`,
    (f) => ({ reps: reps(f).provinces }),
    // the assignments at the latest (published) cut-off come from the process's snapshot since the case above
    6,
  ],
  [
    'every commune: colour, countsAsGreen, assignments with their tasks, groups and report histories',
    `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { progressStatus countsAsGreen lastReportedAt assignments { task { code group { name } } state lag overdue lastReport { percent } reports { percent reportedAt } } } } }`,
    (f) => ({ reps: reps(f).communes }),
    5,
  ],
  [
    "a commune task's assignments, paged, with histories",
    `{ task(code: "KH02-5.3") { progress { completedAssignments } assignments(first: 500) { totalCount edges { node { commune { code } province { code } reports { percent } } } } } }`,
    () => ({}),
    5,
  ],
];

describe('statement counts are constant at 10 % and 100 % of the data', () => {
  it.each(CASES)('%s', async (_name, query, variables, expected) => {
    const r = await both(query, variables);
    expect(r.full.statements).toBe(r.small.statements);
    expect(r.full.statements).toBe(expected);
  });
});
