import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { raw } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { ProgressReport } from './progress.entity';
import type { LocalityIndex } from '../locality/locality.loaders';
import type { Catalog } from '../task/task.loaders';
import { TaskLevel } from './progress.enums';
import type { ProgressThresholds } from './progress.rule';
import {
  assessRows,
  readAssignments,
  readReports,
  summariseAssignedTask,
  summariseCentralTask,
  summariseLocality,
  summariseProvince,
  type AssessedAssignment,
  type AssignmentScope,
  type LocalityProgress,
  type ProvinceSummary,
  type ReportRow,
  type TaskProgressSummary,
} from './progress.service';

/** A code (locality, province, task) read at a moment. */
export interface AtKey {
  code: string;
  asOf: Date;
}

/** An assignment id read at a moment. */
export interface AssignmentAtKey {
  id: number;
  asOf: Date;
}

const keyOf = (k: { code?: string; id?: number; asOf: Date }) => `${k.code ?? k.id}@${k.asOf.getTime()}`;

/** Groups loader keys by their moment: one query per distinct `asOf`, whatever the number of keys. */
function byMoment<K extends { asOf: Date }>(keys: readonly K[]): Map<number, K[]> {
  const groups = new Map<number, K[]>();
  for (const k of keys) {
    const t = k.asOf.getTime();
    const list = groups.get(t);
    if (list) list.push(k);
    else groups.set(t, [k]);
  }
  return groups;
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What the progress loaders read besides the database. */
export interface ProgressLoaderDeps {
  em: EntityManager;
  catalog: () => Promise<Catalog>;
  localities: () => Promise<LocalityIndex>;
  thresholds: ProgressThresholds;
}

/**
 * Per-request progress loaders. Every loader that touches the database costs one statement per
 * distinct `asOf` in a batch; the summaries are computed from them without further SQL.
 */
export function createProgressLoaders({ em, catalog, localities, thresholds }: ProgressLoaderDeps) {
  /** Assessed assignments whose `column` is the key's code. */
  const assessedBy = (column: AssignmentScope['column'], field: 'localityCode' | 'provinceCode' | 'taskCode') =>
    new DataLoader<AtKey, AssessedAssignment[], string>(
      async (keys) => {
        const { taskByCode } = await catalog();
        const found = new Map<string, AssessedAssignment[]>();
        for (const [time, group] of byMoment(keys)) {
          const asOf = new Date(time);
          const rows = await readAssignments(em, asOf, { column, values: [...new Set(group.map((k) => k.code))] });
          for (const a of assessRows(rows, taskByCode, asOf)) push(found, keyOf({ code: a[field], asOf }), a);
        }
        return keys.map((k) => found.get(keyOf(k)) ?? []);
      },
      { cacheKeyFn: keyOf },
    );

  const assignmentsOfLocality = assessedBy('locality_code', 'localityCode');
  const assignmentsOfProvince = assessedBy('province_code', 'provinceCode');
  const assignmentsOfTask = assessedBy('task_code', 'taskCode');

  /** A central task's own reports up to the moment, oldest first. */
  const centralReports = new DataLoader<AtKey, ReportRow[], string>(
    async (keys) => {
      const found = new Map<string, ReportRow[]>();
      for (const [time, group] of byMoment(keys)) {
        const asOf = new Date(time);
        const rows = await readReports(em, asOf, { centralTaskCodes: [...new Set(group.map((k) => k.code))] });
        for (const r of rows) push(found, keyOf({ code: r.taskCode, asOf }), r);
      }
      return keys.map((k) => found.get(keyOf(k)) ?? []);
    },
    { cacheKeyFn: keyOf },
  );

  /** An assignment's reports up to the moment, oldest first. */
  const assignmentReports = new DataLoader<AssignmentAtKey, ReportRow[], string>(
    async (keys) => {
      const found = new Map<string, ReportRow[]>();
      for (const [time, group] of byMoment(keys)) {
        const asOf = new Date(time);
        const rows = await readReports(em, asOf, { assignmentIds: [...new Set(group.map((k) => k.id))] });
        for (const r of rows) push(found, keyOf({ id: r.assignmentId!, asOf }), r);
      }
      return keys.map((k) => found.get(keyOf(k)) ?? []);
    },
    { cacheKeyFn: keyOf },
  );

  /** A locality's (commune's or province's) own progress and colour. */
  const localityProgress = new DataLoader<AtKey, LocalityProgress, string>(
    async (keys) => {
      const lists = await assignmentsOfLocality.loadMany([...keys]);
      return lists.map((list) => (list instanceof Error ? list : summariseLocality(list, thresholds)));
    },
    { cacheKeyFn: keyOf },
  );

  /** A province's colour, green communes and overdue tasks. */
  const provinceSummary = new DataLoader<AtKey, ProvinceSummary, string>(
    async (keys) => {
      const lists = await assignmentsOfProvince.loadMany([...keys]);
      return lists.map((list, i) => (list instanceof Error ? list : summariseProvince(keys[i].code, keys[i].asOf, list, thresholds)));
    },
    { cacheKeyFn: keyOf },
  );

  /** A task's progress: its own reports if central, its assignments otherwise. Unknown codes give an error value. */
  const taskProgress = new DataLoader<AtKey, TaskProgressSummary, string>(
    async (keys) => {
      const { taskByCode } = await catalog();
      const central = keys.filter((k) => taskByCode.get(k.code)?.level === TaskLevel.CENTRAL);
      const assigned = keys.filter((k) => taskByCode.has(k.code) && taskByCode.get(k.code)!.level !== TaskLevel.CENTRAL);
      const [reports, assignments] = await Promise.all([centralReports.loadMany(central), assignmentsOfTask.loadMany(assigned)]);
      const found = new Map<string, TaskProgressSummary | Error>();
      central.forEach((k, i) => {
        const r = reports[i];
        found.set(keyOf(k), r instanceof Error ? r : summariseCentralTask(taskByCode.get(k.code)!, r, k.asOf));
      });
      assigned.forEach((k, i) => {
        const a = assignments[i];
        found.set(keyOf(k), a instanceof Error ? a : summariseAssignedTask(taskByCode.get(k.code)!, a, k.asOf));
      });
      return keys.map((k) => found.get(keyOf(k)) ?? new Error(`Unknown task ${k.code}`));
    },
    { cacheKeyFn: keyOf },
  );

  /** Every province's summary at a moment (the national roll-ups), through the per-province loader. */
  const allProvinces = async (asOf: Date): Promise<ProvinceSummary[]> => {
    const { provinceCodes } = await localities();
    return provinceSummary.loadMany(provinceCodes.map((code) => ({ code, asOf }))).then((list) =>
      list.map((s) => {
        if (s instanceof Error) throw s;
        return s;
      }),
    );
  };

  /** Each assignment's version: the number of its reports recorded so far (whatever the moment read at). One statement per batch. */
  const assignmentVersions = new DataLoader<number, number>(async (ids) => {
    const rows = await em
      .createQueryBuilder(ProgressReport)
      .select(['assignmentId', raw('max(version) as v')])
      .where({ assignmentId: { $in: [...ids] } })
      .groupBy('assignmentId')
      .execute<{ assignmentId: number; v: unknown }[]>('all');
    const byId = new Map(rows.map((r) => [Number(r.assignmentId), r.v == null ? 0 : Number(r.v)]));
    return ids.map((id) => byId.get(id) ?? 0);
  });

  return {
    assignmentVersions,
    assignmentsOfLocality,
    assignmentsOfProvince,
    assignmentsOfTask,
    centralReports,
    assignmentReports,
    localityProgress,
    provinceSummary,
    taskProgress,
    allProvinces,
  };
}

/** The progress loaders of one request. */
export type ProgressLoaders = ReturnType<typeof createProgressLoaders>;
