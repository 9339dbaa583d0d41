import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { bindingCovers, FieldInputError, ForbiddenError, MONITORING_START, type Caller, type RecordLocality } from '@kh02/common';
import { createAsOfReader, vietnamTime, type AsOfReader } from '../asof';
import type { BaseContext } from '../context';
import { ReportingCutoff } from './entities';
import { runWrite, type AuditDraft } from './write';

/** True for the roles that see figures past the latest published cut-off everywhere. */
function seesUnpublishedEverywhere(caller: Caller): boolean {
  return caller.roles.includes('admin') || caller.roles.includes('analyst');
}

/**
 * The moment a caller may read at. Up to the latest published cut-off, whatever was asked.
 * Later moments hold unpublished data: analysts and admins see them everywhere, officials for their
 * own locality (`where`); anyone else — anonymous readers, partners, officials elsewhere — reads
 * the latest published cut-off instead, and the answer's `asOf` says so.
 */
export async function visibleMoment(
  caller: Caller,
  requested: Date,
  published: Date,
  where: RecordLocality | undefined,
  provinceOfCommune?: (code: string) => Promise<string | null>,
): Promise<Date> {
  if (requested.getTime() <= published.getTime() || seesUnpublishedEverywhere(caller)) return requested;
  if (where && (caller.province !== undefined || caller.commune !== undefined)) {
    const province = where.province == null && where.commune != null && provinceOfCommune ? await provinceOfCommune(where.commune) : undefined;
    if (bindingCovers(caller, where, province)) return requested;
  }
  return published;
}

/** A request's reading of the published cut-offs, with {@link visibleMoment} applied to every `asOf`. */
export interface CutoffReader extends Omit<AsOfReader, 'asOf'> {
  /**
   * The moment a field is read at: `asOf` (default: the latest published cut-off), held back to the
   * latest published cut-off for a caller who may not see unpublished data of `where`.
   */
  asOf(asOf: Date | null | undefined, where?: RecordLocality): Promise<Date>;
}

/** Per-request cut-off reader of a subgraph: one statement, on first use. */
export function createCutoffReader(ctx: Pick<BaseContext, 'em' | 'caller' | 'provinceOfCommune'>): CutoffReader {
  const reader = createAsOfReader(async () => (await ctx.em.find(ReportingCutoff, {}, { orderBy: { at: 'asc' } })).map((r) => r.at));
  return {
    timeline: reader.timeline,
    async asOf(asOf, where) {
      const at = await reader.asOf(asOf);
      const { latestCutoff } = await reader.timeline();
      return visibleMoment(ctx.caller, at, latestCutoff, where, ctx.provinceOfCommune);
    },
  };
}

/**
 * SQL condition: a row recorded at `recordedColumn` is part of the figures as of `asOf`. Rows of
 * the default dataset (recorded_at null) always are; when `asOf` is a published cut-off, rows
 * recorded after it was published (corrections) are not — the published figures never move.
 * Any other moment sees every row. Uncorrelated: the database evaluates the sub-select once.
 */
export function knownAsOf(knex: Knex, recordedColumn: string, asOfParam: unknown): Knex.Raw {
  return knex.raw(
    `(${recordedColumn} is null or ${recordedColumn} <= coalesce((select coalesce(c.published_at, c.at) from reporting_cutoff c where c.at = ?), ${recordedColumn}))`,
    [asOfParam as Knex.Value],
  );
}

/** The latest published cut-off in a subgraph's database, or the start of monitoring when none. */
export async function latestCutoff(em: SqlEntityManager): Promise<Date> {
  const [last] = await em.find(ReportingCutoff, {}, { orderBy: { at: 'desc' }, limit: 1 });
  return last?.at ?? MONITORING_START;
}

/** What the correction rule decided about one write. */
export interface CorrectionVerdict {
  correction: boolean;
  reason: string | null;
}

/**
 * The correction rule: a write about a moment at or before the latest published cut-off is a
 * correction — allowed to admins and to the officials of that locality only, with a mandatory
 * `reason` (BAD_USER_INPUT naming `reasonField` otherwise). Later moments are ordinary writes.
 */
export function correctionRule(
  caller: Caller,
  at: Date,
  published: Date,
  reason: string | null | undefined,
  where: RecordLocality,
  reasonField: string,
  provinceOfCommune?: string | null,
): CorrectionVerdict {
  const trimmed = reason?.trim() || null;
  if (at.getTime() > published.getTime()) return { correction: false, reason: null };
  const allowed =
    caller.roles.includes('admin') || ((caller.province !== undefined || caller.commune !== undefined) && bindingCovers(caller, where, provinceOfCommune));
  if (!allowed) {
    throw new ForbiddenError(
      `${at.toISOString()} is at or before the latest published cut-off (${published.toISOString()}): only admins and officials of this locality may correct published figures.`,
    );
  }
  if (!trimmed) throw new FieldInputError(reasonField, `A correction (a moment at or before the published cut-off ${published.toISOString()}) needs a reason.`);
  if (trimmed.length > 2000) throw new FieldInputError(reasonField, 'The reason must be at most 2000 characters.');
  return { correction: true, reason: trimmed };
}

