import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { normalizeSearchText } from '../text';
import { DEFAULT_SEED } from './random';

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

/**
 * One commune-level unit (ward, commune or special zone) of the official register in
 * `data/communes.csv`: code, names and kind are official.
 */
export interface CommuneRecord {
  /** Official five-digit code, e.g. `"00004"` for Phường Ba Đình. Not prefixed by the province code. */
  code: string;
  /** Full official name with its kind prefix, e.g. `"Phường Ba Đình"`. */
  name: string;
  /** Official short name, usually without the kind prefix: `"Ba Đình"`. */
  shortName: string;
  /** Official ASCII name, case kept: `"Phuong Ba Dinh"`. */
  nameAscii: string;
  /** `normalizeSearchText(name)`: `"phuong ba dinh"`. */
  searchName: string;
  kind: CommuneKind;
  provinceCode: string;
}

/** The official geography: every province and (a fraction of) its commune-level units. */
export interface LocalityRegistry {
  /** The dataset seed the registry was asked for; names and codes do not depend on it. */
  seed: number;
  /** Share of each province's units kept, in (0, 1]; 1 is the full dataset. */
  fraction: number;
  /** In CSV order, which is ascending code order. */
  provinces: ProvinceRecord[];
  /** Sorted by code (which interleaves provinces: codes are not grouped by province). */
  communes: CommuneRecord[];
}

const CSV_PATH = path.join(__dirname, '../../data/provinces.csv');
const COMMUNES_CSV_PATH = path.join(__dirname, '../../data/communes.csv');
const CSV_COLUMNS = ['code', 'name', 'name_ascii', 'kind', 'region', 'units_total', 'wards', 'communes', 'special_zones', 'merged_from'];
const COMMUNE_CSV_COLUMNS = ['code', 'name', 'short_name', 'name_ascii', 'kind', 'province_code'];
const COMMUNE_KINDS: readonly CommuneKind[] = ['WARD', 'COMMUNE', 'SPECIAL_ZONE'];
/** The `provinces.csv` column holding each kind's count, for count-mismatch messages. */
const KIND_COUNT: Record<CommuneKind, 'wards' | 'communes' | 'specialZones'> = { WARD: 'wards', COMMUNE: 'communes', SPECIAL_ZONE: 'specialZones' };
const KIND_COLUMN: Record<CommuneKind, string> = { WARD: 'wards', COMMUNE: 'communes', SPECIAL_ZONE: 'special_zones' };

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

/**
 * Parses and validates the communes CSV text against the provinces it belongs to. Exposed so
 * that malformed input can be tested without touching the real file; most callers want
 * {@link loadCommunes}.
 *
 * @param provinces the validated provinces (see {@link parseProvinces}); every province's count
 *   of each kind must match the rows
 * @param source names the input in error messages
 * @returns the units in file order: grouped by province, ascending by code within a province
 * @throws Error naming the line and field of the first malformed row (code not five digits or
 *   duplicated, empty name, unknown kind or province, codes out of ascending order within a
 *   province), or the province and kind whose row count disagrees with `provinces.csv`
 */
