import { DATASET_CUTOFFS, generateLocalities } from '@kh02/subgraph-kit';
import { generateReadiness } from '../../dataset/readiness';
import { startTestReadiness, type TestReadiness } from '../../testing';

let r: TestReadiness;
beforeAll(async () => {
  r = await startTestReadiness(1);
});
afterAll(() => r?.close());

const registry = generateLocalities();
async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await r.run(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

describe('history (asOf)', () => {
  it('early June differs from the published cut-off, and the national figure rises across the cut-offs', async () => {
    const aliases = DATASET_CUTOFFS.map((c, i) => `c${i}: readiness(asOf: "${c.toISOString()}") { asOf fullyMet { numerator } }`).join(' ');
    const data = await ok(`{ _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 3321 }]) { ... on Country { ${aliases} } } }`);
    const series = DATASET_CUTOFFS.map((_, i) => data._entities[0][`c${i}`].fullyMet.numerator);
    expect(series[0]).toBeLessThan(1981);
    expect(series[series.length - 1]).toBe(1981);
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1]);
    expect(data._entities[0].c0.asOf).toBe('2025-06-06T09:00:00.000Z');
  });

  it('reads each commune\u2019s state as the latest assessment at or before asOf (checked against the dataset)', async () => {
    const dataset = generateReadiness();
    const sample = registry.communes.filter((_, i) => i % 97 === 0).map((c) => c.code);
    const moments = [DATASET_CUTOFFS[0], DATASET_CUTOFFS[4], DATASET_CUTOFFS[8]];
    const aliases = moments.map((m, i) => `m${i}: readiness(asOf: "${m.toISOString()}") { criteria { criterion { code } met assessedAt } }`).join(' ');
    const data = await ok(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Commune { code ${aliases} } } }`, {
      reps: sample.map((code) => ({ __typename: 'Commune', code })),
    });
    for (const commune of data._entities) {
      moments.forEach((moment, i) => {
        for (const c of commune[`m${i}`].criteria) {
          const latest = dataset.assessments
            .filter((a) => a.communeCode === commune.code && a.criterionCode === c.criterion.code && a.assessedAt <= moment)
            .sort((a, b) => b.assessedAt.getTime() - a.assessedAt.getTime())[0];
          expect([commune.code, c.criterion.code, i, c.met, c.assessedAt]).toEqual([
            commune.code,
            c.criterion.code,
            i,
            latest?.met ?? false,
            latest?.assessedAt.toISOString() ?? null,
          ]);
        }
      });
    }
  });

  it('a finding counts from the instant it was recorded, not before', async () => {
    const dataset = generateReadiness();
    const change = dataset.assessments.find(
      (a, i) => i > 0 && dataset.assessments[i - 1].communeCode === a.communeCode && dataset.assessments[i - 1].criterionCode === a.criterionCode,
    )!;
    const justBefore = new Date(change.assessedAt.getTime() - 1000).toISOString();
    const data = await ok(`{ _entities(representations: [{ __typename: "Commune", code: "${change.communeCode}" }]) { ... on Commune {
      before: readiness(asOf: "${justBefore}") { criteria { criterion { code } met } }
      at: readiness(asOf: "${change.assessedAt.toISOString()}") { criteria { criterion { code } met assessedAt } } } } }`);
    const pick = (list: any[]) => list.find((c) => c.criterion.code === change.criterionCode);
    expect(pick(data._entities[0].before.criteria).met).toBe(!change.met);
    expect(pick(data._entities[0].at.criteria)).toMatchObject({ met: change.met, assessedAt: change.assessedAt.toISOString() });
  });
});
