import { loadProvinces } from '@kh02/subgraph-kit';
import { startTestGeography, type TestGeography } from '../../testing';

let geo: TestGeography;
beforeAll(async () => {
  geo = await startTestGeography();
});
afterAll(() => geo?.close());

describe('provinces', () => {
  test('every province has the CSV counts, by kind', async () => {
    const r = await geo.run('{ provinces { code name nameAscii kind region mergedFrom communeCount wardCount ruralCommuneCount specialZoneCount } }');
    expect(r.errors).toBeUndefined();
    const csv = loadProvinces();
    expect(r.data!.provinces).toHaveLength(34);
    for (const [i, p] of csv.entries()) {
      const got = r.data!.provinces[i];
      expect(got).toMatchObject({
        code: p.code,
        name: p.name,
        nameAscii: p.nameAscii,
        kind: p.kind,
        communeCount: p.unitsTotal,
        wardCount: p.wards,
        ruralCommuneCount: p.communes,
        specialZoneCount: p.specialZones,
      });
      expect(got.mergedFrom).toEqual(p.mergedFrom);
    }
    expect(r.data!.provinces.filter((p: any) => p.kind === 'CITY')).toHaveLength(6);
  });

  test('accent-insensitive search: "ha noi" finds Hà Nội', async () => {
    for (const search of ['ha noi', 'HA NOI', 'Hà Nội', '  hà   nội ']) {
      const r = await geo.run('query($s: String) { provinces(filter: { search: $s }) { name } }', { s: search });
      expect(r.data!.provinces).toEqual([{ name: 'Hà Nội' }]);
    }
  });

  test('filters by kind and region, ordered by commune count', async () => {
    const r = await geo.run('{ provinces(filter: { kind: CITY }, orderBy: { field: COMMUNE_COUNT, direction: DESC }) { name communeCount } }');
    expect(r.data!.provinces.map((p: any) => p.name)).toEqual(['Hồ Chí Minh', 'Hà Nội', 'Hải Phòng', 'Cần Thơ', 'Đà Nẵng', 'Huế']);
    const highlands = await geo.run('{ provinces(filter: { region: CENTRAL_HIGHLANDS }, orderBy: { field: NAME }) { name } }');
    expect(highlands.data!.provinces.map((p: any) => p.name)).toEqual(['Đắk Lắk', 'Gia Lai', 'Lâm Đồng']);
  });

  test('province(code) and unknown codes', async () => {
    const r = await geo.run('{ a: province(code: "04") { name communes(first: 5) { totalCount edges { node { code } } } } b: province(code: "77") { name } }');
    expect(r.data!.a.name).toBe('Cao Bằng');
    expect(r.data!.a.communes.totalCount).toBe(56);
    expect(r.data!.a.communes.edges.map((e: any) => e.node.code)).toEqual(['01273', '01279', '01288', '01290', '01294']);
    expect(r.data!.b).toBeNull();
  });

  test('Huế (46) has the corrected counts: 21 wards and 19 communes, as its communes say', async () => {
    const r = await geo.run(
      '{ province(code: "46") { communeCount wardCount ruralCommuneCount specialZoneCount wards: communes(filter: { kind: WARD }) { totalCount } rural: communes(filter: { kind: COMMUNE }) { totalCount } } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.province).toEqual({
      communeCount: 40,
      wardCount: 21,
      ruralCommuneCount: 19,
      specialZoneCount: 0,
      wards: { totalCount: 21 },
      rural: { totalCount: 19 },
    });
  });

  test('Province.communes pages and filters within the province', async () => {
    const first = await geo.run('{ province(code: "01") { communes(first: 100, filter: { kind: WARD }) { totalCount pageInfo { hasNextPage endCursor } } } }');
    expect(first.data!.province.communes.totalCount).toBe(51);
    expect(first.data!.province.communes.pageInfo.hasNextPage).toBe(false);
  });

  test('_entities resolves Province representations through one query', async () => {
    const codes = loadProvinces().map((p) => p.code);
    const r = await geo.run('query($r: [_Any!]!) { _entities(representations: $r) { ... on Province { code communeCount } } }', {
      r: [...codes, '00'].map((code) => ({ __typename: 'Province', code })),
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities).toHaveLength(35);
    expect(r.data!._entities[34]).toBeNull();
    expect(r.data!._entities[1]).toEqual({ code: '04', communeCount: 56 });
    expect(r.statements).toBe(2);
  });

  test('country figures and _entities for Country', async () => {
    const r = await geo.run('{ country { code name provinceCount communeCount wardCount ruralCommuneCount specialZoneCount } }');
    expect(r.data!.country).toEqual({
      code: 'VN',
      name: 'Việt Nam',
      provinceCount: 34,
      communeCount: 3321,
      wardCount: 687,
      ruralCommuneCount: 2621,
      specialZoneCount: 13,
    });
    const e = await geo.run('query($r: [_Any!]!) { _entities(representations: $r) { ... on Country { code communeCount } } }', {
      r: [
        { __typename: 'Country', code: 'VN' },
        { __typename: 'Country', code: 'LA' },
      ],
    });
    expect(e.data!._entities).toEqual([{ code: 'VN', communeCount: 3321 }, null]);
  });
});
