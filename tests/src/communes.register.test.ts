import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startPlatform, type Platform } from './harness';

// The official register, read here on its own rather than through the kit's loader, so that a
// bug in the loader cannot hide itself. The file has no quoted fields: every line is six plain
// comma-separated values, which the parse below checks.
const REGISTER = path.resolve(__dirname, '../../subgraphs/kit/data/communes.csv');

interface Unit {
  code: string;
  name: string;
  kind: string;
  provinceCode: string;
}

function readRegister(): Unit[] {
  const [header, ...lines] = readFileSync(REGISTER, 'utf8').split('\n').filter(Boolean);
  expect(header).toBe('code,name,short_name,name_ascii,kind,province_code');
  return lines.map((line) => {
    const fields = line.split(',');
    expect(fields).toHaveLength(6);
    const [code, name, , , kind, provinceCode] = fields;
    return { code, name, kind, provinceCode };
  });
}

const register = readRegister();

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

async function ok(query: string, variables?: Record<string, unknown>) {
  const result = await platform.query(query, variables);
  expect(result.status).toBe(200);
  expect(result.errors).toBeUndefined();
  return result.data;
}

test('the register file holds the 3,321 units of the 2025 reorganisation', () => {
  expect(register).toHaveLength(3321);
  expect(new Set(register.map((u) => u.code)).size).toBe(3321);
});

test('Hà Nội starts with Phường Ba Đình, 00004', async () => {
  const data = await ok('{ province(code: "01") { communes(first: 1) { edges { node { code name kind } } } } }');
  expect(data.province.communes.edges).toEqual([{ node: { code: '00004', name: 'Phường Ba Đình', kind: 'WARD' } }]);
});

test('Huế (46) has the corrected counts: 21 wards and 19 rural communes', async () => {
  const data = await ok('{ province(code: "46") { name communeCount wardCount ruralCommuneCount specialZoneCount } }');
  expect(data.province).toEqual({ name: 'Huế', communeCount: 40, wardCount: 21, ruralCommuneCount: 19, specialZoneCount: 0 });
});

test.each(['ba dinh', 'BA ĐÌNH'])('search %j finds Phường Ba Đình (00004)', async (search) => {
  const data = await ok('query($s: String) { communes(first: 50, filter: { search: $s }) { edges { node { code name } } } }', { s: search });
  expect(data.communes.edges.map((e: any) => e.node)).toContainEqual({ code: '00004', name: 'Phường Ba Đình' });
});

test('search "lai chau" finds the province Lai Châu', async () => {
  const data = await ok('{ provinces(filter: { search: "lai chau" }) { code name communeCount } }');
  expect(data.provinces).toEqual([{ code: '12', name: 'Lai Châu', communeCount: 38 }]);
});

test("every province's communes, through the gateway, are the register's: code, name and kind, in code order", async () => {
  const data = await ok('{ provinces { code communes(first: 500) { totalCount pageInfo { hasNextPage } edges { node { code name kind } } } } }');
  expect(data.provinces).toHaveLength(34);
  for (const p of data.provinces) {
    const expected = register.filter((u) => u.provinceCode === p.code).map(({ code, name, kind }) => ({ code, name, kind }));
    expect(expected.length).toBeGreaterThan(0);
    expect({ province: p.code, totalCount: p.communes.totalCount, hasNextPage: p.communes.pageInfo.hasNextPage }).toEqual({
      province: p.code,
      totalCount: expected.length,
      hasNextPage: false,
    });
    expect(p.communes.edges.map((e: any) => e.node)).toEqual(expected);
  }
});

test('paging the national list by 500 gives every unit of the register once, sorted by code', async () => {
  const seen: Unit[] = [];
  let after: string | null = null;
  for (let page = 0; page < 10; page++) {
    const data: any = await ok(
      'query($after: String) { communes(first: 500, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { code name kind province { code } } } } }',
      { after },
    );
    expect(data.communes.totalCount).toBe(3321);
    seen.push(...data.communes.edges.map((e: any) => ({ code: e.node.code, name: e.node.name, kind: e.node.kind, provinceCode: e.node.province.code })));
    if (!data.communes.pageInfo.hasNextPage) break;
    after = data.communes.pageInfo.endCursor;
  }
  expect(seen).toEqual([...register].sort((a, b) => (a.code < b.code ? -1 : 1)));
});
