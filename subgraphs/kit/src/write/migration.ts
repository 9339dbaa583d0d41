import type { Knex } from '@mikro-orm/knex';

/**
 * The write path's tables, the same in every subgraph that writes: the idempotency keys and the
 * audit log, and who published each reporting cut-off, and when.
 */
export function writePathSchema(s: Knex.SchemaBuilder): Knex.SchemaBuilder {
  return s
    .alterTable('reporting_cutoff', (t) => {
      t.datetime('published_at').nullable();
      t.string('published_by', 200).nullable();
    })
    .createTable('idempotency_key', (t) => {
      t.string('subject', 200).notNullable();
      t.string('key', 200).notNullable();
      t.string('operation', 80).notNullable();
      t.string('request_hash', 64).notNullable();
      t.text('response').notNullable();
      t.datetime('created_at').notNullable();
      t.datetime('expires_at').notNullable().index('idempotency_key_expires_at_index');
      t.primary(['subject', 'key']);
    })
    .createTable('audit_log', (t) => {
      t.increments('id').primary();
      t.datetime('at').notNullable();
      t.string('actor', 200).nullable();
      t.string('roles', 200).notNullable();
      t.string('operation', 80).notNullable();
      t.string('outcome', 16).notNullable();
      t.string('error_code', 40).nullable();
      t.text('message').nullable();
      t.string('entity_type', 60).notNullable();
      t.string('entity_id', 120).nullable();
      t.text('before').nullable();
      t.text('after').nullable();
      t.boolean('correction').notNullable();
      t.text('reason').nullable();
      t.string('request_id', 100).nullable();
      t.string('idempotency_key', 200).nullable();
      t.index(['at', 'id'], 'audit_log_at_index');
      t.index(['entity_type', 'entity_id'], 'audit_log_entity_index');
      t.index(['actor'], 'audit_log_actor_index');
    });
}

/**
 * Adds to an append-only table `version` (its place in its stream; backfill it with
 * {@link backfillVersionsSql}, then add the unique index on (stream, version) that makes
 * concurrent writers of one stream conflict), `recorded_at` (transaction time; null for rows that
 * predate the write path) and `correction_reason`.
 */
export function versionedStreamColumns(t: Knex.AlterTableBuilder): void {
  t.integer('version').nullable();
  t.datetime('recorded_at').nullable();
  t.text('correction_reason').nullable();
}

/** The UPDATE that numbers an existing stream's rows 1, 2, … by id (portable SQL). */
export function backfillVersionsSql(table: string, stream: string[]): string {
  const same = stream.map((c) => `p2.${c} = ${table}.${c}`).join(' and ');
  return `update ${table} set version = (select count(*) from ${table} p2 where ${same} and p2.id <= ${table}.id) where ${stream.map((c) => `${c} is not null`).join(' and ')}`;
}
