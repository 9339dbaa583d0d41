import { knownAsOf, type RecordLocality } from '@kh02/subgraph-kit';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import type { Task } from '../task/task.entity';
import { ProgressState, TaskLevel } from './progress.enums';
import { assess, colourOf, countsAsGreen, expectedPercent, type Assessment, type Colour, type ProgressThresholds } from './progress.rule';

/** A progress report as read from the database. */
export interface ReportRow {
  id: number;
  taskCode: string;
  assignmentId: number | null;
  state: ProgressState;
  percent: number;
  reportedAt: Date;
  reportedBy: string;
  version: number | null;
  recordedAt: Date | null;
  correctionReason: string | null;
  note?: string | null;
  /** Where the report belongs, for the access check on `reportedBy`; absent = a central task's (national readers only). */
  locality?: RecordLocality;
}

/** An assignment with its last report at or before some moment. */
export interface AssignmentRow {
  id: number;
  taskCode: string;
  level: TaskLevel;
  localityCode: string;
  provinceCode: string;
  latest: ReportRow | null;
}

/** An assignment judged by the colour rule at `asOf`. */
export interface AssessedAssignment extends AssignmentRow {
  asOf: Date;
  task: Task;
  assessment: Assessment;
}

/** Which assignments to read: those whose column is one of the values (all assignments when null). */
export interface AssignmentScope {
  column: 'locality_code' | 'province_code' | 'task_code' | 'id';
  values: readonly string[];
}

/** Runs a knex query through the request's entity manager, so the statement is counted for the request. */
function run<T>(em: EntityManager, query: unknown): Promise<T[]> {
  return em.execute(query as never, [], 'all', em.getLoggerContext()) as Promise<T[]>;
}

/** A Date as the database stores it (SQLite keeps epoch milliseconds, PostgreSQL timestamptz). */
function dbTime(em: EntityManager, at: Date): unknown {
  return em.getPlatform().processDateProperty(at);
}

const toDate = (v: unknown): Date => (v instanceof Date ? v : new Date(typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : (v as string | number)));

interface RawReport {
  id: number;
  task_code: string;
  assignment_id: number | null;
  state: string;
  percent: number;
  reported_at: unknown;
  reported_by: string;
  version: number | null;
  recorded_at: unknown;
  correction_reason: string | null;
  note?: string | null;
}

function toReport(r: RawReport): ReportRow {
  return {
    id: Number(r.id),
    taskCode: r.task_code,
    assignmentId: r.assignment_id == null ? null : Number(r.assignment_id),
    state: r.state as ProgressState,
    percent: Number(r.percent),
    reportedAt: toDate(r.reported_at),
    reportedBy: r.reported_by,
    version: r.version == null ? null : Number(r.version),
    recordedAt: r.recorded_at == null ? null : toDate(r.recorded_at),
    correctionReason: r.correction_reason ?? null,
    note: r.note ?? null,
  };
}

/**
 * Assignments in scope, each with its last report at or before `asOf`: ONE statement, whatever
 * the number of assignments (a correlated sub-select on the (assignment, time) index picks the
 * latest report). Ordered by assignment id.
 */
