import { DATASET_CUTOFFS, generateLocalities } from '@kh02/subgraph-kit';
import { READINESS_F8_PROVINCES } from '../../dataset/readiness';
import { startTestReadiness, type TestReadiness } from '../../testing';

let r: TestReadiness;
beforeAll(async () => {
  r = await startTestReadiness(1);
});
afterAll(() => r?.close());

const registry = generateLocalities();
const F7 = ['ONLINE_MEETINGS', 'DIGITAL_EQUIPMENT', 'COMPUTERS', 'OFFICIAL_DIGITAL_SIGNATURES'];
const provinceReps = registry.provinces.map((p) => ({ __typename: 'Province', code: p.code, communeCount: p.unitsTotal }));
const communeReps = registry.communes.map((c) => ({ __typename: 'Commune', code: c.code }));

async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await r.run(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

async function badInput(query: string, argument: string) {
  const res = await r.run(query);
  expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  if (argument) expect(res.errors?.[0]?.extensions?.argument).toBe(argument);
  return res.errors![0];
}

describe('published figures through the subgraph (fraction 1, default asOf = 31 July 2025 16:00)', () => {
  it('F6: 1,981 of 3,321 communes fully meet the basic conditions, 59.65%', async () => {
    const data = await ok(
      `{ _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 3321 }]) { ... on Country { readiness { asOf fullyMet { numerator denominator percent } } } } }`,
    );
    expect(data._entities[0].readiness).toEqual({ asOf: '2025-07-31T09:00:00.000Z', fullyMet: { numerator: 1981, denominator: 3321, percent: 59.65 } });
  });

  it('F7: the four named criteria are each above 90% nationally', async () => {
    const data = await ok(
      `{ _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 3321 }]) { ... on Country { readiness { criteria { criterion { code } coverage { percent } } } } } }`,
    );
    const percent = new Map<string, number>(data._entities[0].readiness.criteria.map((c: any) => [c.criterion.code, c.coverage.percent]));
    for (const code of F7) expect(percent.get(code)).toBeGreaterThan(90);
    expect(percent.size).toBe(11);
  });

  it('F8: exactly the seven named provinces are below 100% on the specialised signature or the public certificate', async () => {
    const data = await ok(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Province { code readiness { criteria { criterion { code } coverage { percent } } } } } }`,
      { reps: provinceReps },
    );
    const below = data._entities
      .filter((p: any) =>
        p.readiness.criteria.some(
          (c: any) => ['SPECIALISED_DIGITAL_SIGNATURE', 'PUBLIC_DIGITAL_CERTIFICATE'].includes(c.criterion.code) && c.coverage.percent < 100,
        ),
      )
      .map((p: any) => p.code);
    expect(below.sort()).toEqual([...READINESS_F8_PROVINCES].sort());
    const names = registry.provinces
      .filter((p) => below.includes(p.code))
      .map((p) => p.name)
      .sort();
    expect(names).toEqual(['Cần Thơ', 'Đà Nẵng', 'Khánh Hòa', 'Lai Châu', 'Lâm Đồng', 'Tây Ninh', 'Vĩnh Long'].sort());
  });

  it('F9: Hà Nội, 1–31 July 2025: 32.73% submitted online, 5.30% results online, lowest of the 34', async () => {
    const data = await ok(`{
      _entities(representations: [{ __typename: "Province", code: "01" }]) { ... on Province { onlineApplications(from: "2025-07-01", to: "2025-07-31") { from to days received submittedOnline onlineSubmissionRate { percent } onlineResultRate { percent } } } }
      onlineApplicationRanking(from: "2025-07-01", to: "2025-07-31", order: ASC) { rank province { code } stats { onlineSubmissionRate { percent rate } } } }`);
    const hanoi = data._entities[0].onlineApplications;
    expect(hanoi).toMatchObject({
      from: '2025-07-01',
      to: '2025-07-31',
      days: 31,
      onlineSubmissionRate: { percent: 32.73 },
      onlineResultRate: { percent: 5.3 },
    });
    const ranking = data.onlineApplicationRanking;
    expect(ranking).toHaveLength(34);
    expect(ranking[0]).toMatchObject({ rank: 1, province: { code: '01' }, stats: { onlineSubmissionRate: { percent: 32.73 } } });
    expect(ranking[1].rank).toBe(2);
    expect(ranking[1].stats.onlineSubmissionRate.rate).toBeGreaterThan(ranking[0].stats.onlineSubmissionRate.rate);
    const first = await ok(`{ onlineApplicationRanking(from: "2025-07-01", to: "2025-07-31", order: ASC, first: 1) { province { code } } }`);
    expect(first.onlineApplicationRanking).toEqual([{ province: { code: '01' } }]);
  });

  it('F10: Hồ Chí Minh City received per day in July at most 80% of June', async () => {
    const data = await ok(`{ _entities(representations: [{ __typename: "Province", code: "79" }]) { ... on Province {
      june: onlineApplications(from: "2025-06-01", to: "2025-06-30") { received days dailyAverageReceived }
      july: onlineApplications(from: "2025-07-01", to: "2025-07-31") { received days dailyAverageReceived } } } }`);
    const { june, july } = data._entities[0];
    expect(june.days).toBe(30);
    expect(july.dailyAverageReceived).toBeCloseTo(july.received / 31, 2);
    expect(july.dailyAverageReceived / june.dailyAverageReceived).toBeLessThanOrEqual(0.8);
  });

  it('F12: daily synced-records series for the country, every province and every commune; the parts add up', async () => {
    const data = await ok(
      `query($reps: [_Any!]!, $communes: [_Any!]!) {
        nation: _entities(representations: [{ __typename: "Country", code: "VN" }]) { ... on Country { syncedRecords(from: "2025-06-01", to: "2025-07-31") { total series { periodStart days count } weeks: series(groupBy: WEEK) { periodStart count } months: series(groupBy: MONTH) { periodStart count } } } }
        provinces: _entities(representations: $reps) { ... on Province { syncedRecords(from: "2025-06-01", to: "2025-07-31") { total series { count } } } }
        communes: _entities(representations: $communes) { ... on Commune { syncedRecords(from: "2025-06-01", to: "2025-07-31") } } }`,
      { reps: provinceReps, communes: communeReps },
    );
    const nation = data.nation[0].syncedRecords;
    expect(nation.series).toHaveLength(61);
    expect(nation.series[0]).toEqual(expect.objectContaining({ periodStart: '2025-06-01', days: 1 }));
    expect(nation.series.every((d: any) => d.count > 0)).toBe(true);
    expect(nation.series.reduce((s: number, d: any) => s + d.count, 0)).toBe(nation.total);
    expect(nation.weeks[0].periodStart).toBe('2025-05-26');
    expect(nation.weeks.reduce((s: number, d: any) => s + d.count, 0)).toBe(nation.total);
    expect(nation.months.map((m: any) => m.periodStart)).toEqual(['2025-06-01', '2025-07-01']);
    // Official operation from 1 July: July carries more records than June.
    expect(nation.months[1].count).toBeGreaterThan(nation.months[0].count);
    expect(data.provinces.every((p: any) => p.syncedRecords.series.length === 61)).toBe(true);
    expect(data.provinces.reduce((s: number, p: any) => s + p.syncedRecords.total, 0)).toBe(nation.total);
    expect(data.communes).toHaveLength(3321);
    expect(data.communes.every((c: any) => c.syncedRecords > 0)).toBe(true);
    expect(data.communes.reduce((s: number, c: any) => s + c.syncedRecords, 0)).toBe(nation.total);
  });

  it('per-commune answers add up to each province\u2019s figure', async () => {
    const data = await ok(
      `query($reps: [_Any!]!, $communes: [_Any!]!) {
        provinces: _entities(representations: $reps) { ... on Province { code readiness { fullyMet { numerator denominator } criteria { criterion { code } coverage { numerator } } } } }
        communes: _entities(representations: $communes) { ... on Commune { code readiness { meetsBasicConditions criteria { criterion { code } met } } } } }`,
      { reps: provinceReps, communes: communeReps },
    );
    const fully = new Map<string, number>();
    const perCriterion = new Map<string, number>();
    data.communes.forEach((c: any, i: number) => {
      const province = registry.communes[i].provinceCode;
      if (c.readiness.meetsBasicConditions) fully.set(province, (fully.get(province) ?? 0) + 1);
      for (const a of c.readiness.criteria)
        if (a.met) perCriterion.set(`${province}|${a.criterion.code}`, (perCriterion.get(`${province}|${a.criterion.code}`) ?? 0) + 1);
    });
    for (const p of data.provinces) {
      expect([p.code, p.readiness.fullyMet.numerator]).toEqual([p.code, fully.get(p.code) ?? 0]);
      for (const c of p.readiness.criteria) expect(c.coverage.numerator).toBe(perCriterion.get(`${p.code}|${c.criterion.code}`) ?? 0);
    }
    expect([...fully.values()].reduce((a, b) => a + b, 0)).toBe(1981);
  });
});

describe('queries', () => {
  it('criteria: the catalogue in order, filterable; criterion(code) with null for unknown codes', async () => {
    const data = await ok(
      `{ all: criteria { code position } basic: criteria(filter: { basic: true }) { code } signatures: criteria(filter: { category: DIGITAL_SIGNATURE }) { code } one: criterion(code: "STAFF") { name } none: criterion(code: "NOPE") { name } }`,
    );
    expect(data.all).toHaveLength(11);
    expect(data.all.map((c: any) => c.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(data.basic).toHaveLength(10);
    expect(data.signatures.map((c: any) => c.code)).toEqual(['OFFICIAL_DIGITAL_SIGNATURES', 'SPECIALISED_DIGITAL_SIGNATURE', 'PUBLIC_DIGITAL_CERTIFICATE']);
    expect(data.one.name).toBe('Staff assigned and trained');
    expect(data.none).toBeNull();
  });

  it('reportingCutoffs: the nine weekly cut-offs, the last the published one', async () => {
    const data = await ok(`{ reportingCutoffs }`);
    expect(data.reportingCutoffs).toEqual(DATASET_CUTOFFS.map((d) => d.toISOString()));
  });

  it('readinessRanking: provinces by fully-met coverage or by one criterion, consistent with the province figures', async () => {
    const data = await ok(
      `query($reps: [_Any!]!) {
      desc: readinessRanking { rank province { code } coverage { numerator denominator rate } }
      lagging: readinessRanking(order: ASC, first: 3) { rank province { code } }
      signature: readinessRanking(criterion: "SPECIALISED_DIGITAL_SIGNATURE", order: ASC, first: 7) { province { code } coverage { percent } }
      june: readinessRanking(asOf: "2025-06-13T16:00:00+07:00", first: 1) { coverage { numerator } }
      _entities(representations: $reps) { ... on Province { code readiness { fullyMet { numerator } } } } }`,
      { reps: provinceReps },
    );
    expect(data.desc).toHaveLength(34);
    for (let i = 1; i < 34; i++) expect(data.desc[i].coverage.rate).toBeLessThanOrEqual(data.desc[i - 1].coverage.rate);
    const fully = new Map(data._entities.map((p: any) => [p.code, p.readiness.fullyMet.numerator]));
    for (const e of data.desc) {
      expect(e.coverage.numerator).toBe(fully.get(e.province.code));
      expect(e.coverage.denominator).toBe(registry.provinces.find((p) => p.code === e.province.code)!.unitsTotal);
    }
    expect(data.lagging.map((e: any) => e.province.code)).toEqual(
      data.desc
        .slice(-3)
        .reverse()
        .map((e: any) => e.province.code),
    );
    expect(data.signature.every((e: any) => e.coverage.percent < 100)).toBe(true);
    expect(data.june[0].coverage.numerator).toBeLessThan(data.desc[0].coverage.numerator);
  });

  it('communesFailingCriterion: the failing communes of a province, paged; null for an unknown province', async () => {
    const data = await ok(`{
      page1: communesFailingCriterion(provinceCode: "68", criterion: "PUBLIC_DIGITAL_CERTIFICATE", first: 2) { totalCount edges { cursor node { code } assessedAt } pageInfo { hasNextPage hasPreviousPage endCursor } }
      all: communesFailingCriterion(provinceCode: "68", criterion: "PUBLIC_DIGITAL_CERTIFICATE", first: 500) { totalCount edges { node { code } } }
      none: communesFailingCriterion(provinceCode: "01", criterion: "PUBLIC_DIGITAL_CERTIFICATE") { totalCount edges { node { code } } }
      unknown: communesFailingCriterion(provinceCode: "99", criterion: "STAFF") { totalCount }
      _entities(representations: [{ __typename: "Province", code: "68", communeCount: 124 }]) { ... on Province { readiness { criteria { criterion { code } coverage { numerator denominator } } } } } }`);
    const coverage = data._entities[0].readiness.criteria.find((c: any) => c.criterion.code === 'PUBLIC_DIGITAL_CERTIFICATE').coverage;
    expect(data.all.totalCount).toBe(coverage.denominator - coverage.numerator);
    expect(data.all.totalCount).toBeGreaterThan(0);
    expect(data.all.edges).toHaveLength(data.all.totalCount);
    const lamDong = new Set(registry.communes.filter((c) => c.provinceCode === '68').map((c) => c.code));
    expect(data.all.edges.every((e: any) => lamDong.has(e.node.code))).toBe(true);
    expect(data.page1.edges.map((e: any) => e.node.code)).toEqual(data.all.edges.slice(0, 2).map((e: any) => e.node.code));
    expect(data.page1.pageInfo).toMatchObject({ hasNextPage: data.all.totalCount > 2, hasPreviousPage: false });
    const page2 = await ok(
      `{ communesFailingCriterion(provinceCode: "68", criterion: "PUBLIC_DIGITAL_CERTIFICATE", first: 2, after: "${data.page1.pageInfo.endCursor}") { edges { node { code } } pageInfo { hasPreviousPage } } }`,
    );
    expect(page2.communesFailingCriterion.edges.map((e: any) => e.node.code)).toEqual(data.all.edges.slice(2, 4).map((e: any) => e.node.code));
    expect(page2.communesFailingCriterion.pageInfo.hasPreviousPage).toBe(true);
    expect(data.none).toEqual({ totalCount: 0, edges: [] });
    expect(data.unknown).toBeNull();
  });

  it('Country.onlineApplications is the sum of the provinces', async () => {
    const data = await ok(
      `query($reps: [_Any!]!) {
      nation: _entities(representations: [{ __typename: "Country", code: "VN" }]) { ... on Country { onlineApplications(from: "2025-06-01", to: "2025-07-31") { received submittedOnline resultsOnline days } } }
      provinces: _entities(representations: $reps) { ... on Province { onlineApplications(from: "2025-06-01", to: "2025-07-31") { received submittedOnline resultsOnline } } } }`,
      { reps: provinceReps },
    );
    const nation = data.nation[0].onlineApplications;
    expect(nation.days).toBe(61);
    for (const field of ['received', 'submittedOnline', 'resultsOnline']) {
      expect(data.provinces.reduce((s: number, p: any) => s + p.onlineApplications[field], 0)).toBe(nation[field]);
    }
  });

  it('ranges without data give zeros, not errors', async () => {
    const data = await ok(
      `{ _entities(representations: [{ __typename: "Province", code: "01" }]) { ... on Province { onlineApplications(from: "2024-01-01", to: "2024-01-31") { received onlineSubmissionRate { percent denominator } dailyAverageReceived } syncedRecords(from: "2024-01-01", to: "2024-01-07") { total series { count } } } } }`,
    );
    expect(data._entities[0].onlineApplications).toEqual({ received: 0, onlineSubmissionRate: { percent: 0, denominator: 0 }, dailyAverageReceived: 0 });
    expect(data._entities[0].syncedRecords).toEqual({ total: 0, series: Array(7).fill({ count: 0 }) });
  });
});

describe('bad input: BAD_USER_INPUT naming the argument', () => {
  const province = (field: string) => `{ _entities(representations: [{ __typename: "Province", code: "01" }]) { ... on Province { ${field} } } }`;

  it('from after to', () => badInput(province(`onlineApplications(from: "2025-07-31", to: "2025-07-01") { received }`), 'from'));
  it('a range over 366 days', () => badInput(province(`syncedRecords(from: "2024-01-01", to: "2025-07-31") { total }`), 'to'));
  // Sent as variables, as clients do. (A bad literal in the query text is reported by the kit's
  // scalars as GRAPHQL_VALIDATION_FAILED today: reported to the lead as a kit fix.)
  async function badVariable(query: string, variables: Record<string, unknown>, pattern: RegExp) {
    const res = await r.run(query, variables);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(pattern);
  }
  it('dates that are not dates', async () => {
    const q = `query($from: Date!) { onlineApplicationRanking(from: $from, to: "2025-07-31") { rank } }`;
    await badVariable(q, { from: '2025-02-30' }, /\$from.*2025-02-30/);
    await badVariable(q, { from: 'July' }, /\$from.*July/);
  });
  it('asOf before the history or not a date-time', async () => {
    await badInput(`{ readinessRanking(asOf: "2025-05-01T00:00:00+07:00") { rank } }`, 'asOf');
    await badVariable(`query($asOf: AsOf) { readinessRanking(asOf: $asOf) { rank } }`, { asOf: 'yesterday' }, /\$asOf.*yesterday/);
  });
  it('unknown criterion codes in arguments and filters', async () => {
    await badInput(`{ readinessRanking(criterion: "NOPE") { rank } }`, 'criterion');
    await badInput(`{ communesFailingCriterion(provinceCode: "01", criterion: "NOPE") { totalCount } }`, 'criterion');
    await badInput(`{ criteria(filter: { codes: ["STAFF", "NOPE"] }) { code } }`, 'filter.codes');
  });
  it('first out of range, and bad cursors', async () => {
    await badInput(`{ readinessRanking(first: 0) { rank } }`, 'first');
    await badInput(`{ onlineApplicationRanking(from: "2025-07-01", to: "2025-07-31", first: 35) { rank } }`, 'first');
    await badInput(`{ communesFailingCriterion(provinceCode: "01", criterion: "STAFF", first: 501) { totalCount } }`, 'first');
    await badInput(`{ communesFailingCriterion(provinceCode: "01", criterion: "STAFF", after: "nonsense") { totalCount } }`, 'after');
  });
});
