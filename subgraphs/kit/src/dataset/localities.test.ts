import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeSearchText, stripDiacritics } from '../text';
import {
  buildLocalities,
  generateLocalities,
  keptUnits,
  loadCommunes,
  loadProvinces,
  parseCommunes,
  parseProvinces,
  type CommuneRecord,
  type ProvinceRecord,
} from './localities';

const full = generateLocalities();
const byProvince = (communes: readonly CommuneRecord[]) => {
  const m = new Map<string, CommuneRecord[]>();
  for (const c of communes) m.set(c.provinceCode, [...(m.get(c.provinceCode) ?? []), c]);
  return m;
};

describe('loadProvinces', () => {
  const provinces = loadProvinces();

  it('has 34 provinces, 6 cities and 28 provinces, in ascending code order', () => {
    expect(provinces).toHaveLength(34);
    expect(provinces.filter((p) => p.kind === 'CITY')).toHaveLength(6);
    expect(provinces.filter((p) => p.kind === 'PROVINCE')).toHaveLength(28);
    expect(provinces.map((p) => p.code)).toEqual(provinces.map((p) => p.code).sort());
  });

  it('reads the columns into typed fields', () => {
    const hcm = provinces.find((p) => p.code === '79');
    expect(hcm).toEqual({
      code: '79',
      name: 'Hồ Chí Minh',
      nameAscii: 'Ho Chi Minh',
      kind: 'CITY',
      region: 'Southeast',
      mergedFrom: ['Hồ Chí Minh', 'Bình Dương', 'Bà Rịa - Vũng Tàu'],
      unitsTotal: 168,
      wards: 113,
      communes: 54,
      specialZones: 1,
    });
    expect(provinces.find((p) => p.code === '01')?.mergedFrom).toEqual([]);
  });

  it('has the corrected Huế row: 21 wards and 19 communes', () => {
    expect(provinces.find((p) => p.code === '46')).toMatchObject({ name: 'Huế', unitsTotal: 40, wards: 21, communes: 19, specialZones: 0 });
  });

  it('sums to the national totals of this file', () => {
    const sum = (f: (p: (typeof provinces)[number]) => number) => provinces.reduce((a, p) => a + f(p), 0);
    expect(sum((p) => p.unitsTotal)).toBe(3321);
    expect(sum((p) => p.wards)).toBe(687);
    expect(sum((p) => p.communes)).toBe(2621);
    expect(sum((p) => p.specialZones)).toBe(13);
  });
});

describe('parseProvinces rejects malformed input', () => {
  const csv = readFileSync(path.join(__dirname, '../../data/provinces.csv'), 'utf8');
  const [header, first] = csv.split('\n');
  const withRow = (row: string) => `${header}\n${row}\n`;

  it('accepts a good row', () => {
    expect(parseProvinces(withRow(first))).toHaveLength(1);
  });

  it.each([
    ['totals that do not add up', '01,Hà Nội,Ha Noi,CITY,Red River Delta,127,51,75,0,', /units_total 127 != wards 51/],
    ['a bad code', '1,Hà Nội,Ha Noi,CITY,Red River Delta,126,51,75,0,', /code must be two digits/],
    ['a bad kind', '01,Hà Nội,Ha Noi,TOWN,Red River Delta,126,51,75,0,', /kind must be CITY or PROVINCE/],
    ['a non-numeric count', '01,Hà Nội,Ha Noi,CITY,Red River Delta,126,x,75,0,', /wards must be a non-negative integer/],
    ['an empty name', '01,,Ha Noi,CITY,Red River Delta,126,51,75,0,', /name is empty/],
    ['an empty merged_from entry', '01,Hà Nội,Ha Noi,CITY,Red River Delta,126,51,75,0,A;;B', /merged_from has an empty name/],
  ])('%s', (_label, row, message) => {
    expect(() => parseProvinces(withRow(row), 'test.csv')).toThrow(message);
    expect(() => parseProvinces(withRow(row), 'test.csv')).toThrow(/test\.csv line 2/);
  });

  it('duplicate or unordered codes', () => {
    expect(() => parseProvinces(`${header}\n${first}\n${first}\n`)).toThrow(/line 3.*ascending/);
  });

  it('wrong columns', () => {
    expect(() => parseProvinces(csv.replace('name_ascii', 'ascii'))).toThrow(/expected columns/);
    expect(() => parseProvinces('')).toThrow(/expected columns/);
  });

  it('a row with the wrong number of fields', () => {
    expect(() => parseProvinces(withRow('01,Hà Nội'))).toThrow();
  });
});

