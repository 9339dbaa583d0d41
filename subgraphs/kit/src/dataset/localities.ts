import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { normalizeSearchText, stripDiacritics } from '../text';
import { createRandom, DEFAULT_SEED, type Random } from './random';

/** A centrally-run city or a province. */
export type ProvinceKind = 'CITY' | 'PROVINCE';
/** The three kinds of commune-level unit after the 2025 reorganisation. */
export type CommuneKind = 'WARD' | 'COMMUNE' | 'SPECIAL_ZONE';

/** One row of `data/provinces.csv`: official code, names, region and unit counts. */
export interface ProvinceRecord {
  /** Official two-digit code, e.g. `"01"` for Hà Nội. */
  code: string;
  name: string;
  /** `name` without diacritics, case kept. */
  nameAscii: string;
  kind: ProvinceKind;
  /** Socio-economic region, in English. */
  region: string;
  /** Names of the pre-2025 provinces merged into this one; empty if it was not merged. */
  mergedFrom: string[];
  /** Commune-level units in total; always `wards + communes + specialZones`. */
  unitsTotal: number;
  wards: number;
  communes: number;
  specialZones: number;
}

/** A synthetic commune-level unit (ward, commune or special zone). Names and codes are generated. */
export interface CommuneRecord {
  /** Five digits: the province code, then a running index from 001 within the province. */
  code: string;
  /** Full name with its kind prefix, e.g. `"Phường Tân Bình"`; unique within the province. */
  name: string;
  /** `name` without diacritics, case kept: `"Phuong Tan Binh"`. */
  nameAscii: string;
  /** `normalizeSearchText(name)`: `"phuong tan binh"`. */
  searchName: string;
  kind: CommuneKind;
  provinceCode: string;
}

/** The generated geography: every province and (a fraction of) its commune-level units. */
export interface LocalityRegistry {
  seed: number;
  /** Share of each province's units kept, in (0, 1]; 1 is the full dataset. */
  fraction: number;
  /** In CSV order, which is ascending code order. */
  provinces: ProvinceRecord[];
  /** Sorted by code. */
  communes: CommuneRecord[];
}

/**
 * Common syllables of Vietnamese place names. The generated names are synthetic (they may or may
 * not match a real unit) and must stay that way: changing this list changes every name.
 */
export const PLACE_NAME_SYLLABLES: readonly string[] = Object.freeze([
  'An',
  'Bình',
  'Phú',
  'Hòa',
  'Tân',
  'Long',
  'Thành',
  'Đông',
  'Tây',
  'Nam',
  'Bắc',
  'Hưng',
  'Phước',
  'Thạnh',
  'Mỹ',
  'Vĩnh',
  'Quang',
  'Hải',
  'Sơn',
  'Lâm',
  'Trung',
  'Hiệp',
  'Xuân',
  'Thuận',
  'Đức',
  'Minh',
  'Khánh',
  'Lộc',
  'Thịnh',
  'Yên',
  'Phong',
  'Hà',
  'Thủy',
  'Lợi',
  'Gia',
  'Cát',
  'Kim',
  'Ngọc',
  'Hồng',
  'Định',
  'Tiến',
  'Thắng',
  'Lạc',
  'Hậu',
  'Thới',
  'Nhơn',
  'Điền',
  'Mai',
  'Hoàng',
  'Cẩm',
  'Đại',
  'Tường',
  'Lương',
  'Quý',
  'Châu',
  'Phúc',
  'Thọ',
  'Hương',
  'Tiên',
  'Bảo',
  'Thái',
  'Cường',
  'Lập',
  'Hội',
  'Nghĩa',
  'Tín',
  'Hiếu',
  'Trường',
  'Vân',
  'Hạnh',
]);

const KIND_PREFIX: Record<CommuneKind, string> = { WARD: 'Phường', COMMUNE: 'Xã', SPECIAL_ZONE: 'Đặc khu' };

