import type { SqlEntityManager } from '@mikro-orm/knex';
import { ForbiddenError, UnauthenticatedError, FieldInputError, type Caller } from '@kh02/common';
import { ArgsType, Directive, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DateTimeScalar } from '@kh02/common';
import { AFTER_DESCRIPTION, FIRST_DESCRIPTION, PageInfo, pageFromSlice, pageRequest } from '../types/connection';
import { AuditRecord } from './entities';

/** What became of a write attempt. */
export enum AuditOutcome {
  WRITTEN = 'WRITTEN',
  REFUSED = 'REFUSED',
}
registerEnumType(AuditOutcome, {
  name: 'AuditOutcome',
  description: 'What became of a write attempt.',
  valuesConfig: {
    WRITTEN: { description: 'The write landed (one entry per entity written).' },
    REFUSED: { description: 'The attempt was refused and wrote nothing: `errorCode` and `message` say why.' },
  },
});

/** The description shared by `Query.auditLog` in every subgraph that writes. */
export const AUDIT_LOG_DESCRIPTION =
  'The audit log of the write path, newest first: every write and every refused write attempt — who, when, what, before and after, request id and Idempotency-Key. Admins only (anyone else: FORBIDDEN, or UNAUTHENTICATED without a token). Each data service keeps the log of the writes it owns in its own database: select `tasks` (progress reports, cut-offs) and `readiness` (assessments, imports, cut-offs); `first`, `after` and `filter` apply to each list.';

@Directive('@shareable')
@ObjectType('AuditEntry', { description: 'One write, or one refused write attempt, as a data service recorded it (append-only).' })
export class AuditEntryType {
  @Field(() => ID, { description: 'Stable identifier "AuditEntry:<service>:<number>", e.g. "AuditEntry:tasks:12".' })
  id: string;

  @Field({ description: 'The data service that recorded it: "tasks" or "readiness".' })
  service: string;

  @Field(() => DateTimeScalar, { description: 'When it happened (the server clock).' })
  at: Date;

  @Field(() => String, { nullable: true, description: "The caller's subject (the token's `sub`); null for an anonymous attempt." })
  actor: string | null;

  @Field(() => [String], { description: "The caller's roles." })
  roles: string[];

  @Field({ description: 'The mutation, e.g. "reportProgress", "importOnlineApplications", "publishCutoff".' })
  operation: string;

  @Field(() => AuditOutcome, { description: 'WRITTEN or REFUSED.' })
  outcome: AuditOutcome;

  @Field(() => String, { nullable: true, description: 'The refusal\'s error code (e.g. "FORBIDDEN", "CONFLICT", "BAD_USER_INPUT"); null for a write.' })
  errorCode: string | null;

  @Field(() => String, { nullable: true, description: "The refusal's message; null for a write." })
  message: string | null;

  @Field({ description: 'The kind of record written, e.g. "ProgressReport", "Assessment", "OnlineApplicationDay", "SyncedRecordDay", "ReportingCutoff".' })
  entityType: string;

  @Field(() => String, {
    nullable: true,
    description: 'Which record: its number or natural key (e.g. "01|2025-08-01"); null when a refusal came before one was known.',
  })
  entityId: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of the state before the write; null when there was none (a new record, or a refusal).' })
  before: string | null;

  @Field(() => String, { nullable: true, description: 'JSON of what was written; for a refusal, of the input refused.' })
  after: string | null;

  @Field({ description: 'True for a correction: a write about a moment at or before the latest published cut-off.' })
  correction: boolean;

  @Field(() => String, { nullable: true, description: "A correction's reason; null otherwise." })
  reason: string | null;

  @Field(() => String, { nullable: true, description: 'The gateway request id (X-Request-Id) the write came with.' })
  requestId: string | null;

  @Field(() => String, { nullable: true, description: 'The Idempotency-Key header the write came with; null when none.' })
  idempotencyKey: string | null;
}

@Directive('@shareable')
@ObjectType('AuditEntryEdge', { description: 'One audit entry in a list, with its cursor.' })
export class AuditEntryEdge {
  @Field({ description: 'Opaque position of this entry; pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => AuditEntryType, { description: 'The audit entry.' })
  node: AuditEntryType;
}

@Directive('@shareable')
@ObjectType('AuditEntryConnection', { description: 'A page of audit entries, newest first (Relay connection).' })
export class AuditEntryConnection {
  @Field(() => [AuditEntryEdge], { description: 'The entries of this page, newest first.' })
  edges: AuditEntryEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many entries match the filter in all pages together.' })
  totalCount: number;
}

@InputType('AuditLogFilter', { description: 'Which audit entries to list; every field narrows the list, all optional.' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: "Only this caller's (the token's `sub`)." })
  actor?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries about this kind of record, e.g. "ProgressReport".' })
  entityType?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entries about this record (its number or natural key, as `entityId` shows it).' })
  entityId?: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only entries at or after this instant.' })
  from?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Only entries at or before this instant.' })
  to?: Date | null;
}

@ArgsType()
export class AuditLogArgs {
  @Field(() => Int, { nullable: true, description: FIRST_DESCRIPTION })
  first?: number;

