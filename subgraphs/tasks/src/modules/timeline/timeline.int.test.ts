import { generateLocalities } from '@kh02/subgraph-kit';
import { startTestTasks, type TestTasks } from '../../testing';

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

const PROVINCE_FIGURES = `query($reps: [_Any!]!, $asOf: AsOf) { _entities(representations: $reps) { ... on Province { code progressStatus(asOf: $asOf) greenCoverage(asOf: $asOf) { numerator denominator percent } } } }`;

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
    const q = `query($asOf: AsOf) { _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 3321 }]) { ... on Country { greenCoverage(asOf: $asOf) { numerator percent } coverageBands(asOf: $asOf) { full } } } }`;
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
      `{ _entities(representations: [{ __typename: "Province", code: "04" }]) { ... on Province { assignments { id number task { code } reports { id percent state reportedAt } } } } }`,
    );
    const assignment = d._entities[0].assignments.find((a: any) => a.reports.length >= 2);
    expect(assignment).toBeDefined();
    const [first, second] = assignment.reports;
    const at = async (asOf: string) => {
      const r = await ok(
        `query($asOf: AsOf) { _entities(representations: [{ __typename: "Province", code: "04" }]) { ... on Province { assignments(asOf: $asOf) { id number percent state lastReport { id } reports { id } } } } }`,
        { asOf },
      );
      return r._entities[0].assignments.find((a: any) => a.number === assignment.number);
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
