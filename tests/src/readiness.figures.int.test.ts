import { startPlatform, type Platform } from './harness';

// Issue 4's "done when" query and the article's F6–F10, through the gateway over HTTP.
const DONE_WHEN = `{
  country { readiness { fullyMet { numerator denominator percent } criteria { criterion { code name } coverage { percent } } } }
  province(code: "01") { onlineApplications(from: "2025-07-01", to: "2025-07-31") { onlineSubmissionRate { percent } onlineResultRate { percent } } }
  onlineApplicationRanking(from: "2025-07-01", to: "2025-07-31", order: ASC, first: 1) { province { name } stats { onlineSubmissionRate { percent } } }
  provinces { code readiness { fullyMet { numerator denominator percent } } communes(first: 500) { edges { node { readiness { meetsBasicConditions } } } } }
}`;

const F8 = ['Khánh Hòa', 'Lai Châu', 'Lâm Đồng', 'Tây Ninh', 'Cần Thơ', 'Đà Nẵng', 'Vĩnh Long'];

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

test('F6, F7, F9 and per-commune answers adding up to each province', async () => {
  const r = await platform.query(DONE_WHEN);
  expect(r.errors).toBeUndefined();
  // F6
  expect(r.data.country.readiness.fullyMet).toEqual({ numerator: 1981, denominator: 3321, percent: 59.65 });
  // F7
  const byCode = Object.fromEntries(r.data.country.readiness.criteria.map((c: any) => [c.criterion.code, c.coverage.percent]));
  for (const code of ['ONLINE_MEETINGS', 'DIGITAL_EQUIPMENT', 'COMPUTERS', 'OFFICIAL_DIGITAL_SIGNATURES']) expect(byCode[code]).toBeGreaterThan(90);
  // F9
  expect(r.data.province.onlineApplications).toEqual({ onlineSubmissionRate: { percent: 32.73 }, onlineResultRate: { percent: 5.3 } });
  expect(r.data.onlineApplicationRanking).toEqual([{ province: { name: 'Hà Nội' }, stats: { onlineSubmissionRate: { percent: 32.73 } } }]);
  // Per-commune answers add up to each province's figure, and provinces to the nation.
  let national = 0;
  for (const p of r.data.provinces) {
    const meeting = p.communes.edges.filter((e: any) => e.node.readiness.meetsBasicConditions).length;
    expect(p.readiness.fullyMet.numerator).toBe(meeting);
    expect(p.readiness.fullyMet.denominator).toBe(p.communes.edges.length);
    national += meeting;
  }
  expect(national).toBe(1981);
});

test('F8: exactly seven provinces below 100% on specialised signatures or public certificates', async () => {
  const r = await platform.query(`{ provinces { name readiness { criteria { criterion { code } coverage { numerator denominator } } } } }`);
  expect(r.errors).toBeUndefined();
  const lacking = r.data.provinces
    .filter((p: any) =>
      p.readiness.criteria.some(
        (c: any) => ['SPECIALISED_DIGITAL_SIGNATURE', 'PUBLIC_DIGITAL_CERTIFICATE'].includes(c.criterion.code) && c.coverage.numerator < c.coverage.denominator,
      ),
    )
    .map((p: any) => p.name);
  expect(lacking.sort()).toEqual([...F8].sort());
});

test('F10: Hồ Chí Minh City received far fewer applications a day in July than in June', async () => {
  const r = await platform.query(`{
    province(code: "79") { june: onlineApplications(from: "2025-06-01", to: "2025-06-30") { dailyAverageReceived }
                           july: onlineApplications(from: "2025-07-01", to: "2025-07-31") { dailyAverageReceived } } }`);
  expect(r.errors).toBeUndefined();
  const { june, july } = r.data.province;
  expect(july.dailyAverageReceived).toBeLessThanOrEqual(0.8 * june.dailyAverageReceived);
});

test('an early-June asOf gives different, lower readiness', async () => {
  const r = await platform.query(`{ june: country { readiness(asOf: "2025-06-06T16:00:00+07:00") { fullyMet { numerator } } }
                                    july: country { readiness { fullyMet { numerator } } } }`);
  expect(r.errors).toBeUndefined();
  expect(r.data.july.readiness.fullyMet.numerator).toBe(1981);
  expect(r.data.june.readiness.fullyMet.numerator).toBeLessThan(1981);
});

test('F12: synced records add up from communes to the nation', async () => {
  const r = await platform.query(`{ country { syncedRecords(from: "2025-06-01", to: "2025-07-31") { total series(groupBy: MONTH) { periodStart count } } }
    province(code: "46") { syncedRecords(from: "2025-07-01", to: "2025-07-31") { total series(groupBy: DAY) { count } } } }`);
  expect(r.errors).toBeUndefined();
  const country = r.data.country.syncedRecords;
  expect(country.series.map((s: any) => s.periodStart)).toEqual(['2025-06-01', '2025-07-01']);
  expect(country.series.reduce((n: number, s: any) => n + s.count, 0)).toBe(country.total);
  expect(r.data.province.syncedRecords.series).toHaveLength(31);
  expect(country.total).toBeGreaterThan(r.data.province.syncedRecords.total);
});

test('bad ranges are BAD_USER_INPUT naming the argument, through the gateway', async () => {
  const reversed = await platform.query('{ country { onlineApplications(from: "2025-07-31", to: "2025-07-01") { received } } }');
  expect(reversed.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(reversed.errors?.[0].message).toMatch(/"from"|"to"/);
  const notADate = await platform.query('{ country { onlineApplications(from: "2025-02-30", to: "2025-07-01") { received } } }');
  expect(notADate.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(notADate.errors?.[0].message).toContain('Argument "from" has an invalid value');
});