describe('loadCommunes (the official register)', () => {
  const communes = loadCommunes();

  it('reads all 3,321 units: 687 wards, 2,621 communes, 13 special zones', () => {
    expect(communes).toHaveLength(3321);
    expect(communes.filter((c) => c.kind === 'WARD')).toHaveLength(687);
    expect(communes.filter((c) => c.kind === 'COMMUNE')).toHaveLength(2621);
    expect(communes.filter((c) => c.kind === 'SPECIAL_ZONE')).toHaveLength(13);
  });

  it('reads the columns into typed fields', () => {
    expect(communes[0]).toEqual({
      code: '00004',
      name: 'Phường Ba Đình',
      shortName: 'Ba Đình',
      nameAscii: 'Phuong Ba Dinh',
      searchName: 'phuong ba dinh',
      kind: 'WARD',
      provinceCode: '01',
    });
    expect(communes.find((c) => c.code === '26732')).toMatchObject({ name: 'Đặc khu Côn Đảo', kind: 'SPECIAL_ZONE', provinceCode: '79' });
  });

  it('keeps file order: grouped by province in provinces.csv order, ascending code within a province', () => {
    const provinceOrder = loadProvinces().map((p) => p.code);
    const seen = communes.map((c) => c.provinceCode).filter((code, i, all) => i === 0 || all[i - 1] !== code);
    expect(seen).toEqual(provinceOrder);
    for (const cs of byProvince(communes).values()) expect(cs.map((c) => c.code)).toEqual(cs.map((c) => c.code).sort());
  });
});

