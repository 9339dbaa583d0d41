import { generateLocalities } from '@kh02/subgraph-kit';
import { startTestReadiness, type TestReadiness } from '../../testing';
import { Assessment } from './assessment.entity';

// Figures as of a published cut-off are computed once per process (the kit's snapshots.ts);
// any other moment is computed per request, so a new finding is seen at once.
let t: TestReadiness;
const registry = generateLocalities({ fraction: 0.1 });
const communes = registry.communes.map((c) => ({ __typename: 'Commune', code: c.code }));
const provinces = registry.provinces.map((p) => ({
  __typename: 'Province',
  code: p.code,
  communeCount: registry.communes.filter((c) => c.provinceCode === p.code).length,
}));
const query = (asOf?: string) => `query($communes: [_Any!]!, $provinces: [_Any!]!) {
  c: _entities(representations: $communes) { ... on Commune { code readiness${asOf ? `(asOf: "${asOf}")` : ''} { meetsBasicConditions criteria { criterion { code } met assessedAt } } } }
  p: _entities(representations: $provinces) { ... on Province { code readiness${asOf ? `(asOf: "${asOf}")` : ''} { fullyMet { numerator } criteria { coverage { numerator } } } } } }`;

beforeAll(async () => {
  t = await startTestReadiness(0.1);
});
afterAll(async () => {
  await t.close();
});

test('at a published cut-off (the default asOf) the findings and counts are read once per process, the answers unchanged', async () => {
  const first = await t.run(query(), { communes, provinces });
  expect(first.errors).toBeUndefined();
  const second = await t.run(query(), { communes, provinces });
  expect(second.data).toEqual(first.data);
  // The commune findings and the province counts: two statements fewer.
  expect(second.statements).toBe(first.statements - 2);
});

test('at a moment that is not a published cut-off every request computes, and sees a finding recorded in between', async () => {
  const at = '2025-07-30T12:00:00+07:00';
  const before = await t.run(query(at), { communes, provinces });
  expect(before.errors).toBeUndefined();
  const commune = registry.communes[0];
  const shown = (data: any) => data.c[0].readiness.criteria.find((c: any) => c.criterion.code === 'STAFF');
  const was = shown(before.data);
  const em = t.subgraph.orm.em.fork();
  em.create(Assessment, {
    communeCode: commune.code,
    provinceCode: commune.provinceCode,
    criterionCode: 'STAFF',
    met: !was.met,
    note: null,
    assessedAt: new Date('2025-07-30T10:00:00+07:00'),
    assessedBy: 'snapshot test',
  });
  await em.flush();
  const after = await t.run(query(at), { communes, provinces });
  expect(after.statements).toBe(before.statements);
  expect(shown(after.data)).toEqual({ criterion: { code: 'STAFF' }, met: !was.met, assessedAt: '2025-07-30T03:00:00.000Z' });
});
