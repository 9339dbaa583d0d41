import { coverage, DATASET_CUTOFFS, generateLocalities, PUBLISHED_CUTOFF } from '@kh02/subgraph-kit';
import { buildCommuneReadiness } from '../modules/assessment/assessment.service';
import { Criterion, type CriterionCategory } from '../modules/criterion/criterion.entity';
import { generateReadiness, READINESS_CRITERIA, READINESS_F8_PROVINCES, READINESS_FIRST_DAY, READINESS_LAST_DAY, type ReadinessDataset } from './readiness';

const full = generateReadiness();
const BASIC = READINESS_CRITERIA.filter((c) => c.basic).map((c) => c.code);

/** State of every (commune, criterion) at `at`: the latest event at or before it. */
function stateAt(data: ReadinessDataset, at: Date): Map<string, Map<string, boolean>> {
  const latest = new Map<string, { at: number; met: boolean }>();
  for (const a of data.assessments) {
    if (a.assessedAt > at) continue;
    const key = `${a.communeCode}|${a.criterionCode}`;
    const prev = latest.get(key);
    if (!prev || prev.at <= a.assessedAt.getTime()) latest.set(key, { at: a.assessedAt.getTime(), met: a.met });
  }
  const state = new Map<string, Map<string, boolean>>();
  for (const [key, v] of latest) {
    const [commune, criterion] = key.split('|');
    if (!state.has(commune)) state.set(commune, new Map());
    state.get(commune)!.set(criterion, v.met);
  }
  return state;
}

/** The subgraph's catalogue, as the seed writes it. */
const CATALOGUE = READINESS_CRITERIA.map((c) => Object.assign(new Criterion(), { ...c, category: c.category as CriterionCategory }));

/** Communes fully meeting the basic conditions at `at`, by the readiness subgraph's own rule (`buildCommuneReadiness`). */
const fullyMet = (data: ReadinessDataset, at: Date) => {
  const state = stateAt(data, at);
  return data.localities.filter((l) => {
    const findings = [...(state.get(l.code) ?? [])].map(([criterionCode, met]) => ({
      communeCode: l.code,
      criterionCode,
      met,
      note: null,
      assessedAt: at,
      assessedBy: '',
    }));
    return buildCommuneReadiness(CATALOGUE, findings, at).meetsBasicConditions;
  }).length;
};

const published = stateAt(full, PUBLISHED_CUTOFF);
const metShare = (data: ReadinessDataset, at: Date, criterion: string, provinceCode?: string) => {
  const state = data === full && at === PUBLISHED_CUTOFF ? published : stateAt(data, at);
  const communes = data.localities.filter((l) => !provinceCode || l.provinceCode === provinceCode);
  return coverage(communes.filter((l) => state.get(l.code)?.get(criterion) === true).length, communes.length);
};

describe('criterion catalogue', () => {
  it('has the ten basic conditions of the article and a non-basic one, with unique codes', () => {
    expect(BASIC).toEqual([
      'HEADQUARTERS',
      'STAFF',
      'COMPUTERS',
      'DIGITAL_EQUIPMENT',
      'ONLINE_MEETINGS',
      'OFFICIAL_DIGITAL_SIGNATURES',
      'SPECIALISED_DIGITAL_SIGNATURE',
      'PUBLIC_DIGITAL_CERTIFICATE',
      'ONE_STOP_SOFTWARE',
      'CIVIL_STATUS_SOFTWARE',
    ]);
    expect(READINESS_CRITERIA.filter((c) => !c.basic).map((c) => c.code)).toEqual(['DIGITAL_DATA']);
    expect(READINESS_CRITERIA.map((c) => c.position)).toEqual(READINESS_CRITERIA.map((_, i) => i + 1));
  });
});

