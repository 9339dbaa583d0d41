import { generateLocalities } from '@kh02/subgraph-kit';
import { startTestGeography } from './testing';

// Statement counts, not timings: the same query costs the same number of SQL statements at 10%
// and at 100% of the communes. A loader that fell back to one query per row would fail here.
const DRILL_DOWN = '{ provinces { code communes(first: 500) { edges { node { code province { name } } } } } }';
const ENTITIES = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { code name province { code } } } }';

async function measure(fraction: number) {
  const geo = await startTestGeography(fraction);
  try {
    const codes = generateLocalities({ fraction }).communes.map((c) => c.code);
    const entities = await geo.run(ENTITIES, { r: codes.map((code) => ({ __typename: 'Commune', code })) });
    expect(entities.errors).toBeUndefined();
    expect(entities.data!._entities).toHaveLength(codes.length);
    const drill = await geo.run(DRILL_DOWN);
    expect(drill.errors).toBeUndefined();
    const returned = drill.data!.provinces.reduce((n: number, p: any) => n + p.communes.edges.length, 0);
    expect(returned).toBe(codes.length);
    return { entities: entities.statements, drillDown: drill.statements, communes: codes.length };
  } finally {
    await geo.close();
  }
}

test('_entities for every commune and the province→commune drill-down cost a constant number of statements', async () => {
  const small = await measure(0.1);
  const full = await measure(1);
  expect(full.communes).toBe(3321);
  expect(small.communes).toBeLessThan(400);
  // communes by code + their provinces by code
  expect(full.entities).toBe(2);
  // provinces + one query for all provinces' communes
  expect(full.drillDown).toBe(2);
  expect(small).toEqual({ ...full, communes: small.communes });
});
