import { raw } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import {
  bindingCovers,
  canWrite,
  correctionRule,
  FieldInputError,
  ForbiddenError,
  insertVersioned,
  latestCutoff,
  checkImportSize,
  rowField,
  type ImportReceipt,
  MONITORING_START,
  RowErrors,
  RowsRejected,
  runWrite,
  SCOPES,
  UnauthenticatedError,
  vietnamTime,
  writeMoment,
  type AuditDraft,
  type Caller,
} from '@kh02/subgraph-kit';
import { GraphQLError } from 'graphql';
import type { ReadinessContext } from '../../context';
import { Assessment } from '../assessment/assessment.entity';
import { Criterion } from '../criterion/criterion.entity';
import { CommuneLocality } from '../locality/locality.entity';
import { OnlineApplicationDay } from '../online-application/online-application.entity';
import { SyncedRecordDay } from '../synced-record/synced-record.entity';
import type { OnlineApplicationRowInput, RecordAssessmentInput, SyncedRecordRowInput } from './recording.inputs';

/** What recordAssessment answers with, and replays for a repeated Idempotency-Key. */
export interface AssessmentReceipt {
  assessmentId: number;
  version: number;
}

/** A (commune, criterion) history's version: the number of its assessments recorded so far. */
export async function assessmentVersion(em: EntityManager, communeCode: string, criterionCode: string): Promise<number> {
  const [row] = await em.createQueryBuilder(Assessment).select(raw('max(version) as v')).where({ communeCode, criterionCode }).execute<{ v: unknown }[]>('all');
  return row?.v == null ? 0 : Number(row.v);
}

function refuse(caller: Caller, verdict: 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN', what: string): void {
  if (verdict === 'UNAUTHENTICATED') throw new UnauthenticatedError(`${what} needs a signed-in caller (a bearer token).`);
  if (verdict === 'FORBIDDEN') {
    const who = caller.roles.join(', ') || 'anonymous';
    throw new ForbiddenError(`You (${who}) may not ${what.toLowerCase()} here: officials write for their own locality, partners within their scopes.`);
  }
}

/** Appends one assessment inside a write's transaction: rights, input, correction rule, version check. */
async function appendAssessment(
  ctx: ReadinessContext,
  em: EntityManager,
  input: RecordAssessmentInput,
): Promise<{ receipt: AssessmentReceipt; audit: AuditDraft }> {
  const commune = await em.findOne(CommuneLocality, { code: input.communeCode });
  const where = { commune: input.communeCode, province: commune?.provinceCode ?? null };
  refuse(ctx.caller, canWrite(ctx.caller, SCOPES.WRITE_ASSESSMENTS, where), 'Recording an assessment');
  if (!commune) throw new FieldInputError('input.communeCode', `There is no commune ${input.communeCode}.`);
  const criterion = await em.findOne(Criterion, { code: input.criterionCode });
  if (!criterion) throw new FieldInputError('input.criterionCode', `There is no criterion ${input.criterionCode}: see Query.criteria.`);
  const note = input.note?.trim() || null;
  if (note && note.length > 2000) throw new FieldInputError('input.note', 'note must be at most 2000 characters.');
  if (input.expectedVersion != null && (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 0)) {
    throw new FieldInputError('input.expectedVersion', 'expectedVersion must be a whole number, 0 or more.');
  }
  const assessedAt = writeMoment(input.assessedAt, 'input.assessedAt');
  const { correction, reason } = correctionRule(ctx.caller, assessedAt, await latestCutoff(em), input.reason, where, 'input.reason');
  const previous = await em.findOne(Assessment, { communeCode: commune.code, criterionCode: criterion.code }, { orderBy: { version: 'desc' } });
  const recordedAt = new Date();
  const { row, version } = await insertVersioned(em, {
    stream: `Commune ${commune.code} criterion ${criterion.code}`,
    lock: { table: 'commune_locality', where: { code: commune.code } },
    expectedVersion: input.expectedVersion,
    currentVersion: (e) => assessmentVersion(e, commune.code, criterion.code),
    row: (v) =>
      Object.assign(new Assessment(), {
        communeCode: commune.code,
        provinceCode: commune.provinceCode,
        criterionCode: criterion.code,
        met: input.met,
        note,
        assessedAt,
        assessedBy: ctx.caller.subject ?? 'unknown',
        version: v,
        recordedAt,
        correctionReason: reason,
      }),
  });
  const before = previous && { id: previous.id, version: previous.version, met: previous.met, assessedAt: previous.assessedAt.toISOString() };
  const after = { id: row.id, version, communeCode: commune.code, criterionCode: criterion.code, met: input.met, note, assessedAt: assessedAt.toISOString() };
  return {
    receipt: { assessmentId: row.id, version },
    audit: { entityType: 'Assessment', entityId: String(row.id), before: before ?? null, after, correction, reason },
  };
}