describe('published figures at fraction 1 (the 31 July cut-off)', () => {
  it('F6: exactly 1,981 of 3,321 communes fully meet the basic conditions (59.65%)', () => {
    expect(full.localities).toHaveLength(3321);
    const n = fullyMet(full, PUBLISHED_CUTOFF);
    expect(n).toBe(1981);
    expect(coverage(n, 3321).percent).toBe(59.65);
  });

  it('F7: online meetings, digital equipment, computers and officials\u2019 signatures each above 90%', () => {
    for (const code of ['ONLINE_MEETINGS', 'DIGITAL_EQUIPMENT', 'COMPUTERS', 'OFFICIAL_DIGITAL_SIGNATURES']) {
      expect(metShare(full, PUBLISHED_CUTOFF, code).rate).toBeGreaterThan(0.9);
    }
  });

  it('F8: exactly the seven named provinces are below 100% on the specialised signature or the public certificate', () => {
    const provinces = generateLocalities().provinces.map((p) => p.code);
    const below = provinces.filter((p) =>
      ['SPECIALISED_DIGITAL_SIGNATURE', 'PUBLIC_DIGITAL_CERTIFICATE'].some((c) => metShare(full, PUBLISHED_CUTOFF, c, p).percent < 100),
    );
    expect(below.sort()).toEqual([...READINESS_F8_PROVINCES].sort());
  });

  const july = (p: string, from: string, to: string) =>
    full.onlineApplications
      .filter((r) => r.provinceCode === p && r.day >= from && r.day <= to)
      .reduce((s, r) => ({ received: s.received + r.received, online: s.online + r.submittedOnline, results: s.results + r.resultsOnline }), {
        received: 0,
        online: 0,
        results: 0,
      });

  it('F9: Hà Nội, 1–31 July: 32.73% submitted online (the lowest of 34) and 5.30% results online', () => {
    const hanoi = july('01', '2025-07-01', '2025-07-31');
    expect(coverage(hanoi.online, hanoi.received).percent).toBe(32.73);
    expect(coverage(hanoi.results, hanoi.received).percent).toBe(5.3);
    for (const p of generateLocalities().provinces.filter((p) => p.code !== '01')) {
      const s = july(p.code, '2025-07-01', '2025-07-31');
      expect(s.online / s.received).toBeGreaterThan(hanoi.online / hanoi.received);
    }
  });

  it('F10: Hồ Chí Minh City received per day in July at most 80% of June', () => {
    const june = july('79', '2025-06-01', '2025-06-30').received / 30;
    const jul = july('79', '2025-07-01', '2025-07-31').received / 31;
    expect(jul / june).toBeLessThanOrEqual(0.8);
  });

  it('F12: a daily synced-records series for every commune, 1 June to 31 July', () => {
    const perCommune = new Map<string, Set<string>>();
    for (const r of full.syncedRecords) {
      if (!perCommune.has(r.communeCode)) perCommune.set(r.communeCode, new Set());
      perCommune.get(r.communeCode)!.add(r.day);
    }
    expect(full.syncedRecords.reduce((m, r) => Math.min(m, r.count), Infinity)).toBeGreaterThanOrEqual(0);
    expect(perCommune.size).toBe(3321);
    expect(new Set([...perCommune.values()].map((days) => days.size))).toEqual(new Set([61]));
    expect(full.syncedRecords.map((r) => r.day).sort()[0]).toBe(READINESS_FIRST_DAY);
  });
});

describe('history', () => {
  it('rises towards the published figure across the cut-offs, from far lower in early June', () => {
    const series = DATASET_CUTOFFS.map((c) => fullyMet(full, c));
    expect(series[0]).toBeLessThan(100);
    for (let i = 1; i < series.length; i++) expect(series[i]).toBeGreaterThanOrEqual(series[i - 1]);
    expect(series[series.length - 1]).toBe(1981);
  });

  it('records an event only when the finding changes, never after the published cut-off', () => {
    expect(full.assessments.reduce((m, a) => Math.max(m, a.assessedAt.getTime()), 0)).toBeLessThanOrEqual(PUBLISHED_CUTOFF.getTime());
    const byKey = new Map<string, { met: boolean; at: number }[]>();
    for (const a of full.assessments) {
      const key = `${a.communeCode}|${a.criterionCode}`;
      if (!byKey.has(key)) byKey.set(key, []);
      byKey.get(key)!.push({ met: a.met, at: a.assessedAt.getTime() });
    }
    let repeats = 0;
    for (const events of byKey.values()) {
      events.sort((a, b) => a.at - b.at);
      for (let i = 1; i < events.length; i++) if (events[i].met === events[i - 1].met) repeats++;
    }
    expect(repeats).toBe(0);
    expect([...byKey.values()].some((e) => e.length > 1)).toBe(true);
  });

  it('leaves some pairs never assessed (they count as not met)', () => {
    const assessed = new Set(full.assessments.map((a) => `${a.communeCode}|${a.criterionCode}`));
    expect(assessed.size).toBeLessThan(3321 * READINESS_CRITERIA.length);
  });
});

describe('determinism and fractions', () => {
  it('gives the same data for the same seed and other data for another seed', () => {
    const again = generateReadiness();
    expect(again.assessments.slice(0, 200)).toEqual(full.assessments.slice(0, 200));
    expect(again.onlineApplications).toEqual(full.onlineApplications);
    expect(generateReadiness({ seed: 7 }).assessments.slice(0, 50)).not.toEqual(full.assessments.slice(0, 50));
  });

  it('keeps, at a fraction, exactly the history of the kept communes in the full dataset', () => {
    const tenth = generateReadiness({ fraction: 0.1 });
    const kept = new Set(tenth.localities.map((l) => l.code));
    expect(kept.size).toBe(generateLocalities({ fraction: 0.1 }).communes.length);
    expect(tenth.assessments).toEqual(full.assessments.filter((a) => kept.has(a.communeCode)));
    expect(tenth.syncedRecords.length).toBe(kept.size * 61);
    expect(tenth.onlineApplications).toEqual(full.onlineApplications);
    expect(
      full.onlineApplications.every(
        (r) => r.day >= READINESS_FIRST_DAY && r.day <= READINESS_LAST_DAY && r.submittedOnline <= r.received && r.resultsOnline <= r.received,
      ),
    ).toBe(true);
  });
});
