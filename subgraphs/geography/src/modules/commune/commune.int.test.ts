import { generateLocalities, normalizeSearchText } from '@kh02/subgraph-kit';
import { startTestGeography, type TestGeography } from '../../testing';

let geo: TestGeography;
beforeAll(async () => {
  geo = await startTestGeography();
});
afterAll(() => geo?.close());

const PAGE = `query Page($first: Int, $after: String, $filter: CommuneFilter, $orderBy: CommuneOrder) {
  communes(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { code name kind } }
  }
}`;

describe('communes', () => {
  test('cursor paging walks every commune of a filter once, in order, with a stable totalCount', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    const totals = new Set<number>();
    for (let page = 0; page < 100; page++) {
      const r: any = await geo.run(PAGE, { first: 7, after, filter: { provinceCodes: ['04', '12'] }, orderBy: { field: 'NAME', direction: 'ASC' } });
      expect(r.errors).toBeUndefined();
      const c = r.data.communes;
      totals.add(c.totalCount);
      seen.push(...c.edges.map((e: any) => e.node.code));
      expect(c.pageInfo.hasPreviousPage).toBe(page > 0);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect([...totals]).toEqual([56 + 38]);
    expect(seen).toHaveLength(94);
    expect(new Set(seen).size).toBe(94);
    const names = generateLocalities().communes.filter((c) => c.provinceCode === '04' || c.provinceCode === '12');
    const expected = [...names]
      .sort((a, b) => (a.searchName < b.searchName ? -1 : a.searchName > b.searchName ? 1 : a.code < b.code ? -1 : 1))
      .map((c) => c.code);
    expect(seen).toEqual(expected);
  });

  test('search ignores diacritics and case', async () => {
    const someone = generateLocalities().communes.find((c) => c.provinceCode === '01')!;
    const plain = someone.nameAscii.toUpperCase();
    const r = await geo.run(PAGE, { first: 500, filter: { search: plain, provinceCodes: ['01'] } });
    expect(r.errors).toBeUndefined();
    expect(r.data!.communes.edges.map((e: any) => e.node.code)).toContain(someone.code);
    for (const e of r.data!.communes.edges) expect(e.node.name.length).toBeGreaterThan(0);
  });

  test.each(['ba dinh', 'BA ĐÌNH', 'Ba Đình', 'phuong ba dinh'])(
    'search %j finds Phường Ba Đình (00004) among the official names containing it',
    async (search) => {
      const r = await geo.run(PAGE, { first: 500, filter: { search } });
      expect(r.errors).toBeUndefined();
      const found = r.data!.communes.edges.map((e: any) => e.node);
      expect(found).toContainEqual({ code: '00004', name: 'Phường Ba Đình', kind: 'WARD' });
      const wanted = normalizeSearchText(search);
      const expected = generateLocalities()
        .communes.filter((c) => c.searchName.includes(wanted))
        .map((c) => c.code);
      expect(found.map((c: any) => c.code)).toEqual(expected);
      expect(r.data!.communes.totalCount).toBe(expected.length);
    },
  );

  test('search "lai chau" finds the province Lai Châu and exactly the communes whose names contain it', async () => {
    const r = await geo.run(
      'query($s: String) { provinces(filter: { search: $s }) { code name } communes(first: 500, filter: { search: $s }) { totalCount edges { node { code } } } }',
      {
        s: 'lai chau',
      },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.provinces).toEqual([{ code: '12', name: 'Lai Châu' }]);
    const expected = generateLocalities()
      .communes.filter((c) => c.searchName.includes('lai chau'))
      .map((c) => c.code);
    expect(r.data!.communes.edges.map((e: any) => e.node.code)).toEqual(expected);
    expect(r.data!.communes.totalCount).toBe(expected.length);
  });

  test('kind and region filters', async () => {
    const r = await geo.run(PAGE, { first: 500, filter: { kind: 'SPECIAL_ZONE' } });
    expect(r.data!.communes.totalCount).toBe(13);
    const mekong = await geo.run(PAGE, { first: 1, filter: { region: 'MEKONG_DELTA', kind: 'WARD' } });
    // Đồng Tháp 20 + Vĩnh Long 19 + An Giang 14 + Cần Thơ 31 + Cà Mau 9 wards
    expect(mekong.data!.communes.totalCount).toBe(93);
  });

  test('descending order by code', async () => {
    const r = await geo.run(PAGE, { first: 2, orderBy: { field: 'CODE', direction: 'DESC' } });
    expect(r.data!.communes.edges.map((e: any) => e.node.code)).toEqual(['32248', '32244']);
  });

  test.each([
    [{ first: 10000 }, 'first', '500'],
    [{ first: 0 }, 'first', '500'],
    [{ first: 5, after: 'not-a-cursor!' }, 'after', 'cursor'],
    [{ first: 5, after: Buffer.from('kh02:abc').toString('base64url') }, 'after', 'cursor'],
  ])('bad arguments %j give BAD_USER_INPUT naming the argument', async (variables, argument, text) => {
    const r = await geo.run(PAGE, variables);
    expect(r.data?.communes ?? null).toBeNull();
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain(`"${argument}"`);
    expect(r.errors?.[0].message).toContain(text);
  });

  test('a literal of the wrong type is BAD_USER_INPUT naming the argument', async () => {
    const r = await geo.run('{ communes(first: "ten") { totalCount } province(code: "04") { communes(orderBy: { field: SIZE }) { totalCount } } }');
    expect(r.errors?.[0].message).toBe('Argument "first" has an invalid value: Int cannot represent non-integer value: "ten"');
    for (const e of r.errors ?? []) expect(e.extensions.code).toBe('BAD_USER_INPUT');
  });

  test('an unknown enum value is BAD_USER_INPUT', async () => {
    const r = await geo.run('{ communes(filter: { kind: CASTLE }) { totalCount } }');
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain('CASTLE');
  });

  test('commune(code) finds one, and null for an unknown code', async () => {
    const r = await geo.run('{ a: commune(code: "01273") { code name kind province { code name } } b: commune(code: "99999") { code } }');
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({ a: { code: '01273', name: 'Phường Thục Phán', kind: 'WARD', province: { code: '04', name: 'Cao Bằng' } }, b: null });
  });

  test('_entities resolves Commune representations, null for unknown codes', async () => {
    const r = await geo.run('query($r: [_Any!]!) { _entities(representations: $r) { ... on Commune { code kind province { code } } } }', {
      r: [
        { __typename: 'Commune', code: '00004' },
        { __typename: 'Commune', code: '00000' },
        { __typename: 'Commune', code: '32248' },
      ],
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!._entities[0].province.code).toBe('01');
    expect(r.data!._entities[1]).toBeNull();
    expect(r.data!._entities[2]).toEqual({ code: '32248', kind: 'COMMUNE', province: { code: '96' } });
  });
});