/**
 * Appends an assessment to a (commune, criterion) history: rights, input, the correction rule and
 * the version check, then one transaction for the row, its audit row and the idempotency row.
 */
export function recordAssessment(ctx: ReadinessContext, input: RecordAssessmentInput): Promise<AssessmentReceipt> {
  const spec = { operation: 'recordAssessment', input, entityType: 'Assessment', entityId: `${input.communeCode}|${input.criterionCode}` };
  return runWrite<AssessmentReceipt>(ctx, spec, async (em) => {
    const { receipt, audit } = await appendAssessment(ctx, em, input);
    return { receipt, audits: [audit] };
  });
}

/**
 * Appends many assessments, all or none (the bulk load of `npm run import -- --kind assessments`):
 * every refused row is reported (row index, field, message) and nothing is written; one transaction.
 */
export function importAssessments(ctx: ReadinessContext, rows: readonly RecordAssessmentInput[]): Promise<ImportReceipt> {
  const spec = { operation: 'importAssessments', input: { rows }, entityType: 'Assessment', entityId: null };
  return runWrite<ImportReceipt>(ctx, spec, async (em) => {
    if (ctx.caller.subject === undefined) throw new UnauthenticatedError('Recording assessments needs a signed-in official or admin (a bearer token).');
    checkImportSize(rows.length);
    const errors = new RowErrors();
    const audits: AuditDraft[] = [];
    for (const [i, input] of rows.entries()) {
      try {
        audits.push((await appendAssessment(ctx, em, input)).audit);
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

/** A day's Vietnam calendar date, "YYYY-MM-DD". */
const vietnamDay = (at: Date): string => vietnamTime(at).slice(0, 10);

/** Checks a row's day: a real "YYYY-MM-DD", not in the future (Vietnam time), not before monitoring began. */
function checkDay(errors: RowErrors, i: number, date: string, today: string): boolean {
  const valid =
    /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(Date.parse(`${date}T00:00:00Z`)) && new Date(`${date}T00:00:00Z`).toISOString().startsWith(date);
  if (!valid) errors.add(i, 'date', `"${date}" is not a calendar day "YYYY-MM-DD".`);
  else if (date > today) errors.add(i, 'date', `${date} is in the future (today is ${today}, Vietnam time).`);
  else if (date < vietnamDay(MONITORING_START)) errors.add(i, 'date', `${date} is before monitoring began (${vietnamDay(MONITORING_START)}).`);
  else return true;
  return false;
}

function checkCount(errors: RowErrors, i: number, field: string, value: number, max?: { field: string; value: number }): void {
  if (!Number.isInteger(value) || value < 0) errors.add(i, field, `${field} must be a whole number, 0 or more (got ${value}).`);
  else if (max && value > max.value) errors.add(i, field, `${field} (${value}) cannot exceed ${max.field} (${max.value}).`);
}

/** One import's rows, checked: what each day-row needs from the generic import. */
interface DayImport<R, E extends object> {
  operation: string;
  entityType: string;
  scope: string;
  rows: readonly R[];
  reason: string | null | undefined;
  /** The row's locality code (province or commune) and its day. */
  keyOf(row: R): { code: string; day: string };
  /** Field-level checks (counts); the locality and day are checked by the import. */
  check(errors: RowErrors, i: number, row: R): void;
  /** Province of each known locality code (unknown codes absent). */
  provinces(em: EntityManager, codes: string[]): Promise<Map<string, string>>;
  /** The stored rows for these keys. */
  stored(em: EntityManager, keys: { code: string; day: string }[]): Promise<E[]>;
  storedKey(e: E): string;
  create(row: R, province: string, recordedAt: Date, reason: string | null): E;
  apply(e: E, row: R, recordedAt: Date, reason: string | null): void;
  snapshot(e: E): Record<string, unknown>;
  localityField: string;
}

/**
 * The import rule, for any kind of daily row: all rows or none; every bad row reported (row index,
 * field, message); a day already stored, or at or before the latest published cut-off, is replaced
 * only as a correction (a `reason`, and the right to correct: admins and officials of the
 * locality). One transaction for the rows, one audit row per row, the idempotency row.
 */
function importDays<R, E extends object>(ctx: ReadinessContext, spec: DayImport<R, E>): Promise<ImportReceipt> {
  const write = { operation: spec.operation, input: { rows: spec.rows, reason: spec.reason ?? null }, entityType: spec.entityType, entityId: null };
  return runWrite<ImportReceipt>(ctx, write, async (em) => {
    refuse(ctx.caller, canWrite(ctx.caller, spec.scope, {}), `Importing ${spec.entityType} rows`);
    checkImportSize(spec.rows.length);
    const errors = new RowErrors();
    const today = vietnamDay(new Date());
    const cutoffDay = vietnamDay(await latestCutoff(em));
    const keys = spec.rows.map((r) => spec.keyOf(r));
    const provinces = await spec.provinces(em, [...new Set(keys.map((k) => k.code))]);
    const stored = new Map((await spec.stored(em, keys)).map((e) => [spec.storedKey(e), e]));
    const seen = new Set<string>();
    const reason = spec.reason?.trim() || null;
    const plans: { row: R; province: string; existing: E | undefined; correction: boolean }[] = [];
    spec.rows.forEach((row, i) => {
      const { code, day } = keys[i];
      const province = provinces.get(code);
      if (province === undefined) errors.add(i, spec.localityField, `There is no ${spec.localityField === 'provinceCode' ? 'province' : 'commune'} "${code}".`);
      const dayOk = checkDay(errors, i, day, today);
      spec.check(errors, i, row);
      const key = `${code}|${day}`;
      if (seen.has(key)) errors.add(i, 'row', `A second row for ${code} on ${day}: send each day once.`);
      seen.add(key);
      if (province === undefined || !dayOk) return;
      const existing = stored.get(key);
      const correction = existing !== undefined || day <= cutoffDay;
      if (correction) {
        const why = existing ? `${code} on ${day} is already stored` : `${day} is at or before the published cut-off (${cutoffDay})`;
        const allowed =
          ctx.caller.roles.includes('admin') || bindingCovers(ctx.caller, { province, commune: spec.localityField === 'communeCode' ? code : null });
        if (!allowed) errors.add(i, 'row', `${why}: replacing it is a correction, for admins and officials of the locality only.`);
        else if (!reason) errors.add(i, 'reason', `${why}: replacing it is a correction and needs a reason (the import's \`reason\`).`);
      }
      plans.push({ row, province, existing, correction });
    });
    if (!errors.empty) {
      throw new RowsRejected<ImportReceipt>(
        { accepted: false, written: 0, corrected: 0, rowErrors: errors.errors, replayed: false },
        errors.summary(spec.rows.length),
      );
    }
    const recordedAt = new Date();
    const audits: AuditDraft[] = [];
    let written = 0;
    let corrected = 0;
    for (const { row, province, existing, correction } of plans) {
      const { code, day } = spec.keyOf(row);
      const before = existing ? spec.snapshot(existing) : null;
      let entity: E;
      if (existing) {
        spec.apply(existing, row, recordedAt, correction ? reason : null);
        entity = existing;
      } else {
        entity = spec.create(row, province, recordedAt, correction ? reason : null);
        em.persist(entity);
      }
      if (correction) corrected++;
      else written++;
      audits.push({
        entityType: spec.entityType,
        entityId: `${code}|${day}`,
        before,
        after: spec.snapshot(entity),
        correction,
        reason: correction ? reason : null,
      });
    }
    await em.flush();
    return { receipt: { accepted: true, written, corrected, rowErrors: [], replayed: false }, audits };
  });
}

/** Imports a partner's daily online-application figures (see {@link importDays}). */
export function importOnlineApplications(ctx: ReadinessContext, rows: readonly OnlineApplicationRowInput[], reason?: string | null): Promise<ImportReceipt> {
  return importDays<OnlineApplicationRowInput, OnlineApplicationDay>(ctx, {
    operation: 'importOnlineApplications',
    entityType: 'OnlineApplicationDay',
    scope: SCOPES.WRITE_APPLICATIONS,
    rows,
    reason,
    localityField: 'provinceCode',
    keyOf: (r) => ({ code: r.provinceCode, day: r.date }),
    check(errors, i, r) {
      checkCount(errors, i, 'received', r.received);
      checkCount(errors, i, 'submittedOnline', r.submittedOnline, { field: 'received', value: r.received });
      checkCount(errors, i, 'resultsOnline', r.resultsOnline, { field: 'received', value: r.received });
    },
    async provinces(em, codes) {
      const rows = await em
        .createQueryBuilder(CommuneLocality)
        .select('provinceCode')
        .distinct()
        .where({ provinceCode: { $in: codes } })
        .execute<{ provinceCode: string }[]>('all');
      return new Map(rows.map((r) => [r.provinceCode, r.provinceCode]));
    },
    stored: (em, keys) => em.find(OnlineApplicationDay, { $or: keys.map((k) => ({ provinceCode: k.code, day: k.day })) }),
    storedKey: (e) => `${e.provinceCode}|${e.day}`,
    create: (r, _province, recordedAt, correctionReason) =>
      Object.assign(new OnlineApplicationDay(), {
        provinceCode: r.provinceCode,
        day: r.date,
        received: r.received,
        submittedOnline: r.submittedOnline,
        resultsOnline: r.resultsOnline,
        recordedAt,
        correctionReason,
      }),
    apply: (e, r, recordedAt, correctionReason) =>
      Object.assign(e, { received: r.received, submittedOnline: r.submittedOnline, resultsOnline: r.resultsOnline, recordedAt, correctionReason }),
    snapshot: (e) => ({ provinceCode: e.provinceCode, day: e.day, received: e.received, submittedOnline: e.submittedOnline, resultsOnline: e.resultsOnline }),
  });
}

/** Imports a partner's daily synchronised-record counts (see {@link importDays}). */
export function importSyncedRecords(ctx: ReadinessContext, rows: readonly SyncedRecordRowInput[], reason?: string | null): Promise<ImportReceipt> {
  return importDays<SyncedRecordRowInput, SyncedRecordDay>(ctx, {
    operation: 'importSyncedRecords',
    entityType: 'SyncedRecordDay',
    scope: SCOPES.WRITE_SYNCED_RECORDS,
    rows,
    reason,
    localityField: 'communeCode',
    keyOf: (r) => ({ code: r.communeCode, day: r.date }),
    check: (errors, i, r) => checkCount(errors, i, 'count', r.count),
    async provinces(em, codes) {
      const rows = await em.find(CommuneLocality, { code: { $in: codes } }, { fields: ['code', 'provinceCode'] });
      return new Map(rows.map((r) => [r.code, r.provinceCode]));
    },
    stored: (em, keys) => em.find(SyncedRecordDay, { $or: keys.map((k) => ({ communeCode: k.code, day: k.day })) }),
    storedKey: (e) => `${e.communeCode}|${e.day}`,
    create: (r, provinceCode, recordedAt, correctionReason) =>
      Object.assign(new SyncedRecordDay(), { communeCode: r.communeCode, day: r.date, provinceCode, records: r.count, recordedAt, correctionReason }),
    apply: (e, r, recordedAt, correctionReason) => Object.assign(e, { records: r.count, recordedAt, correctionReason }),
    snapshot: (e) => ({ communeCode: e.communeCode, day: e.day, records: e.records }),
  });
}
