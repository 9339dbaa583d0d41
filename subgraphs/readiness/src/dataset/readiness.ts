import {
  coverage,
  createRandom,
  DATASET_CUTOFFS,
  DEFAULT_SEED,
  generateLocalities,
  type CommuneRecord,
  type ProvinceRecord,
  type Random,
} from '@kh02/subgraph-kit';
import type { CriterionCategory } from '../modules/criterion/criterion.entity';

/** Groups of readiness criteria: the values of the subgraph's `CriterionCategory` (Decree 118/2025/ND-CP lists headquarters, equipment, staffing, plus the digital conditions). */
export type ReadinessCategory = `${CriterionCategory}`;

/** One criterion a commune's Public Administration Service Centre is assessed against. */
export interface ReadinessCriterionRecord {
  /** Stable upper-case code, e.g. `ONLINE_MEETINGS`. */
  code: string;
  name: string;
  description: string;
  category: ReadinessCategory;
  /** Part of the "basic conditions": a commune fully meets them when every basic criterion is met. */
  basic: boolean;
  /** The instrument the requirement is drawn from, as summarised for the default dataset. */
  legalBasis: string;
  /** Display order in the catalogue (1-based). */
  position: number;
}

const DECREE_118 = 'Decree 118/2025/ND-CP on the one-stop-shop mechanism and Public Administration Service Centres';
const PLAN_02 = 'Plan No. 02-KH/BCĐTW of the Central Steering Committee on digital transformation of the political system';
const DECREE_23 = 'Decree 23/2025/ND-CP on electronic signatures and trust services';

/**
 * The criterion catalogue of the default dataset: the ten basic conditions the article and
 * Decree 118/2025/ND-CP name, plus one non-basic criterion (digital data) that is monitored but
 * does not decide "fully meets the basic conditions". Names and codes are the platform's; the
 * descriptions and legal-basis summaries are synthetic paraphrases.
 */
export const READINESS_CRITERIA: readonly ReadinessCriterionRecord[] = Object.freeze(
  (
    [
      [
        'HEADQUARTERS',
        'Headquarters arranged',
        'The centre has a designated headquarters with a reception area open to the public.',
        'HEADQUARTERS',
        true,
        DECREE_118,
      ],
      [
        'STAFF',
        'Staff assigned and trained',
        'Officials are assigned to the centre and trained to receive and return applications.',
        'STAFF',
        true,
        DECREE_118,
      ],
      ['COMPUTERS', 'Computers', 'Enough working computers for every reception desk.', 'EQUIPMENT', true, DECREE_118],
      [
        'DIGITAL_EQUIPMENT',
        'Digital equipment',
        'Scanners, self-service terminals, queue and feedback devices installed and working.',
        'EQUIPMENT',
        true,
        DECREE_118,
      ],
      [
        'ONLINE_MEETINGS',
        'Online meetings central to commune',
        'The commune can join online meetings run from the central level down to the commune level.',
        'CONNECTIVITY',
        true,
        PLAN_02,
      ],
      [
        'OFFICIAL_DIGITAL_SIGNATURES',
        'Digital certificates and signatures for officials',
        'Officials handling applications hold personal digital certificates and sign electronically.',
        'DIGITAL_SIGNATURE',
        true,
        DECREE_23,
      ],
      [
        'SPECIALISED_DIGITAL_SIGNATURE',
        'Specialised digital signature',
        'The centre holds the specialised (encrypted) digital signature of the political system for official documents.',
        'DIGITAL_SIGNATURE',
        true,
        DECREE_23,
      ],
      [
        'PUBLIC_DIGITAL_CERTIFICATE',
        'Public digital certificate',
        'Public digital certificates have been issued to the centre and its officials.',
        'DIGITAL_SIGNATURE',
        true,
        DECREE_23,
      ],
      [
        'ONE_STOP_SOFTWARE',
        'One-stop public-service software',
        "The province's administrative-procedure (one-stop) software is deployed and used at the centre.",
        'SOFTWARE',
        true,
        DECREE_118,
      ],
      [
        'CIVIL_STATUS_SOFTWARE',
        'Civil-status software connected',
        'Civil-status registration software is connected to the national civil-status database.',
        'SOFTWARE',
        true,
        PLAN_02,
      ],
      [
        'DIGITAL_DATA',
        'Digital data reused',
        'Digitised records and results are reused so applicants do not resubmit paper documents (monitored, not a basic condition).',
        'DATA',
        false,
        PLAN_02,
      ],
    ] as const
  ).map(([code, name, description, category, basic, legalBasis], i) =>
    Object.freeze({ code, name, description, category, basic, legalBasis, position: i + 1 }),
  ),
);

