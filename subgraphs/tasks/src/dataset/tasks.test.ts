import { coverage, DATASET_CUTOFFS, generateLocalities, MONITORING_START, PUBLISHED_CUTOFF } from '@kh02/subgraph-kit';
import { countColours, coverageBands } from '../modules/country/country.service';
import { countsAsGreen, DEFAULT_THRESHOLDS, progressStatus, type LatestReport, type Schedule } from '../modules/progress/progress.rule';
import { GREEN_COMMUNE_TARGETS, generateTasksDataset, TASKS_PLAN_CODE } from './tasks';

const full = generateTasksDataset();
const tenth = generateTasksDataset({ fraction: 0.1 });

describe('generateTasksDataset', () => {
  it('is deterministic and memoized; another seed gives another history but the same catalog', () => {
    expect(generateTasksDataset()).toBe(full);
    const other = generateTasksDataset({ seed: 7 });
    expect(other.tasks).toEqual(full.tasks);
    expect(other.reports.map((r) => r.reportedAt.getTime())).not.toEqual(full.reports.map((r) => r.reportedAt.getTime()));
  });

  it('has the plan, at least six groups with the three named ones, and 25–40 tasks at three levels', () => {
    expect(full.plan.code).toBe(TASKS_PLAN_CODE);
    expect(full.plan.issuedOn).toBe('2025-06-19');
    expect(full.plan.monitoringStart).toEqual(MONITORING_START);
    expect(full.groups.length).toBeGreaterThanOrEqual(6);
    expect(full.groups.map((g) => g.name)).toEqual(
      expect.arrayContaining([
        'Completing institutions and the legal architecture',
        'Building digital infrastructure and key databases',
        'Developing resources',
      ]),
    );
    expect(full.tasks.length).toBeGreaterThanOrEqual(25);
    expect(full.tasks.length).toBeLessThanOrEqual(40);
    for (const level of ['CENTRAL', 'PROVINCE', 'COMMUNE']) expect(full.tasks.some((t) => t.level === level)).toBe(true);
    for (const g of full.groups) expect(full.tasks.some((t) => t.groupCode === g.code)).toBe(true);
    for (const t of full.tasks) expect(t.startsAt.getTime()).toBeLessThan(t.deadline.getTime());
  });

  it('assigns every province task to every province and every commune task to every commune', () => {
    const registry = generateLocalities();
    const province = full.tasks.filter((t) => t.level === 'PROVINCE').length;
    const commune = full.tasks.filter((t) => t.level === 'COMMUNE').length;
    expect(full.assignments).toHaveLength(34 * province + 3321 * commune);
    expect(full.localities).toHaveLength(34 + 3321);
    const keys = new Set(full.assignments.map((a) => `${a.taskCode}|${a.localityCode}`));
    expect(keys.size).toBe(full.assignments.length);
    const provinceOf = new Map(registry.communes.map((c) => [c.code, c.provinceCode]));
    for (const a of full.assignments) expect(a.provinceCode).toBe(a.level === 'PROVINCE' ? a.localityCode : provinceOf.get(a.localityCode));
  });

  it('green targets: F2 provinces all, F5 3 and 3, thirteen others above 70 % (at fraction 1)', () => {
    const units = new Map(generateLocalities().provinces.map((p) => [p.code, p.unitsTotal]));
    expect(Object.keys(GREEN_COMMUNE_TARGETS).sort()).toEqual([...units.keys()].sort());
    const full100 = Object.entries(full.greenTargets)
      .filter(([c, n]) => n === units.get(c))
      .map(([c]) => c);
    expect(full100.sort()).toEqual(['01', '14', '15', '20', '25', '33', '46', '96']);
    expect(full.greenTargets['04']).toBe(3);
    expect(full.greenTargets['12']).toBe(3);
    const bands = coverageBands(Object.entries(full.greenTargets).map(([c, n]) => coverage(n, units.get(c)!)));
    expect(bands).toMatchObject({ full: 8, above70: 13 });
  });

  it('F1, F2, F3, F5 hold through the subgraph\u2019s own rules at the published cut-off: colours, green coverage and bands', () => {
    const at = PUBLISHED_CUTOFF;
    const tasks = new Map(full.tasks.map((t) => [t.code, t]));
    // Reports are in time order, so the last one at or before the cut-off wins.
    const latest = new Map<number, LatestReport>();
    for (const r of full.reports) if (r.assignmentId !== null && r.reportedAt <= at) latest.set(r.assignmentId, r);
    const byLocality = new Map<string, { schedule: Schedule; latest: LatestReport | null }[]>();
    for (const a of full.assignments) {
      const list = byLocality.get(a.localityCode) ?? [];
      list.push({ schedule: tasks.get(a.taskCode)!, latest: latest.get(a.id) ?? null });
      byLocality.set(a.localityCode, list);
    }
    const colourOf = (code: string) => progressStatus(byLocality.get(code) ?? [], at, DEFAULT_THRESHOLDS);
    const registry = generateLocalities();
    expect(countColours(registry.provinces.map((p) => colourOf(p.code)))).toEqual({ green: 34, yellow: 0, red: 0 });
    const coverages = new Map(
      registry.provinces.map((p) => {
        const communes = registry.communes.filter((c) => c.provinceCode === p.code);
        const green = communes.filter((c) =>
          countsAsGreen(
            colourOf(c.code),
            (byLocality.get(c.code) ?? []).some((a) => a.latest !== null),
          ),
        ).length;
        return [p.code, coverage(green, communes.length)];
      }),
    );
    for (const [code, c] of coverages) expect(c.numerator).toBe(full.greenTargets[code]);
    expect([...coverages].filter(([, c]) => c.rate === 1).map(([code]) => code)).toEqual(['01', '14', '15', '20', '25', '33', '46', '96']);
    expect([coverages.get('04')!.percent, coverages.get('12')!.percent]).toEqual([5.36, 7.89]);
    expect(coverageBands([...coverages.values()])).toEqual({ full: 8, above70: 13, above50: 5, below50: 8 });
  });

  it('reports: ids in time order, within the history, never before the task starts, only on change, never decreasing', () => {
    // Collect violations and assert once: 43k reports × several expect() calls would take seconds.
    const tasks = new Map(full.tasks.map((t) => [t.code, t]));
    const last = DATASET_CUTOFFS[DATASET_CUTOFFS.length - 1].getTime();
    const problems: string[] = [];
    const previous = new Map<string, number>();
    full.reports.forEach((r, i) => {
      const t = r.reportedAt.getTime();
      if (r.id !== i + 1) problems.push(`report ${i} has id ${r.id}`);
      if (i > 0 && t < full.reports[i - 1].reportedAt.getTime()) problems.push(`report ${r.id} out of time order`);
      if (t <= MONITORING_START.getTime() || t > last) problems.push(`report ${r.id} outside the history`);
      if (t <= tasks.get(r.taskCode)!.startsAt.getTime()) problems.push(`report ${r.id} before its task starts`);
      if (r.state !== (r.percent === 100 ? 'COMPLETED' : r.percent > 0 ? 'IN_PROGRESS' : 'NOT_STARTED'))
        problems.push(`report ${r.id} state ${r.state} at ${r.percent} %`);
      const key = r.assignmentId === null ? r.taskCode : String(r.assignmentId);
      if (r.percent <= (previous.get(key) ?? 0)) problems.push(`report ${r.id} does not increase ${key}`);
      previous.set(key, r.percent);
    });
    expect(problems).toEqual([]);
    expect(full.reports.length).toBeGreaterThan(full.assignments.length);
  });

  it('F11 by construction: exactly six central tasks past due and incomplete at the published cut-off, every assigned task due by then finished everywhere', () => {
    const at = PUBLISHED_CUTOFF.getTime();
    const latest = new Map<string, number>();
    for (const r of full.reports) if (r.reportedAt.getTime() <= at) latest.set(r.assignmentId === null ? r.taskCode : String(r.assignmentId), r.percent);
    const overdueCentral = full.tasks.filter((t) => t.level === 'CENTRAL' && t.deadline.getTime() < at && (latest.get(t.code) ?? 0) < 100);
    expect(overdueCentral.map((t) => t.groupCode).sort()).toEqual(['INFRASTRUCTURE', 'INSTITUTIONS', 'INSTITUTIONS', 'PLATFORMS', 'RESOURCES', 'SECURITY']);
    const due = new Set(full.tasks.filter((t) => t.level !== 'CENTRAL' && t.deadline.getTime() < at).map((t) => t.code));
    expect(due.size).toBeGreaterThan(0);
    for (const a of full.assignments) if (due.has(a.taskCode)) expect(latest.get(String(a.id))).toBe(100);
  });

  it('a fraction keeps the first communes with the very same histories', () => {
    expect(tenth.localities.length).toBeLessThan(full.localities.length / 5);
    const fullByKey = new Map(full.assignments.map((a) => [`${a.taskCode}|${a.localityCode}`, a.id]));
    const fullHistory = new Map<number, string>();
    for (const r of full.reports)
      if (r.assignmentId) fullHistory.set(r.assignmentId, `${fullHistory.get(r.assignmentId) ?? ''}${r.percent}@${r.reportedAt.getTime()};`);
    const tenthHistory = new Map<number, string>();
    for (const r of tenth.reports)
      if (r.assignmentId) tenthHistory.set(r.assignmentId, `${tenthHistory.get(r.assignmentId) ?? ''}${r.percent}@${r.reportedAt.getTime()};`);
    for (const a of tenth.assignments) {
      const id = fullByKey.get(`${a.taskCode}|${a.localityCode}`);
      expect(id).toBeDefined();
      expect(tenthHistory.get(a.id)).toBe(fullHistory.get(id!));
    }
    for (const [code, n] of Object.entries(tenth.greenTargets)) expect(n).toBeLessThanOrEqual(full.greenTargets[code]);
  });

  it('rejects a bad fraction', () => {
    expect(() => generateTasksDataset({ fraction: 0 })).toThrow(RangeError);
  });
});