/**
 * When a write's moment is valid: not in the future, not before monitoring began (BAD_USER_INPUT
 * naming `field`). Returns the moment, `now` when none was given.
 */
export function writeMoment(value: Date | null | undefined, field: string, earliest: Date = MONITORING_START, now = new Date()): Date {
  if (value == null) return now;
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) throw new FieldInputError(field, `${field} must be an ISO 8601 date-time.`);
  if (value.getTime() > now.getTime())
    throw new FieldInputError(field, `${field} is in the future (${value.toISOString()}): report what has happened, at or before now.`);
  if (value.getTime() < earliest.getTime()) throw new FieldInputError(field, `${field} is before monitoring began (${earliest.toISOString()}).`);
  return value;
}

/** The receipt of {@link publishCutoffIn}: the cut-off and when this subgraph published it. */
export interface CutoffReceipt {
  at: string;
  publishedAt: string;
  /** False when this subgraph had already published this cut-off (a repeat changes nothing). */
  created: boolean;
}

/**
 * Publishes a reporting cut-off in this subgraph's database (admin only; audited; under the
 * request's `Idempotency-Key`). `at` must be later than the latest published cut-off and not in
 * the future; publishing an `at` already published changes nothing and answers as before, so every
 * subgraph can be asked again safely.
 */
export async function publishCutoffIn(ctx: BaseContext, at: Date, operation = 'publishCutoff'): Promise<CutoffReceipt> {
  return runWrite<CutoffReceipt>(ctx, { operation, input: { at: at.toISOString() }, entityType: 'ReportingCutoff', entityId: at.toISOString() }, async (em) => {
    if (!ctx.caller.roles.includes('admin')) throw new ForbiddenError('Only an admin may publish a reporting cut-off.');
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new FieldInputError('at', 'at must be an ISO 8601 date-time.');
    const existing = await em.findOne(ReportingCutoff, { at });
    if (existing) {
      const publishedAt = (existing.publishedAt ?? existing.at).toISOString();
      return { receipt: { at: at.toISOString(), publishedAt, created: false }, audits: [] };
    }
    const now = new Date();
    if (at.getTime() > now.getTime()) throw new FieldInputError('at', `A cut-off cannot be in the future (${at.toISOString()}).`);
    const published = await latestCutoff(em);
    if (at.getTime() <= published.getTime()) {
      throw new FieldInputError('at', `A new cut-off must be later than the latest published one (${published.toISOString()}).`);
    }
    const row = Object.assign(new ReportingCutoff(), { at, publishedAt: now, publishedBy: ctx.caller.subject ?? null });
    em.persist(row);
    const audit: AuditDraft = {
      entityType: 'ReportingCutoff',
      entityId: at.toISOString(),
      before: { latestCutoff: published.toISOString() },
      after: { at: at.toISOString(), publishedAt: now.toISOString() },
      correction: false,
      reason: null,
    };
    return { receipt: { at: at.toISOString(), publishedAt: now.toISOString(), created: true }, audits: [audit] };
  });
}

/**
 * Which unpublished days (after the latest published cut-off's Vietnam calendar day) a caller may
 * count in statistics read by calendar range: null = all of them (analysts, admins); otherwise only
 * those of the official's own province or commune, none for anyone else.
 */
export interface DayVisibility {
  /** The last day everyone sees: the latest published cut-off's day. */
  lastPublishedDay: string;
  province?: string;
  commune?: string;
}

/** The {@link DayVisibility} of a caller, given the latest published cut-off. */
export function dayVisibility(caller: Caller, published: Date): DayVisibility | null {
  if (seesUnpublishedEverywhere(caller)) return null;
  const v: DayVisibility = { lastPublishedDay: vietnamTime(published).slice(0, 10) };
  if (caller.commune !== undefined) v.commune = caller.commune;
  else if (caller.province !== undefined) v.province = caller.province;
  return v;
}

/** The MikroORM filter of {@link DayVisibility} for a day table with the given locality columns. */
export function visibleDaysFilter(v: DayVisibility | null, columns: { province?: string; commune?: string }): Record<string, unknown> {
  if (!v) return {};
  const alternatives: Record<string, unknown>[] = [{ day: { $lte: v.lastPublishedDay } }];
  if (v.province && columns.province) alternatives.push({ [columns.province]: v.province });
  if (v.commune && columns.commune) alternatives.push({ [columns.commune]: v.commune });
  return { $or: alternatives };
}
