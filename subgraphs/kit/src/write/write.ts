import { createHash } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { GraphQLError } from 'graphql';
import { ConflictError, FieldInputError, IdempotencyKeyReusedError, type Caller } from '@kh02/common';
import type { BaseContext } from '../context';
import { AuditRecord, IdempotencyRecord } from './entities';

/** How long an `Idempotency-Key` is remembered unless configured (IDEMPOTENCY_TTL_HOURS). */
export const DEFAULT_IDEMPOTENCY_TTL_HOURS = 24;

/** The longest `Idempotency-Key` accepted. */
const MAX_KEY_LENGTH = 200;

/** What one written entity leaves in the audit log. */
export interface AuditDraft {
  entityType: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
  correction: boolean;
  reason: string | null;
}

/** What a write's work returns: a JSON-serialisable receipt (the answer replayed for a repeated key) and its audit rows. */
export interface WriteOutcome<R> {
  receipt: R;
  audits: AuditDraft[];
}

/** Describes one write for {@link runWrite}. */
export interface WriteSpec {
  /** The mutation's name, e.g. "reportProgress". */
  operation: string;
  /** The input, hashed to tell a repeat from a reuse of the key. */
  input: unknown;
  /** What a refusal is recorded against. */
  entityType: string;
  entityId: string | null;
  /** Idempotency TTL in hours; default {@link DEFAULT_IDEMPOTENCY_TTL_HOURS}. */
  ttlHours?: number;
}

/**
 * Thrown inside a write's work when rows are refused as a whole (an import with bad rows): the
 * transaction rolls back, the refusal is audited, and {@link runWrite} returns `receipt` as the
 * answer (the rows' errors are data, not a GraphQL error).
 */
export class RowsRejected<R> extends Error {
  constructor(
    readonly receipt: R,
    readonly summary: string,
  ) {
    super(summary);
  }
}

/** Thrown by {@link insertVersioned} when another writer took the version first; {@link runWrite} turns it into CONFLICT. */
export class VersionRace extends Error {
  constructor(
    readonly stream: string,
    readonly currentVersion: (em: SqlEntityManager) => Promise<number>,
    /** True when the writer named no `expectedVersion`: running the write again is what it asked for. */
    readonly retryable = false,
  ) {
    super(`${stream}: another write took this version`);
  }
}

/** JSON with sorted keys, so the same input always hashes the same. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Date)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** SHA-256 (hex) of an operation and its input. */
export function requestHash(operation: string, input: unknown): string {
  return createHash('sha256').update(operation).update('\n').update(canonicalJson(input)).digest('hex');
}

/** The `Idempotency-Key` sent with the request, validated; undefined when none was sent. */
export function idempotencyKeyOf(ctx: BaseContext): string | undefined {
  const key = ctx.idempotencyKey;
  if (key === undefined || key === '') return undefined;
  if (key.length > MAX_KEY_LENGTH || !/^[\x21-\x7e]+$/.test(key)) {
    throw new FieldInputError('Idempotency-Key', `The Idempotency-Key header must be 1 to ${MAX_KEY_LENGTH} visible ASCII characters.`);
  }
  return key;
}

const json = (v: unknown): string | null => (v === undefined || v === null ? null : JSON.stringify(v));

function auditRow(caller: Caller, operation: string, key: string | undefined, fields: Partial<AuditRecord>): AuditRecord {
  return Object.assign(new AuditRecord(), {
    at: new Date(),
    actor: caller.subject ?? null,
    roles: caller.roles.join(','),
    operation,
    errorCode: null,
    message: null,
    entityId: null,
    before: null,
    after: null,
    correction: false,
    reason: null,
    requestId: caller.requestId ?? null,
    idempotencyKey: key ?? null,
    ...fields,
  });
}

/** Records a refused write attempt, in its own transaction (the write's own rolled back). */
export async function auditRefusal(ctx: BaseContext, spec: WriteSpec, code: string, message: string): Promise<void> {
  const em = ctx.em.fork();
  let key: string | undefined;
  try {
    key = idempotencyKeyOf(ctx);
  } catch {
    key = undefined;
  }
  em.persist(
    auditRow(ctx.caller, spec.operation, key, {
      outcome: 'REFUSED',
      errorCode: code,
      message: message.slice(0, 2000),
      entityType: spec.entityType,
      entityId: spec.entityId,
      after: json(spec.input),
    }),
  );
  await em.flush();
}

async function storedAnswer<R>(em: SqlEntityManager, subject: string, key: string, spec: WriteSpec, hash: string): Promise<R | undefined> {
  const found = await em.findOne(IdempotencyRecord, { subject, key });
  if (!found || found.expiresAt.getTime() <= Date.now()) return undefined;
  if (found.operation !== spec.operation || found.requestHash !== hash) {
    throw new IdempotencyKeyReusedError(
      `This Idempotency-Key was used for another request (${found.operation === spec.operation ? 'another input' : found.operation}): use a new key for a new request.`,
    );
  }
  const answer = JSON.parse(found.response) as R;
  // Said in the answer, so that a client (npm run import) can tell "written now" from "written before".
  return answer && typeof answer === 'object' && !Array.isArray(answer) ? ({ ...answer, replayed: true } as R) : answer;
}

/** Attempts at a write whose writer named no `expectedVersion` and lost a version race. */
const RACE_ATTEMPTS = 5;

