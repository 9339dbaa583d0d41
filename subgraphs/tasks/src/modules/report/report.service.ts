import { raw } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  canWrite,
  correctionRule,
  FieldInputError,
  ForbiddenError,
  insertVersioned,
  latestCutoff,
  checkImportSize,
  RowErrors,
  RowsRejected,
  rowField,
  runWrite,
  SCOPES,
  type AuditDraft,
  type ImportReceipt,
  UnauthenticatedError,
  writeMoment,
  type RecordLocality,
} from '@kh02/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { TasksContext } from '../../context';
import type { Catalog } from '../task/task.loaders';
import { AssignmentEntity } from '../assignment/assignment.entity';
import { ProgressReport } from '../progress/progress.entity';
import { ProgressState, TaskLevel } from '../progress/progress.enums';
import type { ReportProgressInput } from './report.inputs';

/** What reportProgress answers with, and replays for a repeated Idempotency-Key. */
export interface ReportReceipt {
  reportId: number;
  assignmentId: number;
  version: number;
}

/** An assignment's version: the number of its reports recorded so far (0 without any). */
export async function assignmentVersion(em: EntityManager, assignmentId: number): Promise<number> {
  const [row] = await em.createQueryBuilder(ProgressReport).select(raw('max(version) as v')).where({ assignmentId }).execute<{ v: unknown }[]>('all');
  return row?.v == null ? 0 : Number(row.v);
}

/** Where an assignment belongs, for rights and the access check on its reports. */
export function localityOfAssignment(a: Pick<AssignmentEntity, 'level' | 'localityCode' | 'provinceCode'>): RecordLocality {
  return a.level === TaskLevel.COMMUNE ? { province: a.provinceCode, commune: a.localityCode } : { province: a.provinceCode, commune: null };
}

function percentOf(input: ReportProgressInput): number {
  if (input.completed) {
    if (input.percent != null && input.percent !== 100)
      throw new FieldInputError('input.percent', 'A completed assignment is at 100 %: leave percent out or send 100.');
    return 100;
  }
  if (input.percent == null) throw new FieldInputError('input.percent', 'percent is required (a whole number 0–100) unless completed is true.');
  if (!Number.isInteger(input.percent) || input.percent < 0 || input.percent > 100) {
    throw new FieldInputError('input.percent', `percent must be a whole number from 0 to 100 (got ${input.percent}).`);
  }
  return input.percent;
}