const CSV_PATH = path.join(__dirname, '../../data/provinces.csv');
const CSV_COLUMNS = ['code', 'name', 'name_ascii', 'kind', 'region', 'units_total', 'wards', 'communes', 'special_zones', 'merged_from'];

/**
 * Parses and validates the provinces CSV text. Exposed so that malformed input can be tested
 * without touching the real file; most callers want {@link loadProvinces}.
 *
 * @param source names the input in error messages
 * @throws Error naming the line and field of the first malformed row, a unit total that is not
 *   `wards + communes + special_zones`, a duplicate code, or codes out of ascending order
 */
export function parseProvinces(csvText: string, source = 'provinces.csv'): ProvinceRecord[] {
  let header: string[] = [];
  const rows = parse(csvText, {
    columns: (h: string[]) => (header = h),
    skip_empty_lines: true,
    trim: true,
  }) as Record<string, string>[];
  if (header.join(',') !== CSV_COLUMNS.join(',')) {
    throw new Error(`${source}: expected columns ${CSV_COLUMNS.join(',')}, got ${header.join(',') || '(none)'}`);
  }
  const provinces: ProvinceRecord[] = [];
  rows.forEach((row, i) => {
    // Header is line 1 and rows never span lines in this file, so row i sits on line i + 2.
    const fail = (msg: string): never => {
      throw new Error(`${source} line ${i + 2} (code ${JSON.stringify(row.code)}): ${msg}`);
    };
    const count = (field: string): number => {
      const v = row[field];
      if (!/^\d+$/.test(v)) fail(`${field} must be a non-negative integer, got ${JSON.stringify(v)}`);
      return Number(v);
    };
    if (!/^\d{2}$/.test(row.code)) fail('code must be two digits');
    if (!row.name) fail('name is empty');
    if (!row.name_ascii) fail('name_ascii is empty');
    if (!row.region) fail('region is empty');
    if (row.kind !== 'CITY' && row.kind !== 'PROVINCE') fail(`kind must be CITY or PROVINCE, got ${JSON.stringify(row.kind)}`);
    const [unitsTotal, wards, communes, specialZones] = ['units_total', 'wards', 'communes', 'special_zones'].map(count);
    if (unitsTotal !== wards + communes + specialZones) {
      fail(`units_total ${unitsTotal} != wards ${wards} + communes ${communes} + special_zones ${specialZones}`);
    }
    if (unitsTotal === 0) fail('a province has at least one unit');
    const prev = provinces[provinces.length - 1];
    if (prev && prev.code >= row.code) fail(`codes must be unique and ascending (after ${prev.code})`);
    const mergedFrom = row.merged_from ? row.merged_from.split(';').map((s) => s.trim()) : [];
    if (mergedFrom.some((s) => !s)) fail('merged_from has an empty name');
    provinces.push({
      code: row.code,
      name: row.name,
      nameAscii: row.name_ascii,
      kind: row.kind as ProvinceKind,
      region: row.region,
      mergedFrom,
      unitsTotal,
      wards,
      communes,
      specialZones,
    });
  });
  return provinces;
}

/**
 * Reads and validates `data/provinces.csv` (34 provinces and cities, in code order).
 * @throws Error on a malformed row or unit counts that do not add up (see {@link parseProvinces})
 */
export function loadProvinces(): ProvinceRecord[] {
  return parseProvinces(readFileSync(CSV_PATH, 'utf8'), CSV_PATH);
}

/** After this many 2-syllable draws collide, a third syllable is added (needed only for small lists). */
const TWO_SYLLABLE_ATTEMPTS = 64;
const MAX_ATTEMPTS = 100_000;

/**
 * Draws a `prefix + syllables` name not yet in `used`, and adds it. Syllables within a name are
 * distinct, so "An An" never appears.
 * @internal exported for tests of the collision fallback
 */