/** Provinces that, at the published cut-off, are below 100% on the specialised signature or the public certificate (F8). */
export const READINESS_F8_PROVINCES: readonly string[] = Object.freeze(['56', '12', '68', '80', '92', '48', '86']);

/** Communes fully meeting the basic conditions at the published cut-off, at fraction 1 (F6). */
export const READINESS_FULLY_MET_TARGET = 1981;

/** Hà Nội's online-submission and results-online percentages for 1–31 July 2025 (F9). */
export const READINESS_HANOI_JULY = Object.freeze({ provinceCode: '01', onlineSubmissionPercent: 32.73, onlineResultPercent: 5.3 });

/** Hồ Chí Minh City's daily intake in July as a share of its June level, before day-to-day noise (F10: "far below"). */
export const READINESS_HCMC_JULY = Object.freeze({ provinceCode: '79', receivedFactor: 0.62 });

/** First and last day of the daily series (online applications, synced records), Vietnam calendar days. */
export const READINESS_FIRST_DAY = '2025-06-01';
export const READINESS_LAST_DAY = '2025-07-31';

/** One assessment event: what an assessor found for one criterion of one commune, at one moment. */
export interface ReadinessAssessmentRecord {
  communeCode: string;
  provinceCode: string;
  criterionCode: string;
  met: boolean;
  note: string | null;
  assessedAt: Date;
  assessedBy: string;
}

/** One province's online-application figures for one day. */
export interface OnlineApplicationRecord {
  provinceCode: string;
  /** "YYYY-MM-DD", Vietnam calendar day. */
  day: string;
  received: number;
  submittedOnline: number;
  resultsOnline: number;
}

/** Records one commune synchronised to other communes on the National Public Service Portal in one day. */
export interface SyncedRecordRecord {
  communeCode: string;
  provinceCode: string;
  day: string;
  count: number;
}

/** The readiness subgraph's slice of the default dataset. */
export interface ReadinessDataset {
  seed: number;
  fraction: number;
  criteria: readonly ReadinessCriterionRecord[];
  cutoffs: readonly Date[];
  /** Each kept commune and its province (the readiness subgraph's own copy of the registry). */
  localities: { code: string; provinceCode: string }[];
  /** Append-only assessment history, by commune, criterion and time. */
  assessments: ReadinessAssessmentRecord[];
  onlineApplications: OnlineApplicationRecord[];
  syncedRecords: SyncedRecordRecord[];
}

/** Every calendar day from `from` to `to`, inclusive, as "YYYY-MM-DD". */
function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push(new Date(t).toISOString().slice(0, 10));
  }
  return days;
}

