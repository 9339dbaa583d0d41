import { startPlatform, type Platform } from './harness';

// Issue 3's "done when" query and the article's F1–F3, F5 and F11, through the gateway over HTTP.
const DONE_WHEN = `{
  country { progress { green yellow red } greenCoverage { numerator denominator percent }
            coverageBands { full above70 above50 below50 } }
  province(code: "04") { name progressStatus greenCoverage { numerator denominator percent } }
  greenCoverageRanking(order: DESC, first: 8) { rank province { name } coverage { percent } }
  plan { tasks(filter: { overdue: true }) { totalCount edges { node { code title deadline group { name } } } } }
}`;

const F2 = ['Sơn La', 'Lạng Sơn', 'Phú Thọ', 'Lào Cai', 'Cà Mau', 'Hà Nội', 'Huế', 'Hưng Yên'];

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

test('F1, F2, F5, F11: the done-when query', async () => {
  const r = await platform.query(DONE_WHEN);
  expect(r.errors).toBeUndefined();
  const { country, province, greenCoverageRanking, plan } = r.data;
  expect(country.progress).toEqual({ green: 34, yellow: 0, red: 0 });
  expect(country.coverageBands.full).toBe(8);
  expect(country.coverageBands.above70).toBe(13);
  expect(country.coverageBands.full + country.coverageBands.above70 + country.coverageBands.above50 + country.coverageBands.below50).toBe(34);
  expect(country.greenCoverage.denominator).toBe(3321);
  expect(province).toEqual({ name: 'Cao Bằng', progressStatus: 'GREEN', greenCoverage: { numerator: 3, denominator: 56, percent: 5.36 } });
  expect(greenCoverageRanking.map((e: any) => e.province.name).sort()).toEqual([...F2].sort());
  for (const e of greenCoverageRanking) expect(e.coverage.percent).toBe(100);
  expect(plan.tasks.totalCount).toBe(6);
  const groups = plan.tasks.edges.map((e: any) => e.node.group.name);
  const count = (name: string) => groups.filter((g: string) => g === name).length;
  expect(count('Completing institutions and the legal architecture')).toBe(2);
  expect(count('Building digital infrastructure and key databases')).toBe(1);
  expect(count('Developing resources')).toBe(1);
  expect(groups).toHaveLength(6);
});

test('F3 and F5 with exact numerators and denominators for every province', async () => {
  const r = await platform.query('{ provinces { code name communeCount progressStatus greenCoverage { numerator denominator percent } } }');
  expect(r.errors).toBeUndefined();
  const provinces: any[] = r.data.provinces;
  for (const p of provinces) {
    expect(p.progressStatus).toBe('GREEN');
    expect(p.greenCoverage.denominator).toBe(p.communeCount);
  }
  const full = provinces.filter((p) => p.greenCoverage.numerator === p.greenCoverage.denominator).map((p) => p.name);
  expect(full.sort()).toEqual([...F2].sort());
  const above70 = provinces.filter(
    (p) => p.greenCoverage.numerator < p.greenCoverage.denominator && p.greenCoverage.numerator * 10 > p.greenCoverage.denominator * 7,
  );
  expect(above70).toHaveLength(13);
  const byName = Object.fromEntries(provinces.map((p) => [p.name, p.greenCoverage]));
  expect(byName['Cao Bằng']).toEqual({ numerator: 3, denominator: 56, percent: 5.36 });
  expect(byName['Lai Châu']).toEqual({ numerator: 3, denominator: 38, percent: 7.89 });
  const national = provinces.reduce((n, p) => n + p.greenCoverage.numerator, 0);
  const country = await platform.query('{ country { greenCoverage { numerator denominator } } }');
  expect(country.data.country.greenCoverage).toEqual({ numerator: national, denominator: 3321 });
});

test('per-commune colours add up to each province’s green coverage', async () => {
  const r = await platform.query('{ provinces { greenCoverage { numerator } communes(first: 500) { edges { node { progressStatus countsAsGreen } } } } }');
  expect(r.errors).toBeUndefined();
  let national = 0;
  for (const p of r.data.provinces) {
    const counted = p.communes.edges.filter((e: any) => e.node.countsAsGreen);
    expect(counted.length).toBe(p.greenCoverage.numerator);
    for (const e of counted) expect(e.node.progressStatus).toBe('GREEN');
    national += counted.length;
  }
  expect(national).toBe(2398);
});

test('an early-June asOf gives different, lower coverage', async () => {
  const r =
    await platform.query(`{ june: country { greenCoverage(asOf: "2025-06-06T16:00:00+07:00") { numerator } coverageBands(asOf: "2025-06-06T16:00:00+07:00") { full } }
                                    july: country { greenCoverage { numerator } coverageBands { full } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.june.greenCoverage.numerator).toBeLessThan(r.data.july.greenCoverage.numerator);
  expect(r.data.june.coverageBands.full).toBeLessThan(8);
});

test('bad input through the gateway: an asOf before the plan, and a malformed asOf', async () => {
  const early = await platform.query('{ country { greenCoverage(asOf: "2024-01-01T00:00:00+07:00") { percent } } }');
  expect(early.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(early.errors?.[0].message).toContain('"asOf"');
  const malformed = await platform.query('query($a: AsOf) { country { greenCoverage(asOf: $a) { percent } } }', { a: 'last tuesday' });
  expect(malformed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
});