export async function readAssignments(em: EntityManager, asOf: Date, scope: AssignmentScope | null): Promise<AssignmentRow[]> {
  if (scope && scope.values.length === 0) return [];
  const knex = em.getKnex();
  const latestId = knex('progress_report as r2')
    .select('r2.id')
    .whereRaw('r2.assignment_id = a.id')
    .andWhere('r2.reported_at', '<=', dbTime(em, asOf) as never)
    .andWhere(knownAsOf(knex, 'r2.recorded_at', dbTime(em, asOf)))
    .orderBy([
      { column: 'r2.reported_at', order: 'desc' },
      { column: 'r2.id', order: 'desc' },
    ])
    .limit(1);
  const query = knex('assignment as a')
    .leftJoin('progress_report as r', (j) => j.on('r.id', '=', knex.raw('(?)', [latestId])))
    .select(
      'a.id',
      'a.task_code',
      'a.level',
      'a.locality_code',
      'a.province_code',
      'r.id as report_id',
      'r.state',
      'r.percent',
      'r.reported_at',
      'r.reported_by',
      'r.version',
      'r.recorded_at',
      'r.correction_reason',
      'r.note',
    )
    .orderBy('a.id');
  if (scope) query.whereIn(`a.${scope.column}`, [...scope.values]);
  const rows = await run<RawReport & { report_id: number | null; level: string; locality_code: string; province_code: string }>(em, query);
  // Built field by field, not by spreading: this runs for every assignment of the country (20k).
  const out: AssignmentRow[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    out[i] = {
      id: Number(r.id),
      taskCode: r.task_code,
      level: r.level as TaskLevel,
      localityCode: r.locality_code,
      provinceCode: r.province_code,
      latest:
        r.report_id == null
          ? null
          : {
              id: Number(r.report_id),
              taskCode: r.task_code,
              assignmentId: Number(r.id),
              state: r.state as ProgressState,
              percent: Number(r.percent),
              reportedAt: toDate(r.reported_at),
              reportedBy: r.reported_by,
              version: r.version == null ? null : Number(r.version),
              recordedAt: r.recorded_at == null ? null : toDate(r.recorded_at),
              correctionReason: r.correction_reason ?? null,
              note: r.note ?? null,
            },
    };
  }
  return out;
}

/** Report histories up to `asOf`, oldest first: of the given assignments, or of the given central tasks. One statement. */
export async function readReports(
  em: EntityManager,
  asOf: Date,
  scope: { assignmentIds: readonly number[] } | { centralTaskCodes: readonly string[] },
): Promise<ReportRow[]> {
  const query = em
    .getKnex()('progress_report')
    .select('id', 'task_code', 'assignment_id', 'state', 'percent', 'reported_at', 'reported_by', 'version', 'recorded_at', 'correction_reason', 'note')
    .where('reported_at', '<=', dbTime(em, asOf) as never)
    .andWhere(knownAsOf(em.getKnex(), 'recorded_at', dbTime(em, asOf)))
    .orderBy([{ column: 'reported_at' }, { column: 'id' }]);
  if ('assignmentIds' in scope) {
    if (scope.assignmentIds.length === 0) return [];
    query.whereIn('assignment_id', [...scope.assignmentIds]);
  } else {
    if (scope.centralTaskCodes.length === 0) return [];
    query.whereNull('assignment_id').whereIn('task_code', [...scope.centralTaskCodes]);
  }
  return (await run<RawReport>(em, query)).map(toReport);
}

/** Judges assignment rows at `asOf` with their tasks' schedules. */
export function assessRows(rows: readonly AssignmentRow[], tasks: ReadonlyMap<string, Task>, asOf: Date): AssessedAssignment[] {
  // A loop building each object whole (no spread): this runs for every assignment of the country.
  const out: AssessedAssignment[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    const task = tasks.get(row.taskCode);
    if (!task) throw new Error(`Assignment ${row.id} refers to a missing task ${row.taskCode}`);
    out[i] = {
      id: row.id,
      taskCode: row.taskCode,
      level: row.level,
      localityCode: row.localityCode,
      provinceCode: row.provinceCode,
      latest: row.latest,
      asOf,
      task,
      assessment: assess(task, row.latest, asOf),
    };
  }
  return out;
}

/** A locality's progress at one moment, from its own assignments. */
export interface LocalityProgress {
  colour: Colour;
  /** Any report at or before the moment. */
  hasReport: boolean;
  /** GREEN and reported: what green coverage counts. */
  countsAsGreen: boolean;
  /** Time of the newest report, null without one. */
  lastReportedAt: Date | null;
}

/** Applies the colour rule to one locality's assessed assignments. */
export function summariseLocality(assignments: readonly AssessedAssignment[], thresholds: ProgressThresholds): LocalityProgress {
  const colour = colourOf(
    assignments.map((a) => a.assessment),
    thresholds,
  );
  let lastReportedAt: Date | null = null;
  for (const a of assignments) {
    if (a.latest && (!lastReportedAt || a.latest.reportedAt > lastReportedAt)) lastReportedAt = a.latest.reportedAt;
  }
  return { colour, hasReport: lastReportedAt !== null, countsAsGreen: countsAsGreen(colour, lastReportedAt !== null), lastReportedAt };
}