export function drawUniqueName(rng: Random, prefix: string, used: Set<string>, syllables: readonly string[] = PLACE_NAME_SYLLABLES): string {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const size = attempt < TWO_SYLLABLE_ATTEMPTS ? 2 : 3;
    if (syllables.length < size) continue;
    const parts = rng.shuffle([...syllables]).slice(0, size);
    const name = `${prefix} ${parts.join(' ')}`;
    if (!used.has(name)) {
      used.add(name);
      return name;
    }
  }
  throw new Error(`cannot draw a unique "${prefix}" name from ${syllables.length} syllables (${used.size} names taken)`);
}

function generateProvinceCommunes(seed: number, p: ProvinceRecord): CommuneRecord[] {
  const rng = createRandom(seed, 'geography', p.code);
  const kinds: CommuneKind[] = [
    ...Array<CommuneKind>(p.wards).fill('WARD'),
    ...Array<CommuneKind>(p.communes).fill('COMMUNE'),
    ...Array<CommuneKind>(p.specialZones).fill('SPECIAL_ZONE'),
  ];
  rng.shuffle(kinds);
  const used = new Set<string>();
  return kinds.map((kind, i) => {
    const name = drawUniqueName(rng, KIND_PREFIX[kind], used);
    return {
      code: `${p.code}${String(i + 1).padStart(3, '0')}`,
      name,
      nameAscii: stripDiacritics(name),
      searchName: normalizeSearchText(name),
      kind,
      provinceCode: p.code,
    };
  });
}

/** How many of a province's units a fraction keeps; the epsilon stops 0.07 × 100 = 7.000000000000001 from rounding up to 8. */
export function keptUnits(fraction: number, units: number): number {
  return Math.min(units, Math.max(1, Math.ceil(fraction * units - 1e-9)));
}

function validate(seed: number, fraction: number): void {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction <= 1)) {
    throw new RangeError(`fraction must be a number in (0, 1], got ${fraction}`);
  }
}

/**
 * Generates the registry without the memo. Every call does the full work and returns fresh,
 * mutable objects; use it to compare two independent runs. Most callers want
 * {@link generateLocalities}.
 * @throws RangeError on a bad seed or fraction
 */
export function buildLocalities(seed: number = DEFAULT_SEED, fraction = 1): LocalityRegistry {
  validate(seed, fraction);
  const provinces = loadProvinces();
  // Each province draws from its own stream, and a fraction only truncates the full list, so the
  // units kept at 10% are exactly the first ones of the full dataset, codes and names included.
  const communes = provinces
    .flatMap((p) => generateProvinceCommunes(seed, p).slice(0, keptUnits(fraction, p.unitsTotal)))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  return { seed, fraction, provinces, communes };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const memo = new Map<string, LocalityRegistry>();

/**
 * The deterministic locality registry: 34 provinces and, at `fraction` 1, their 3,321 synthetic
 * communes, wards and special zones, each province with exactly its CSV counts of each kind.
 * The same seed always gives byte-identical output; another seed gives other names and order.
 *
 * Results are memoized per (seed, fraction) and deep-frozen, because several subgraphs and tests
 * share them: copy before changing anything.
 *
 * @param options.seed dataset seed, default {@link DEFAULT_SEED}
 * @param options.fraction share of each province's units to keep, in (0, 1], default 1; each
 *   province keeps its first `max(1, ceil(fraction × units))` units of the full list
 * @throws RangeError if the seed is not a safe integer or the fraction is outside (0, 1]
 */
export function generateLocalities(options: { seed?: number; fraction?: number } = {}): LocalityRegistry {
  const { seed = DEFAULT_SEED, fraction = 1 } = options;
  validate(seed, fraction);
  const key = `${seed}:${fraction}`;
  let registry = memo.get(key);
  if (!registry) {
    registry = deepFreeze(buildLocalities(seed, fraction));
    memo.set(key, registry);
  }
  return registry;
}