describe('parseCommunes rejects malformed input', () => {
  const header = 'code,name,short_name,name_ascii,kind,province_code';
  const province = (code: string, wards: number, communes: number, specialZones = 0): ProvinceRecord => ({
    code,
    name: `P${code}`,
    nameAscii: `P${code}`,
    kind: 'PROVINCE',
    region: 'Test',
    mergedFrom: [],
    unitsTotal: wards + communes + specialZones,
    wards,
    communes,
    specialZones,
  });
  const one = [province('01', 1, 1)];
  const ward = '00004,Phường Ba Đình,Ba Đình,Phuong Ba Dinh,WARD,01';
  const commune = '00010,Xã Sóc Sơn,Sóc Sơn,Xa Soc Son,COMMUNE,01';
  const csv = (...rows: string[]) => `${header}\n${rows.join('\n')}\n`;

  it('accepts good rows, quoted fields included, and derives the search name', () => {
    const parsed = parseCommunes(csv(ward, '00010,"Xã Sóc Sơn, mới",Sóc Sơn,Xa Soc Son,COMMUNE,01'), one);
    expect(parsed.map((c) => [c.code, c.name, c.searchName])).toEqual([
      ['00004', 'Phường Ba Đình', 'phuong ba dinh'],
      ['00010', 'Xã Sóc Sơn, mới', 'xa soc son, moi'],
    ]);
  });

  it.each([
    ['a four-digit code', '0004,Phường Ba Đình,Ba Đình,Phuong Ba Dinh,WARD,01', /line 2 \(code "0004"\), code: must be five digits/],
    ['a non-numeric code', '0000A,Phường Ba Đình,Ba Đình,Phuong Ba Dinh,WARD,01', /line 2 .*code: must be five digits/],
    ['an empty name', '00004,,Ba Đình,Phuong Ba Dinh,WARD,01', /line 2 .*name: is empty/],
    ['an empty short name', '00004,Phường Ba Đình,,Phuong Ba Dinh,WARD,01', /line 2 .*short_name: is empty/],
    ['an empty ASCII name', '00004,Phường Ba Đình,Ba Đình,,WARD,01', /line 2 .*name_ascii: is empty/],
    ['an unknown kind', '00004,Phường Ba Đình,Ba Đình,Phuong Ba Dinh,TOWN,01', /line 2 .*kind: must be one of WARD, COMMUNE, SPECIAL_ZONE, got "TOWN"/],
    ['an unknown province', '00004,Phường Ba Đình,Ba Đình,Phuong Ba Dinh,WARD,02', /line 2 .*province_code: no province "02"/],
  ])('%s', (_label, row, message) => {
    expect(() => parseCommunes(csv(row, commune), one, 'test.csv')).toThrow(message);
    expect(() => parseCommunes(csv(row, commune), one, 'test.csv')).toThrow(/^test\.csv line 2/);
  });

  it('a duplicate code, naming both lines', () => {
    expect(() => parseCommunes(csv(ward, ward.replace('WARD', 'COMMUNE')), one)).toThrow(/line 3 \(code "00004"\), code: duplicate of line 2/);
  });

  it('codes out of order within a province', () => {
    expect(() => parseCommunes(csv(commune, ward), one)).toThrow(/line 3 .*code: codes must ascend within province 01 \(after 00010\)/);
  });

  it('counts a row to the right line after blank lines', () => {
    expect(() => parseCommunes(`${header}\n${ward}\n\n${ward}\n`, one)).toThrow(/line 4 .*duplicate of line 2/);
  });

  it('a row with the wrong number of fields', () => {
    expect(() => parseCommunes(csv(ward, '00010,Xã Sóc Sơn'), one, 'test.csv')).toThrow(/^test\.csv: .*line 3/);
  });

  it('wrong columns', () => {
    expect(() => parseCommunes(csv(ward, commune).replace('short_name', 'short'), one)).toThrow(/expected columns code,name,short_name/);
    expect(() => parseCommunes('', one)).toThrow(/expected columns/);
  });

  it.each([
    ['a kind count that disagrees with provinces.csv', [province('01', 2, 0)], /province 01 \(P01\) has 1 WARD rows, provinces.csv says wards = 2/],
    ['a missing kind', [province('01', 1, 1, 1)], /province 01 \(P01\) has 0 SPECIAL_ZONE rows, provinces.csv says special_zones = 1/],
    ['a province without rows', [...one, province('02', 0, 3)], /province 02 \(P02\) has 0 COMMUNE rows, provinces.csv says communes = 3/],
  ])('%s', (_label, provinces, message) => {
    expect(() => parseCommunes(csv(ward, commune), provinces)).toThrow(message);
  });

  it('the stale provinces.csv (Huế with 19 wards and 21 communes) against the official register', () => {
    const stale = loadProvinces().map((p) => (p.code === '46' ? { ...p, wards: 19, communes: 21 } : p));
    const text = readFileSync(path.join(__dirname, '../../data/communes.csv'), 'utf8');
    expect(() => parseCommunes(text, stale)).toThrow(/province 46 \(Huế\) has 21 WARD rows, provinces.csv says wards = 19/);
  });
});