/** A province at one moment: its own colour, its green communes, its overdue tasks. */
export interface ProvinceSummary {
  provinceCode: string;
  asOf: Date;
  /** From the province-level assignments only. */
  colour: Colour;
  /** Communes (of those with assignments) that count as green. */
  greenCommunes: number;
  /** Codes of tasks with at least one overdue assignment in the province (its own or its communes'). */
  overdueTaskCodes: string[];
}

/** Summarises all assignments of one province (province-level and commune-level). */
export function summariseProvince(
  provinceCode: string,
  asOf: Date,
  assignments: readonly AssessedAssignment[],
  thresholds: ProgressThresholds,
): ProvinceSummary {
  const own: AssessedAssignment[] = [];
  const byCommune = new Map<string, AssessedAssignment[]>();
  const overdue = new Set<string>();
  for (const a of assignments) {
    if (a.assessment.overdue) overdue.add(a.taskCode);
    if (a.level === TaskLevel.PROVINCE) own.push(a);
    else {
      const list = byCommune.get(a.localityCode);
      if (list) list.push(a);
      else byCommune.set(a.localityCode, [a]);
    }
  }
  let greenCommunes = 0;
  for (const list of byCommune.values()) if (summariseLocality(list, thresholds).countsAsGreen) greenCommunes++;
  return {
    provinceCode,
    asOf,
    colour: colourOf(
      own.map((a) => a.assessment),
      thresholds,
    ),
    greenCommunes,
    overdueTaskCodes: [...overdue].sort(),
  };
}

/** A task's progress at one moment. */
export interface TaskProgressSummary {
  asOf: Date;
  state: ProgressState;
  /** Central: last reported percent. Assigned tasks: mean over assignments (0 without any). */
  percent: number;
  expectedPercent: number;
  overdue: boolean;
  assignmentCount: number;
  completedAssignments: number;
  overdueAssignments: number;
}

/** A central task's progress from its own reports up to `asOf` (oldest first). */
export function summariseCentralTask(task: Task, reports: readonly ReportRow[], asOf: Date): TaskProgressSummary {
  const latest = reports.length ? reports[reports.length - 1] : null;
  const a = assess(task, latest, asOf);
  return {
    asOf,
    state: a.completed ? ProgressState.COMPLETED : latest && latest.state !== ProgressState.NOT_STARTED ? ProgressState.IN_PROGRESS : ProgressState.NOT_STARTED,
    percent: a.reportedPercent,
    expectedPercent: a.expectedPercent,
    overdue: a.overdue,
    assignmentCount: 0,
    completedAssignments: 0,
    overdueAssignments: 0,
  };
}

/**
 * A province- or commune-level task's progress from its assignments: COMPLETED when every
 * assignment is (and there is at least one), NOT_STARTED while none has reported progress,
 * IN_PROGRESS otherwise; overdue when at least one assignment is overdue.
 */
export function summariseAssignedTask(task: Task, assignments: readonly AssessedAssignment[], asOf: Date): TaskProgressSummary {
  let completed = 0;
  let overdue = 0;
  let started = 0;
  let sum = 0;
  for (const a of assignments) {
    if (a.assessment.completed) completed++;
    if (a.assessment.overdue) overdue++;
    if (a.latest && a.latest.state !== ProgressState.NOT_STARTED) started++;
    sum += a.assessment.reportedPercent;
  }
  const n = assignments.length;
  return {
    asOf,
    state: n > 0 && completed === n ? ProgressState.COMPLETED : started > 0 ? ProgressState.IN_PROGRESS : ProgressState.NOT_STARTED,
    percent: n ? sum / n : 0,
    expectedPercent: expectedPercent(task, asOf),
    overdue: overdue > 0,
    assignmentCount: n,
    completedAssignments: completed,
    overdueAssignments: overdue,
  };
}
