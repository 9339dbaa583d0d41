import { generateLocalities } from '@kh02/subgraph-kit';
import { startTestTasks, type TestTasks } from '../../testing';

const registry = generateLocalities();
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
