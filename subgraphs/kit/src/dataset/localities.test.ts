import { readFileSync } from 'node:fs';
import path from 'node:path';
import { normalizeSearchText } from '../text';
import { createRandom } from './random';
import {
  buildLocalities,
  drawUniqueName,
  generateLocalities,
  keptUnits,
  loadProvinces,
  parseProvinces,
  PLACE_NAME_SYLLABLES,
  type CommuneRecord,
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

  it('sums to the national totals of this file', () => {
    const sum = (f: (p: (typeof provinces)[number]) => number) => provinces.reduce((a, p) => a + f(p), 0);
    expect(sum((p) => p.unitsTotal)).toBe(3321);
    expect(sum((p) => p.wards)).toBe(685);
    expect(sum((p) => p.communes)).toBe(2623);
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

describe('generateLocalities (full dataset)', () => {
  const groups = byProvince(full.communes);

  it('has 34 provinces and 3,321 communes', () => {
    expect(full.provinces).toHaveLength(34);
    expect(full.communes).toHaveLength(3321);
    expect(full.seed).toBe(20250731);
    expect(full.fraction).toBe(1);
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
  ])('province %s has %i units', (code, n) => {
    expect(groups.get(code)).toHaveLength(n);
  });

  it('gives unique 5-digit codes, prefixed by the province code, running from 001, sorted', () => {
    const codes = full.communes.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual([...codes].sort());
    for (const c of full.communes) expect(c.code).toMatch(new RegExp(`^${c.provinceCode}\\d{3}$`));
    for (const [code, cs] of groups) {
      expect(cs.map((c) => c.code)).toEqual(cs.map((_, i) => `${code}${String(i + 1).padStart(3, '0')}`));
    }
  });

  it('gives names unique within each province, with the kind prefix and two or three syllables', () => {
    const prefix = { WARD: 'Phường ', COMMUNE: 'Xã ', SPECIAL_ZONE: 'Đặc khu ' };
    for (const cs of groups.values()) expect(new Set(cs.map((c) => c.name)).size).toBe(cs.length);
    for (const c of full.communes) {
      expect(c.name.startsWith(prefix[c.kind])).toBe(true);
      const parts = c.name.slice(prefix[c.kind].length).split(' ');
      expect(parts.length).toBeGreaterThanOrEqual(2);
      expect(parts.length).toBeLessThanOrEqual(3);
      for (const s of parts) expect(PLACE_NAME_SYLLABLES).toContain(s);
      expect(new Set(parts).size).toBe(parts.length);
    }
  });

  it('derives nameAscii and searchName from the name', () => {
    for (const c of full.communes) {
      expect(c.nameAscii).toMatch(/^[A-Za-z ]+$/);
      expect(c.nameAscii.toLowerCase()).toBe(c.searchName);
      expect(c.searchName).toBe(normalizeSearchText(c.name));
    }
    const ward = full.communes.find((c) => c.kind === 'WARD');
    expect(ward?.nameAscii.startsWith('Phuong ')).toBe(true);
  });

  it('mixes kinds within a province rather than listing all wards first', () => {
    const hanoi = (groups.get('01') ?? []).map((c) => c.kind);
    const firstCommune = hanoi.indexOf('COMMUNE');
    const lastWard = hanoi.lastIndexOf('WARD');
    expect(firstCommune).toBeLessThan(lastWard);
  });

  it('uses a syllable list of at least 40 distinct syllables with diacritics', () => {
    expect(PLACE_NAME_SYLLABLES.length).toBeGreaterThanOrEqual(40);
    // Distinct as written; a few (Thành/Thạnh, Tiến/Tiên) share a search form, as in real names.
    expect(new Set(PLACE_NAME_SYLLABLES).size).toBe(PLACE_NAME_SYLLABLES.length);
    expect(PLACE_NAME_SYLLABLES.filter((s) => normalizeSearchText(s) !== s.toLowerCase()).length).toBeGreaterThan(20);
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

  it('gives other names for another seed, with the same counts', () => {
    const other = buildLocalities(1);
    expect(other.communes).toHaveLength(3321);
    const same = other.communes.filter((c, i) => c.name === full.communes[i].name).length;
    expect(same).toBeLessThan(100);
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
    const fullGroups = byProvince(full.communes);
    const tenthGroups = byProvince(tenth.communes);
    expect(tenth.provinces).toEqual(full.provinces);
    expect(tenth.fraction).toBe(0.1);
    for (const p of full.provinces) {
      const n = Math.max(1, Math.ceil(p.unitsTotal / 10));
      expect(tenthGroups.get(p.code)).toEqual((fullGroups.get(p.code) ?? []).slice(0, n));
    }
    expect(tenth.communes.length).toBe(full.provinces.reduce((a, p) => a + Math.ceil(p.unitsTotal / 10), 0));
    expect(tenthGroups.get('01')).toHaveLength(13);
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

describe('drawUniqueName', () => {
  it('adds a third syllable once two-syllable names run out', () => {
    const rng = createRandom(1, 'test');
    const used = new Set<string>();
    const names = Array.from({ length: 12 }, () => drawUniqueName(rng, 'Xã', used, ['An', 'Bình', 'Phú']));
    expect(new Set(names).size).toBe(12);
    expect(names.filter((n) => n.split(' ').length === 3)).toHaveLength(6); // 3 × 2 ordered pairs
    expect(names.filter((n) => n.split(' ').length === 4)).toHaveLength(6); // all 6 orders of 3
    expect(() => drawUniqueName(rng, 'Xã', used, ['An', 'Bình', 'Phú'])).toThrow(/cannot draw a unique/);
  });
});
