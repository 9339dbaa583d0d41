import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A reporting cut-off: an instant figures are published at. The latest is the default `asOf`.
 * `publishedAt` is when it was published (null for the default dataset's cut-offs, published at
 * their own instant): a row recorded after it never counts in the figures as of this cut-off.
 */
@Entity({ tableName: 'reporting_cutoff' })
export class ReportingCutoff {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'datetime', unique: 'reporting_cutoff_at_unique' })
  at: Date;

  @Property({ type: 'datetime', nullable: true })
  publishedAt: Date | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  publishedBy: string | null = null;
}

/**
 * One answered write, under the `Idempotency-Key` its client sent: a repeat with the same key and
 * body gets `response` back without writing again. Keyed by caller and key, so two callers' keys
 * never collide; kept until `expiresAt` (IDEMPOTENCY_TTL_HOURS, default 24 h).
 */
@Entity({ tableName: 'idempotency_key' })
export class IdempotencyRecord {
  @PrimaryKey({ type: 'string', length: 200 })
  subject: string;

  @PrimaryKey({ type: 'string', length: 200 })
  key: string;

  @Property({ type: 'string', length: 80 })
  operation: string;

  /** SHA-256 of the operation name and its input, canonical JSON. */
  @Property({ type: 'string', length: 64 })
  requestHash: string;

  /** The first answer, JSON. */
  @Property({ type: 'text' })
  response: string;

  @Property({ type: 'datetime' })
  createdAt: Date;

  @Property({ type: 'datetime', index: 'idempotency_key_expires_at_index' })
  expiresAt: Date;
}

/** One write, or one refused write attempt, as the audit log keeps it (append-only). */
@Entity({ tableName: 'audit_log' })
@Index({ name: 'audit_log_at_index', properties: ['at', 'id'] })
@Index({ name: 'audit_log_entity_index', properties: ['entityType', 'entityId'] })
@Index({ name: 'audit_log_actor_index', properties: ['actor'] })
export class AuditRecord {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'datetime' })
  at: Date;

  /** The caller's subject; null for an anonymous attempt. */
  @Property({ type: 'string', length: 200, nullable: true })
  actor: string | null;

  /** The caller's roles, comma-separated. */
  @Property({ type: 'string', length: 200 })
  roles: string;

  /** The mutation, e.g. "reportProgress". */
  @Property({ type: 'string', length: 80 })
  operation: string;

  /** WRITTEN or REFUSED. */
  @Property({ type: 'string', length: 16 })
  outcome: string;

  /** The refusal's error code; null for a write. */
  @Property({ type: 'string', length: 40, nullable: true })
  errorCode: string | null;

  /** The refusal's message; null for a write. */
  @Property({ type: 'text', nullable: true })
  message: string | null;

  @Property({ type: 'string', length: 60 })
  entityType: string;

  @Property({ type: 'string', length: 120, nullable: true })
  entityId: string | null;

  /** JSON of the state before the write (null: nothing before). */
  @Property({ type: 'text', nullable: true })
  before: string | null;

  /** JSON of what was written, or of the input refused. */
  @Property({ type: 'text', nullable: true })
  after: string | null;

  /** A write about a moment at or before the latest published cut-off. */
  @Property({ type: 'boolean' })
  correction: boolean;

  @Property({ type: 'text', nullable: true })
  reason: string | null;

  @Property({ type: 'string', length: 100, nullable: true })
  requestId: string | null;

  @Property({ type: 'string', length: 200, nullable: true })
  idempotencyKey: string | null;
}

/** The write path's entities, which every subgraph that writes lists with its own. */
export const WRITE_ENTITIES = [ReportingCutoff, IdempotencyRecord, AuditRecord];