export function parseCommunes(csvText: string, provinces: readonly ProvinceRecord[], source = 'communes.csv'): CommuneRecord[] {
  let header: string[] = [];
  let parsed: { record: Record<string, string>; info: { lines: number } }[];
  try {
    parsed = parse(csvText, {
      columns: (h: string[]) => (header = h),
      skip_empty_lines: true,
      trim: true,
      info: true,
    }) as { record: Record<string, string>; info: { lines: number } }[];
  } catch (e) {
    throw new Error(`${source}: ${(e as Error).message}`);
  }
  if (header.join(',') !== COMMUNE_CSV_COLUMNS.join(',')) {
    throw new Error(`${source}: expected columns ${COMMUNE_CSV_COLUMNS.join(',')}, got ${header.join(',') || '(none)'}`);
  }
  const provinceByCode = new Map(provinces.map((p) => [p.code, p]));
  const lineOf = new Map<string, number>();
  const lastCode = new Map<string, string>();
  const communes: CommuneRecord[] = [];
  for (const { record: row, info } of parsed) {
    const fail = (field: string, msg: string): never => {
      throw new Error(`${source} line ${info.lines} (code ${JSON.stringify(row.code)}), ${field}: ${msg}`);
    };
    if (!/^\d{5}$/.test(row.code)) fail('code', 'must be five digits');
    const seen = lineOf.get(row.code);
    if (seen !== undefined) fail('code', `duplicate of line ${seen}`);
    lineOf.set(row.code, info.lines);
    for (const field of ['name', 'short_name', 'name_ascii']) if (!row[field]) fail(field, 'is empty');
    if (!COMMUNE_KINDS.includes(row.kind as CommuneKind)) fail('kind', `must be one of ${COMMUNE_KINDS.join(', ')}, got ${JSON.stringify(row.kind)}`);
    if (!provinceByCode.has(row.province_code)) fail('province_code', `no province ${JSON.stringify(row.province_code)} in provinces.csv`);
    const previous = lastCode.get(row.province_code);
    if (previous !== undefined && previous > row.code) fail('code', `codes must ascend within province ${row.province_code} (after ${previous})`);
    lastCode.set(row.province_code, row.code);
    communes.push({
      code: row.code,
      name: row.name,
      shortName: row.short_name,
      nameAscii: row.name_ascii,
      searchName: normalizeSearchText(row.name),
      kind: row.kind as CommuneKind,
      provinceCode: row.province_code,
    });
  }
  for (const p of provinces) {
    const own = communes.filter((c) => c.provinceCode === p.code);
    for (const kind of COMMUNE_KINDS) {
      const rows = own.filter((c) => c.kind === kind).length;
      if (rows !== p[KIND_COUNT[kind]]) {
        throw new Error(`${source}: province ${p.code} (${p.name}) has ${rows} ${kind} rows, provinces.csv says ${KIND_COLUMN[kind]} = ${p[KIND_COUNT[kind]]}`);
      }
    }
  }
  return communes;
}

/**
 * Reads and validates `data/communes.csv`, the official register of the 3,321 commune-level
 * units in force since 1 July 2025, against the provinces.
 * @throws Error on a malformed row or counts that disagree with `provinces.csv` (see {@link parseCommunes})
 */
export function loadCommunes(provinces: readonly ProvinceRecord[] = loadProvinces()): CommuneRecord[] {
  return parseCommunes(readFileSync(COMMUNES_CSV_PATH, 'utf8'), provinces, COMMUNES_CSV_PATH);
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
 * Builds the registry without the memo. Every call does the full work and returns fresh,
 * mutable objects; use it to compare two independent runs. Most callers want
 * {@link generateLocalities}.
 * @throws RangeError on a bad seed or fraction
 */
export function buildLocalities(seed: number = DEFAULT_SEED, fraction = 1): LocalityRegistry {
  validate(seed, fraction);
  const provinces = loadProvinces();
  const all = loadCommunes(provinces);
  // A fraction only truncates each province's list in official code order, so the units kept at
  // 10% are exactly the first ones of the full dataset.
  const communes = provinces
    .flatMap((p) => all.filter((c) => c.provinceCode === p.code).slice(0, keptUnits(fraction, p.unitsTotal)))
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
 * The locality registry: 34 provinces and, at `fraction` 1, their 3,321 communes, wards and
 * special zones of the official register (`data/communes.csv`), each province with exactly its
 * `provinces.csv` counts of each kind. Names, codes and kinds are official and do not depend on
 * the seed, which is kept for the generators of the synthetic monitoring data built on it.
 *
 * Results are memoized per (seed, fraction) and deep-frozen, because several subgraphs and tests
 * share them: copy before changing anything.
 *
 * @param options.seed dataset seed, default {@link DEFAULT_SEED}
 * @param options.fraction share of each province's units to keep, in (0, 1], default 1; each
 *   province keeps its first `max(1, ceil(fraction × units))` units in official code order
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