  @Field(() => String, { nullable: true, description: AFTER_DESCRIPTION })
  after?: string;

  @Field(() => AuditLogFilter, { nullable: true, description: 'Narrows the list; default: every entry.' })
  filter?: AuditLogFilter | null;
}

/** The description of `AuditLog.query`, the key both data services resolve the log by. */
export const AUDIT_LOG_KEY_DESCRIPTION = 'The arguments this log was asked with, as JSON: how each data service knows what to list.';

/** The description of each data service's list on `AuditLog`. */
export function auditListDescription(service: string, what: string): string {
  return `The ${service} data service's entries (${what}), newest first, with the log's arguments. Null with an error at this path when that service is unavailable.`;
}

/** Admins only: UNAUTHENTICATED without a token, FORBIDDEN for anyone else. */
export function assertAuditReader(caller: Caller): void {
  if (caller.subject === undefined) throw new UnauthenticatedError('The audit log is for admins: sign in with an admin token.');
  if (!caller.roles.includes('admin')) throw new ForbiddenError('The audit log is for admins only.');
}

/** The key `Query.auditLog` answers with: its arguments, canonical JSON (checked first). */
export function auditLogKey(caller: Caller, args: AuditLogArgs): { query: string } {
  assertAuditReader(caller);
  pageRequest(args.first, args.after);
  const f = args.filter ?? {};
  if (f.from && f.to && f.from.getTime() > f.to.getTime()) throw new FieldInputError('filter.from', 'filter.from is after filter.to.');
  const query = {
    first: args.first ?? null,
    after: args.after ?? null,
    filter: {
      actor: f.actor ?? null,
      entityType: f.entityType ?? null,
      entityId: f.entityId ?? null,
      from: f.from ? f.from.toISOString() : null,
      to: f.to ? f.to.toISOString() : null,
    },
  };
  return { query: JSON.stringify(query) };
}

interface AuditQuery {
  first: number | null;
  after: string | null;
  filter: { actor: string | null; entityType: string | null; entityId: string | null; from: string | null; to: string | null };
}

/** One page of this subgraph's audit log, for the arguments in `key` (see {@link auditLogKey}); admins only. */
export async function auditLogPage(em: SqlEntityManager, caller: Caller, service: string, key: string): Promise<AuditEntryConnection> {
  assertAuditReader(caller);
  let q: AuditQuery;
  try {
    q = JSON.parse(key) as AuditQuery;
  } catch {
    throw new FieldInputError('query', 'AuditLog.query is not the JSON auditLog answered with.');
  }
  const request = pageRequest(q.first, q.after);
  const where: Record<string, unknown> = {};
  const f = q.filter ?? {};
  if (f.actor) where.actor = f.actor;
  if (f.entityType) where.entityType = f.entityType;
  if (f.entityId) where.entityId = f.entityId;
  if (f.from || f.to) where.at = { ...(f.from ? { $gte: new Date(f.from) } : {}), ...(f.to ? { $lte: new Date(f.to) } : {}) };
  const [rows, total] = await em.findAndCount(AuditRecord, where, { orderBy: { at: 'desc', id: 'desc' }, limit: request.limit, offset: request.offset });
  const nodes = rows.map((r) =>
    Object.assign(new AuditEntryType(), {
      id: `AuditEntry:${service}:${r.id}`,
      service,
      at: r.at,
      actor: r.actor,
      roles: r.roles ? r.roles.split(',') : [],
      operation: r.operation,
      outcome: r.outcome as AuditOutcome,
      errorCode: r.errorCode,
      message: r.message,
      entityType: r.entityType,
      entityId: r.entityId,
      before: r.before,
      after: r.after,
      correction: r.correction,
      reason: r.reason,
      requestId: r.requestId,
      idempotencyKey: r.idempotencyKey,
    }),
  );
  return Object.assign(new AuditEntryConnection(), pageFromSlice(nodes, request, total));
}