/** Appends one report inside a write's transaction: rights, input, correction rule, version check. */
async function appendReport(
  ctx: TasksContext,
  em: EntityManager,
  input: ReportProgressInput,
  catalog: Catalog,
): Promise<{ receipt: ReportReceipt; audit: AuditDraft }> {
  const { planByCode, taskByCode } = catalog;
  const assignment = await em.findOne(AssignmentEntity, { id: input.assignmentId });
  const verdict = assignment ? canWrite(ctx.caller, SCOPES.WRITE_PROGRESS, localityOfAssignment(assignment)) : canWrite(ctx.caller, SCOPES.WRITE_PROGRESS, {});
  if (verdict === 'UNAUTHENTICATED') throw new UnauthenticatedError('Reporting progress needs a signed-in official or admin (a bearer token).');
  if (!assignment) {
    if (ctx.caller.roles.includes('admin') || ctx.caller.province !== undefined || ctx.caller.commune !== undefined) {
      throw new FieldInputError('input.assignmentId', `There is no assignment ${input.assignmentId}.`);
    }
    throw new ForbiddenError('You may not report progress.');
  }
  const where = localityOfAssignment(assignment);
  if (verdict !== 'ok') {
    throw new ForbiddenError(
      `You may not report progress on assignment ${assignment.id} (${assignment.level === TaskLevel.COMMUNE ? 'commune' : 'province'} ${assignment.localityCode}): officials write for their own locality only.`,
    );
  }
  const percent = percentOf(input);
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) throw new FieldInputError('input.note', 'note must be at most 2000 characters.');
  if (input.expectedVersion != null && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0)) {
    throw new FieldInputError('input.expectedVersion', 'expectedVersion must be a whole number, 0 or more.');
  }
  const plan = planByCode.get(taskByCode.get(assignment.taskCode)?.planCode ?? '');
  const reportedAt = writeMoment(input.reportedAt, 'input.reportedAt', plan?.monitoringStart);
  const { correction, reason } = correctionRule(ctx.caller, reportedAt, await latestCutoff(em), input.reason, where, 'input.reason');
  const previous = await em.findOne(ProgressReport, { assignmentId: assignment.id }, { orderBy: { version: 'desc' } });
  const recordedAt = new Date();
  const { row, version } = await insertVersioned(em, {
    stream: `Assignment ${assignment.id}`,
    lock: { table: 'assignment', where: { id: assignment.id } },
    expectedVersion: input.expectedVersion,
    currentVersion: (e) => assignmentVersion(e, assignment.id),
    row: (v) =>
      Object.assign(new ProgressReport(), {
        taskCode: assignment.taskCode,
        assignmentId: assignment.id,
        state: percent === 100 ? ProgressState.COMPLETED : percent === 0 ? ProgressState.NOT_STARTED : ProgressState.IN_PROGRESS,
        percent,
        reportedAt,
        reportedBy: ctx.caller.subject ?? 'unknown',
        version: v,
        recordedAt,
        correctionReason: reason,
        note,
      }),
  });
  const after = { id: row.id, version, percent, state: row.state, reportedAt: reportedAt.toISOString(), recordedAt: recordedAt.toISOString(), note };
  const before = previous && {
    id: previous.id,
    version: previous.version,
    percent: previous.percent,
    state: previous.state,
    reportedAt: previous.reportedAt.toISOString(),
  };
  return {
    receipt: { reportId: row.id, assignmentId: assignment.id, version },
    audit: {
      entityType: 'ProgressReport',
      entityId: String(row.id),
      before: before ?? null,
      after: { assignmentId: assignment.id, ...after },
      correction,
      reason,
    },
  };
}

/**
 * Appends a progress report to an assignment's history: rights (`canWrite`), input, the correction
 * rule, the version check, then one transaction for the report, its audit row and the idempotency
 * row (see `runWrite`).
 */
export async function reportProgress(ctx: TasksContext, input: ReportProgressInput): Promise<ReportReceipt> {
  const spec = { operation: 'reportProgress', input, entityType: 'Assignment', entityId: String(input.assignmentId) };
  // Read before the transaction: on SQLite the transaction holds the one connection.
  const catalog = await ctx.catalog();
  return runWrite<ReportReceipt>(ctx, spec, async (em) => {
    const { receipt, audit } = await appendReport(ctx, em, input, catalog);
    return { receipt, audits: [audit] };
  });
}

/**
 * Appends many reports, all or none (the bulk load of `npm run import -- --kind progress`): every
 * refused row is reported (row index, field, message) and nothing is written; one transaction.
 */
export async function importProgressReports(ctx: TasksContext, rows: readonly ReportProgressInput[]): Promise<ImportReceipt> {
  const spec = { operation: 'importProgressReports', input: { rows }, entityType: 'Assignment', entityId: null };
  const catalog = await ctx.catalog();
  return runWrite<ImportReceipt>(ctx, spec, async (em) => {
    if (ctx.caller.subject === undefined) throw new UnauthenticatedError('Reporting progress needs a signed-in official or admin (a bearer token).');
    checkImportSize(rows.length);
    const errors = new RowErrors();
    const audits: AuditDraft[] = [];
    for (const [i, input] of rows.entries()) {
      try {
        audits.push((await appendReport(ctx, em, input, catalog)).audit);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        errors.add(i, rowField(error.extensions), error.message);
      }
    }
    if (!errors.empty)
      throw new RowsRejected<ImportReceipt>(
        { accepted: false, written: 0, corrected: 0, rowErrors: errors.errors, replayed: false },
        errors.summary(rows.length),
      );
    const corrected = audits.filter((a) => a.correction).length;
    return { receipt: { accepted: true, written: audits.length - corrected, corrected, rowErrors: [], replayed: false }, audits };
  });
}