/** Runs a write again when it lost a version race it did not care about (no `expectedVersion`). */
async function retryingRaces<R>(attempt: () => Promise<R>): Promise<R> {
  for (let i = 1; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof VersionRace && error.retryable && i < RACE_ATTEMPTS)) throw error;
    }
  }
}

/**
 * Runs one write exactly once: in ONE transaction, the data rows `work` writes, the audit rows it
 * describes and the idempotency row holding its receipt. With an `Idempotency-Key`, a repeat of the
 * same operation and input returns the stored receipt without writing; another input under the
 * same key is IDEMPOTENCY_KEY_REUSED. Every refusal (FORBIDDEN, CONFLICT, BAD_USER_INPUT, rows
 * rejected, ...) rolls the transaction back and is audited in its own. Two concurrent requests
 * with one key: the database's primary key on (caller, key) lets one commit; the other finds its
 * answer and returns it.
 */
export async function runWrite<R>(ctx: BaseContext, spec: WriteSpec, work: (em: SqlEntityManager) => Promise<WriteOutcome<R>>): Promise<R> {
  const subject = ctx.caller.subject ?? 'anonymous';
  const hash = requestHash(spec.operation, spec.input);
  let key: string | undefined;
  try {
    key = idempotencyKeyOf(ctx);
    if (key) {
      const replay = await storedAnswer<R>(ctx.em.fork(), subject, key, spec, hash);
      if (replay !== undefined) return replay;
    }
    return await retryingRaces(() =>
      ctx.em.fork().transactional(async (tx) => {
        const em = tx as SqlEntityManager;
        const { receipt, audits } = await work(em);
        for (const a of audits) {
          em.persist(
            auditRow(ctx.caller, spec.operation, key, {
              outcome: 'WRITTEN',
              entityType: a.entityType,
              entityId: a.entityId,
              before: json(a.before),
              after: json(a.after),
              correction: a.correction,
              reason: a.reason,
            }),
          );
        }
        if (key) {
          const now = new Date();
          const ttl = (spec.ttlHours ?? ctx.idempotencyTtlHours ?? DEFAULT_IDEMPOTENCY_TTL_HOURS) * 3600_000;
          // Expired keys go (by the expires_at index), this one's included: a key may be used afresh once expired.
          await em.nativeDelete(IdempotencyRecord, { expiresAt: { $lte: now } });
          em.persist(
            Object.assign(new IdempotencyRecord(), {
              subject,
              key,
              operation: spec.operation,
              requestHash: hash,
              response: JSON.stringify(receipt),
              createdAt: now,
              expiresAt: new Date(now.getTime() + ttl),
            }),
          );
        }
        await em.flush();
        return receipt;
      }),
    );
  } catch (error) {
    if (key && !(error instanceof IdempotencyKeyReusedError)) {
      // A concurrent request with the same key may have committed first: its answer is ours.
      const replay = await storedAnswer<R>(ctx.em.fork(), subject, key, spec, hash).catch((e: unknown) => {
        if (e instanceof IdempotencyKeyReusedError) throw e;
        return undefined;
      });
      if (replay !== undefined) return replay;
    }
    if (error instanceof RowsRejected) {
      await auditRefusal(ctx, spec, 'BAD_USER_INPUT', error.summary);
      return error.receipt as R;
    }
    let refusal = error;
    if (error instanceof VersionRace) {
      const current = await error.currentVersion(ctx.em.fork() as SqlEntityManager);
      refusal = new ConflictError(
        `${error.stream} changed meanwhile: its version is now ${current}. Read it again and retry with expectedVersion ${current}.`,
        current,
      );
    }
    if (refusal instanceof GraphQLError) {
      await auditRefusal(ctx, spec, String(refusal.extensions.code ?? 'INTERNAL_SERVER_ERROR'), refusal.message);
    }
    throw refusal;
  }
}

/**
 * Appends one row to a versioned, append-only stream: `version` is the stream's current version
 * plus one, refused with CONFLICT (and `extensions.currentVersion`) when `expectedVersion` is
 * given and stale. The database's unique index on (stream, version) is what guarantees that two
 * concurrent writers cannot both land the same version: the loser's flush fails and becomes a
 * CONFLICT too.
 */
export async function insertVersioned<T extends object>(
  em: SqlEntityManager,
  options: {
    stream: string;
    /**
     * The row standing for the stream, locked (`select … for update`) before its version is read, so
     * that concurrent writers of one stream queue on PostgreSQL instead of racing; on SQLite the
     * transaction already holds the database's one connection.
     */
    lock?: { table: string; where: Record<string, string | number> };
    expectedVersion: number | null | undefined;
    currentVersion: (em: SqlEntityManager) => Promise<number>;
    row: (version: number) => T;
  },
): Promise<{ row: T; version: number; previousVersion: number }> {
  if (options.lock && em.getPlatform().getDefaultSchemaName() === 'public') {
    await em.execute(em.getKnex()(options.lock.table).select(Object.keys(options.lock.where)).where(options.lock.where).forUpdate(), [], 'all');
  }
  const current = await options.currentVersion(em);
  if (options.expectedVersion != null && options.expectedVersion !== current) {
    throw new ConflictError(
      `${options.stream} is at version ${current}, not ${options.expectedVersion}: read it again and retry with expectedVersion ${current}.`,
      current,
    );
  }
  const row = options.row(current + 1);
  em.persist(row);
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw new VersionRace(options.stream, options.currentVersion, options.expectedVersion == null);
    throw error;
  }
  return { row, version: current + 1, previousVersion: current };
}