describe('generateLocalities (full dataset)', () => {
  const groups = byProvince(full.communes);

  it('has 34 provinces and 3,321 communes', () => {
    expect(full.provinces).toHaveLength(34);
    expect(full.communes).toHaveLength(3321);
    expect(full.seed).toBe(20250731);
    expect(full.fraction).toBe(1);
  });

  it('serves the official register: the same units, sorted by code', () => {
    const register = loadCommunes();
    expect(full.communes).toEqual([...register].sort((a, b) => a.code.localeCompare(b.code)));
    const codes = full.communes.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
  });

  it('gives each province exactly its CSV counts of each kind', () => {
    for (const p of full.provinces) {
      const cs = groups.get(p.code) ?? [];
      expect({
        code: p.code,
        total: cs.length,
        wards: cs.filter((c) => c.kind === 'WARD').length,
        communes: cs.filter((c) => c.kind === 'COMMUNE').length,
        specialZones: cs.filter((c) => c.kind === 'SPECIAL_ZONE').length,
      }).toEqual({ code: p.code, total: p.unitsTotal, wards: p.wards, communes: p.communes, specialZones: p.specialZones });
    }
  });

  it.each([
    ['01', 126],
    ['04', 56],
    ['12', 38],
    ['46', 40],
  ])('province %s has %i units', (code, n) => {
    expect(groups.get(code)).toHaveLength(n);
  });

  it('derives searchName from the name; the ASCII name has no diacritics', () => {
    for (const c of full.communes) {
      expect(stripDiacritics(c.nameAscii)).toBe(c.nameAscii);
      expect(c.searchName).toBe(normalizeSearchText(c.name));
      expect(c.searchName).toBe(normalizeSearchText(c.nameAscii));
    }
  });

  it('does not depend on the seed', () => {
    expect(JSON.stringify(buildLocalities(1).communes)).toBe(JSON.stringify(full.communes));
  });
});

describe('determinism and the memo', () => {
  it('gives byte-identical output for the same seed across independent runs', () => {
    const a = buildLocalities();
    const b = buildLocalities();
    expect(a).not.toBe(b);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a)).toBe(JSON.stringify(full));
  });

  it('memoizes per (seed, fraction) and freezes the shared result', () => {
    expect(generateLocalities()).toBe(full);
    expect(generateLocalities({ seed: 20250731, fraction: 1 })).toBe(full);
    expect(generateLocalities({ fraction: 0.5 })).not.toBe(full);
    expect(Object.isFrozen(full.communes)).toBe(true);
    expect(Object.isFrozen(full.communes[0])).toBe(true);
    expect(() => (full.communes as CommuneRecord[]).push(full.communes[0])).toThrow(TypeError);
  });
});

describe('fraction', () => {
  const tenth = generateLocalities({ fraction: 0.1 });

  it('keeps max(1, ceil(10%)) of each province, the same as the first ones of the full dataset', () => {
    const register = byProvince(loadCommunes());
    const fullGroups = byProvince(full.communes);
    const tenthGroups = byProvince(tenth.communes);
    expect(tenth.provinces).toEqual(full.provinces);
    expect(tenth.fraction).toBe(0.1);
    for (const p of full.provinces) {
      const n = Math.max(1, Math.ceil(p.unitsTotal / 10));
      expect(tenthGroups.get(p.code)).toEqual((fullGroups.get(p.code) ?? []).slice(0, n));
      expect(tenthGroups.get(p.code)).toEqual((register.get(p.code) ?? []).slice(0, n));
    }
    expect(tenth.communes.length).toBe(full.provinces.reduce((a, p) => a + Math.ceil(p.unitsTotal / 10), 0));
    expect(tenthGroups.get('01')).toHaveLength(13);
    expect(tenth.communes[0].code).toBe('00004');
    expect(tenth.communes.map((c) => c.code)).toEqual(tenth.communes.map((c) => c.code).sort());
  });

  it('does not round up an exact product because of floating point', () => {
    expect(0.07 * 100).not.toBe(7); // the float really is a hair over 7
    expect(keptUnits(0.07, 100)).toBe(7);
    expect(keptUnits(0.1, 126)).toBe(13);
    expect(keptUnits(0.001, 40)).toBe(1);
    expect(keptUnits(1, 40)).toBe(40);
  });

  it.each([0, -0.5, 1.01, Number.NaN, Number.POSITIVE_INFINITY])('rejects fraction %p', (fraction) => {
    expect(() => generateLocalities({ fraction })).toThrow(RangeError);
  });

  it('rejects a non-integer seed', () => {
    expect(() => generateLocalities({ seed: 0.5 })).toThrow(RangeError);
  });
});
