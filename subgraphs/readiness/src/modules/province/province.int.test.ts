import { startTestReadiness, type TestReadiness } from '../../testing';

let r: TestReadiness;
beforeAll(async () => {
  r = await startTestReadiness(1);
});
afterAll(() => r?.close());

async function ok(query: string, variables?: Record<string, unknown>) {
  const res = await r.run(query, variables);
  expect(res.errors).toBeUndefined();
  return res.data!;
}

describe('_entities', () => {
  it('Country: readiness uses the communeCount sent by the gateway (@requires); other codes are null', async () => {
    const data = await ok(
      `{ _entities(representations: [{ __typename: "Country", code: "VN", communeCount: 4000 }, { __typename: "Country", code: "XX" }]) { ... on Country { code readiness { fullyMet { numerator denominator } } } } }`,
    );
    expect(data._entities[0]).toEqual({ code: 'VN', readiness: { fullyMet: { numerator: 1981, denominator: 4000 } } });
    expect(data._entities[1]).toBeNull();
  });

  it('Province: readiness over the communeCount of the representation; a never-assessed commune counts against it', async () => {
    const data = await ok(
      `{ _entities(representations: [{ __typename: "Province", code: "04", communeCount: 56 }, { __typename: "Province", code: "04", communeCount: 60 }]) { ... on Province { code readiness { fullyMet { numerator denominator percent } } } } }`,
    );
    const [real, more] = data._entities;
    expect(real.readiness.fullyMet.denominator).toBe(56);
    expect(more.readiness.fullyMet).toMatchObject({ numerator: real.readiness.fullyMet.numerator, denominator: 60 });
    expect(more.readiness.fullyMet.percent).toBeLessThan(real.readiness.fullyMet.percent);
  });

  it('Province: a communeCount smaller than the communes counted is a clear error', async () => {
    const res = await r.run(
      `{ _entities(representations: [{ __typename: "Province", code: "01", communeCount: 1 }]) { ... on Province { readiness { fullyMet { percent } } } } }`,
    );
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0]?.message).toMatch(/communeCount 1/);
  });

  it('Commune: full readiness; an unknown commune has nothing assessed and meets nothing', async () => {
    const data = await ok(
      `{ _entities(representations: [{ __typename: "Commune", code: "00004" }, { __typename: "Commune", code: "99999" }]) { ... on Commune { code readiness { meetsBasicConditions unmetCriteria { code } criteria { criterion { code basic } met assessedAt } } } } }`,
    );
    const [known, unknown] = data._entities;
    expect(known.readiness.criteria).toHaveLength(11);
    expect(known.readiness.criteria.every((c: any) => c.assessedAt)).toBe(true);
    expect(unknown.readiness.meetsBasicConditions).toBe(false);
    expect(unknown.readiness.unmetCriteria).toHaveLength(10);
    expect(unknown.readiness.criteria.every((c: any) => !c.met && c.assessedAt === null)).toBe(true);
  });

  it('Criterion: by code through the catalogue; unknown codes are null', async () => {
    const data = await ok(
      `{ _entities(representations: [{ __typename: "Criterion", code: "ONLINE_MEETINGS" }, { __typename: "Criterion", code: "NOPE" }]) { ... on Criterion { code name category basic legalBasis } } }`,
    );
    expect(data._entities[0]).toMatchObject({ code: 'ONLINE_MEETINGS', category: 'CONNECTIVITY', basic: true });
    expect(data._entities[0].legalBasis).toMatch(/02-KH\/BCĐTW/);
    expect(data._entities[1]).toBeNull();
  });
});