/** 0 = Sunday … 6 = Saturday, for a calendar day. */
function weekday(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** An instant on a Vietnam calendar day, office hours. */
function vnTime(day: string, hour: number, minute: number): Date {
  return new Date(`${day}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00+07:00`);
}

const DAYS = daysBetween(READINESS_FIRST_DAY, READINESS_LAST_DAY);
/** Days an assessment can happen on: weekdays from 2 June to 31 July (the last before 16:00). */
const WORK_DAYS = DAYS.filter((d) => d >= '2025-06-02' && weekday(d) !== 0 && weekday(d) !== 6);
const FIRST_WEEK = WORK_DAYS.filter((d) => d <= '2025-06-05');
const LATE_FIRST = WORK_DAYS.filter((d) => d >= '2025-06-09' && d <= '2025-06-27');

const F7 = new Set(['ONLINE_MEETINGS', 'DIGITAL_EQUIPMENT', 'COMPUTERS', 'OFFICIAL_DIGITAL_SIGNATURES']);
const SIGNATURE = new Set(['SPECIALISED_DIGITAL_SIGNATURE', 'PUBLIC_DIGITAL_CERTIFICATE']);

/** Weights of the criterion a not-fully-meeting commune fails first (outside F8's two criteria). */
const PRIMARY_FAILURE: readonly [string, number][] = [
  ['HEADQUARTERS', 22],
  ['STAFF', 20],
  ['ONE_STOP_SOFTWARE', 18],
  ['CIVIL_STATUS_SOFTWARE', 20],
  ['COMPUTERS', 5],
  ['DIGITAL_EQUIPMENT', 5],
  ['ONLINE_MEETINGS', 5],
  ['OFFICIAL_DIGITAL_SIGNATURES', 5],
];

/** Share of (commune, criterion) pairs met at their first assessment, when met at the end. */
const MET_FROM_START: Record<string, number> = {
  HEADQUARTERS: 0.55,
  STAFF: 0.5,
  COMPUTERS: 0.75,
  DIGITAL_EQUIPMENT: 0.7,
  ONLINE_MEETINGS: 0.8,
  OFFICIAL_DIGITAL_SIGNATURES: 0.7,
  SPECIALISED_DIGITAL_SIGNATURE: 0.3,
  PUBLIC_DIGITAL_CERTIFICATE: 0.25,
  ONE_STOP_SOFTWARE: 0.45,
  CIVIL_STATUS_SOFTWARE: 0.4,
  DIGITAL_DATA: 0.3,
};

/** Synthetic reasons an assessor records for an unmet criterion. */
const UNMET_NOTES: Record<string, readonly string[]> = {
  HEADQUARTERS: ['Headquarters under renovation after the merger', 'Reception area shared with another office, not yet separate'],
  STAFF: ['Not enough officials assigned to the reception desks', 'Assigned officials not yet trained on the procedures'],
  COMPUTERS: ['Computers short for the reception desks', 'Computers too old to run the one-stop software'],
  DIGITAL_EQUIPMENT: ['Scanners not yet installed', 'Self-service terminal not working'],
  ONLINE_MEETINGS: ['Online-meeting room not connected to the provincial bridge', 'Bandwidth too low for online meetings'],
  OFFICIAL_DIGITAL_SIGNATURES: ['Some officials still without personal digital certificates'],
  SPECIALISED_DIGITAL_SIGNATURE: ['Specialised digital signature not yet provided'],
  PUBLIC_DIGITAL_CERTIFICATE: ['Public digital certificates still being issued'],
  ONE_STOP_SOFTWARE: ['One-stop software account not yet granted', 'One-stop software deployed but not in use'],
  CIVIL_STATUS_SOFTWARE: ['Civil-status software not connected to the national database'],
  DIGITAL_DATA: ['Records not yet digitised'],
};

function weightedPick(rng: Random, options: readonly [string, number][]): string {
  const total = options.reduce((s, [, w]) => s + w, 0);
  let x = rng.next() * total;
  for (const [value, w] of options) {
    x -= w;
    if (x < 0) return value;
  }
  return options[options.length - 1][0];
}

/** A synthetic propensity of a region's communes to lag behind (drives which communes fail). */
const REGION_LAG: Record<string, number> = {
  'Northern Midlands and Mountains': 1.6,
  'Central Highlands': 1.4,
  'Mekong Delta': 1.25,
  'North Central and Central Coast': 1.15,
  'Red River Delta': 0.8,
  Southeast: 0.8,
};

/**
 * Decides, for the full registry, which basic criteria each commune still fails at the published
 * cut-off: exactly {@link READINESS_FULLY_MET_TARGET} communes fail none; the specialised
 * signature and the public certificate fail only in {@link READINESS_F8_PROVINCES} (at least one
 * commune in each); the four F7 criteria fail rarely.
 */
function finalFailures(seed: number, provinces: readonly ProvinceRecord[], communes: readonly CommuneRecord[]): Map<string, Set<string>> {
  const rng = createRandom(seed, 'readiness', 'calibration');
  const failures = new Map<string, Set<string>>();
  const region = new Map(provinces.map((p) => [p.code, p.region]));
  const f8 = new Set(READINESS_F8_PROVINCES);
  // F8: a few communes of each of the seven provinces lack the specialised signature, the public certificate, or both.
  for (const code of READINESS_F8_PROVINCES) {
    const own = communes.filter((c) => c.provinceCode === code);
    const n = Math.max(1, Math.round(own.length * (0.04 + rng.next() * 0.08)));
    for (const c of rng.shuffle([...own]).slice(0, n)) {
      const r = rng.next();
      failures.set(c.code, new Set(r < 0.4 ? ['SPECIALISED_DIGITAL_SIGNATURE'] : r < 0.8 ? ['PUBLIC_DIGITAL_CERTIFICATE'] : [...SIGNATURE]));
    }
  }
  const failing = communes.length - READINESS_FULLY_MET_TARGET;
  if (failures.size > failing) throw new Error('readiness calibration: too many F8 failures');
  // The rest: weighted sampling without replacement (Efraimidis–Spirakis keys), weights by region.
  const keyed = communes
    .filter((c) => !failures.has(c.code))
    .map((c) => ({ c, key: Math.pow(rng.next(), 1 / (REGION_LAG[region.get(c.provinceCode)!] ?? 1)) }))
    .sort((a, b) => b.key - a.key || (a.c.code < b.c.code ? -1 : 1));
  for (const { c } of keyed.slice(0, failing - failures.size)) failures.set(c.code, new Set([weightedPick(rng, PRIMARY_FAILURE)]));
  // Some communes fail more than one criterion.
  const provinceOf = new Map(communes.map((c) => [c.code, c.provinceCode]));
  for (const [code, set] of [...failures.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const provinceCode = provinceOf.get(code)!;
    for (const criterion of READINESS_CRITERIA) {
      if (!criterion.basic || set.has(criterion.code)) continue;
      const p = SIGNATURE.has(criterion.code) ? (f8.has(provinceCode) ? 0.05 : 0) : F7.has(criterion.code) ? 0.02 : 0.08;
      if (rng.next() < p) set.add(criterion.code);
    }
  }
  return failures;
}

/** The assessment history of one commune: events only when the finding changes. */
function communeHistory(seed: number, commune: CommuneRecord, provinceName: string, failed: ReadonlySet<string>): ReadinessAssessmentRecord[] {
  const rng = createRandom(seed, 'readiness', 'assessments', commune.code);
  const assessor = `Sở Khoa học và Công nghệ ${provinceName}`;
  const events: ReadinessAssessmentRecord[] = [];
  const event = (criterionCode: string, met: boolean, day: string, note: string | null) =>
    events.push({
      communeCode: commune.code,
      provinceCode: commune.provinceCode,
      criterionCode,
      met,
      note,
      assessedAt: vnTime(day, rng.int(8, 15), rng.int(0, 59)),
      assessedBy: assessor,
    });
  const dayAfter = (day: string, minGap: number, earliest = '2025-06-02'): string => {
    const options = WORK_DAYS.filter((d) => d >= earliest && Date.parse(d) - Date.parse(day) >= minGap * 86_400_000);
    if (!options.length) return WORK_DAYS[WORK_DAYS.length - 1];
    // The earlier of two draws: most fixes land early, a tail drags on to the end of July.
    const [a, b] = [rng.pick(options), rng.pick(options)];
    return a < b ? a : b;
  };
  for (const criterion of READINESS_CRITERIA) {
    const code = criterion.code;
    const notes = UNMET_NOTES[code];
    const finalMet = criterion.basic ? !failed.has(code) : rng.next() < 0.55;
    // Never assessed: counts as not met. Some non-basic data criteria, and a few basic failures.
    if (!finalMet && rng.next() < (criterion.basic ? 0.05 : 0.2)) continue;
    const first = rng.next() < 0.85 ? rng.pick(FIRST_WEEK) : rng.pick(LATE_FIRST);
    if (finalMet) {
      if (rng.next() < MET_FROM_START[code]) {
        event(code, true, first, null);
      } else {
        event(code, false, first, rng.pick(notes));
        // The signatures were rolled out in July; the rest any time after a few days.
        event(code, true, dayAfter(first, 3, SIGNATURE.has(code) ? '2025-07-01' : '2025-06-02'), 'Re-assessed: now met');
      }
    } else if (rng.next() < 0.12) {
      event(code, true, first, null);
      event(code, false, dayAfter(first, 7), `Re-assessed: ${rng.pick(notes).toLowerCase()}`);
    } else {
      event(code, false, first, rng.pick(notes));
    }
  }
  return events;
}

/** Daily online-application figures for every province (independent of `fraction`). */
function onlineApplications(seed: number, provinces: readonly ProvinceRecord[]): OnlineApplicationRecord[] {
  const rows: OnlineApplicationRecord[] = [];
  const dayFactor = (rng: Random, day: string) => {
    const wd = weekday(day);
    return (wd === 0 ? 0.12 : wd === 6 ? 0.45 : 1) * (0.85 + rng.next() * 0.3);
  };
  for (const p of provinces) {
    const rng = createRandom(seed, 'readiness', 'online', p.code);
    const base = p.unitsTotal * (30 + rng.next() * 25) * (p.kind === 'CITY' ? 1.6 : 1);
    // Hồ Chí Minh City's July intake fell far below June's (F10); elsewhere July is roughly like June.
    const julyFactor = p.code === READINESS_HCMC_JULY.provinceCode ? READINESS_HCMC_JULY.receivedFactor : 0.95 + rng.next() * 0.2;
    const isHanoi = p.code === READINESS_HANOI_JULY.provinceCode;
    const julyRate = isHanoi ? READINESS_HANOI_JULY.onlineSubmissionPercent / 100 : 0.4 + rng.next() * 0.45;
    const juneRate = julyRate - rng.next() * 0.06;
    const julyResults = isHanoi ? READINESS_HANOI_JULY.onlineResultPercent / 100 : 0.08 + rng.next() * Math.min(0.27, julyRate - 0.13);
    const juneResults = Math.max(0.02, julyResults - rng.next() * 0.04);
    const own: OnlineApplicationRecord[] = DAYS.map((day) => {
      const july = day >= '2025-07-01';
      const received = Math.max(1, Math.round(base * (july ? julyFactor : 1) * dayFactor(rng, day)));
      const clamp = (rate: number) => Math.min(received, Math.max(0, Math.round(received * (rate + (rng.next() - 0.5) * 0.06))));
      return {
        provinceCode: p.code,
        day,
        received,
        submittedOnline: clamp(july ? julyRate : juneRate),
        resultsOnline: clamp(july ? julyResults : juneResults),
      };
    });
    if (isHanoi) calibrateHanoiJuly(own.filter((r) => r.day >= '2025-07-01'));
    rows.push(...own);
  }
  return rows;
}

/** A share as the graph prints it: the kit's `coverage()` percentage (half-up, two decimals). */
const percentOf = (n: number, total: number): number => coverage(n, total).percent;

/** The smallest count whose share of `total` rounds (half-up, 2 decimals) to `percent`. */
function countForPercent(total: number, percent: number): number {
  let n = Math.round((total * percent) / 100);
  while (n > 0 && percentOf(n - 1, total) >= percent) n--;
  while (percentOf(n, total) < percent) n++;
  if (percentOf(n, total) !== percent) throw new Error(`readiness calibration: no count gives ${percent}% of ${total}`);
  return n;
}

/** Nudges Hà Nội's July days, one unit at a time, until the month's totals give exactly F9's percentages. */
function calibrateHanoiJuly(july: OnlineApplicationRecord[]): void {
  const received = july.reduce((s, r) => s + r.received, 0);
  for (const [field, percent] of [
    ['submittedOnline', READINESS_HANOI_JULY.onlineSubmissionPercent],
    ['resultsOnline', READINESS_HANOI_JULY.onlineResultPercent],
  ] as const) {
    let delta = countForPercent(received, percent) - july.reduce((s, r) => s + r[field], 0);
    for (let i = 0; delta !== 0; i = (i + 1) % july.length) {
      const r = july[i];
      if (delta > 0 && r[field] < r.received) {
        r[field]++;
        delta--;
      } else if (delta < 0 && r[field] > 0) {
        r[field]--;
        delta++;
      }
    }
  }
}

/** Records each commune synchronised per day: a trial run in June, official operation from 1 July 2025. */
function syncedRecords(seed: number, communes: readonly CommuneRecord[]): SyncedRecordRecord[] {
  const rows: SyncedRecordRecord[] = [];
  for (const c of communes) {
    const rng = createRandom(seed, 'readiness', 'synced', c.code);
    const activity = (c.kind === 'WARD' ? 8 : 3) + rng.next() * 14;
    DAYS.forEach((day, i) => {
      const wd = weekday(day);
      // Ramps from ~40% of full volume at the start of June to full volume by mid-July.
      const ramp = Math.min(1, 0.4 + (0.6 * i) / 45);
      const count = Math.round(activity * ramp * (wd === 0 ? 0.15 : wd === 6 ? 0.4 : 1) * (0.6 + rng.next() * 0.8));
      rows.push({ communeCode: c.code, provinceCode: c.provinceCode, day, count });
    });
  }
  return rows;
}

/**
 * The readiness subgraph's slice of the default dataset: the criterion catalogue, each commune's
 * assessment history (June–July 2025), daily online-application figures per province and daily
 * synced records per commune. Everything is synthetic except the figures the article reports;
 * at fraction 1 and the published cut-off it reproduces F6–F10 exactly.
 *
 * The whole registry is always generated and then cut to the kept communes, so the communes
 * kept at a smaller `fraction` carry exactly the same history as in the full dataset.
 */
export function generateReadiness(options: { seed?: number; fraction?: number } = {}): ReadinessDataset {
  const { seed = DEFAULT_SEED, fraction = 1 } = options;
  const full = generateLocalities({ seed, fraction: 1 });
  const kept = generateLocalities({ seed, fraction });
  const keptCodes = new Set(kept.communes.map((c) => c.code));
  const provinceName = new Map(full.provinces.map((p) => [p.code, p.name]));
  const failures = finalFailures(seed, full.provinces, full.communes);
  const communes = full.communes.filter((c) => keptCodes.has(c.code));
  return {
    seed,
    fraction,
    criteria: READINESS_CRITERIA,
    cutoffs: DATASET_CUTOFFS,
    localities: communes.map((c) => ({ code: c.code, provinceCode: c.provinceCode })),
    assessments: communes.flatMap((c) => communeHistory(seed, c, provinceName.get(c.provinceCode)!, failures.get(c.code) ?? new Set())),
    onlineApplications: onlineApplications(seed, full.provinces),
    syncedRecords: syncedRecords(seed, communes),
  };
}
