import { generateLocalities } from '@kh02/subgraph-kit';
import { startPlatform } from './harness';
import { COMMUNE_DETAIL, NATIONAL_DRILL_DOWN } from './queries';

// S3 of the performance issue, as a test: the national drill-down costs the same number of SQL
// statements (all subgraphs together) and subgraph HTTP fetches at 10% and at 100% of the
// communes. Counts, not timings: they do not depend on the machine.
async function measure(fraction: number) {
  const platform = await startPlatform({ fraction });
  try {
    platform.resetCounters();
    const national = await platform.query(NATIONAL_DRILL_DOWN);
    expect(national.errors).toBeUndefined();
    const communes = national.data.provinces.reduce((n: number, p: any) => n + p.communes.edges.length, 0);
    const criteria = national.data.provinces.reduce(
      (n: number, p: any) => n + p.communes.edges.reduce((m: number, e: any) => m + e.node.readiness.criteria.length, 0),
      0,
    );
    const result = {
      statements: platform.statements(),
      fetches: platform.subgraphFetches(),
      bySubgraph: { ...platform.gateway.stats.bySubgraph },
      communes,
      criteria,
    };
    platform.resetCounters();
    // The detail page reads assessors' notes, which need a signed-in reader: an analyst.
    const analyst = { authorization: `Bearer ${await platform.token(['--role', 'analyst'])}` };
    const detail = await platform.query(COMMUNE_DETAIL, { code: '01273' }, analyst);
    expect(detail.errors).toBeUndefined();
    expect(detail.data.commune.province.name).toBe('Cao Bằng');
    return { ...result, detail: { statements: platform.statements(), fetches: platform.subgraphFetches() } };
  } finally {
    await platform.close();
  }
}

test('the national drill-down costs the same SQL statements and subgraph fetches at 10% and 100% of the data', async () => {
  const small = await measure(0.1);
  const full = await measure(1);
  expect(full.communes).toBe(3321);
  expect(small.communes).toBe(generateLocalities({ fraction: 0.1 }).communes.length);
  expect(full.criteria).toBeGreaterThanOrEqual(3321 * 10);
  const { communes: _a, criteria: _b, ...smallCounts } = small;
  const { communes: _c, criteria: _d, ...fullCounts } = full;
  expect(smallCounts).toEqual(fullCounts);
  // Pinned so a change that adds a fetch or a query per level is seen in review.
  expect({ statements: full.statements, fetches: full.fetches }).toEqual({ statements: 15, fetches: 3 });
  expect(full.bySubgraph).toEqual({ geography: 1, tasks: 1, readiness: 1 });
});
