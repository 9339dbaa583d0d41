import type { Knex } from '@mikro-orm/knex';
import type { MikroORM } from '@mikro-orm/core';
import { DatabaseSchema, SchemaComparator, type SqlEntityManager } from '@mikro-orm/knex';
import { Migration } from '@mikro-orm/migrations';

/**
 * A migration written once for both databases: the DDL is built with knex's schema builder, which
 * renders the right SQL for SQLite and for PostgreSQL. MikroORM's generated migrations are
 * dialect-specific, and the platform runs on both.
 */
export abstract class PortableMigration extends Migration {
  /** Adds every statement the schema builder produces, one by one (SQLite runs one per call). */
  protected schema(build: (schema: Knex.SchemaBuilder) => Knex.SchemaBuilder): void {
    for (const statement of build(this.getKnex().schema).toSQL()) {
      this.addSql(statement.sql);
    }
  }

  /** True on PostgreSQL; for the rare statement that must differ. */
  protected get isPostgres(): boolean {
    return this.getKnex().client.config.client === 'pg' || this.getKnex().client.dialect === 'postgresql';
  }
}

/**
 * Differences between the migrated database and what the entities describe, as readable lines
 * ("table.column: type, nullable"); empty when migrations and entities agree. On SQLite the
 * comparator cannot read enum items back from CHECK constraints nor match foreign keys, so those
 * are compared on PostgreSQL only. A foreign key the database has and the entities do not model is
 * not drift: the entities keep plain code columns instead of ORM relations (hydration and
 * MikroORM's collection loader are the measured hot spots), while the migrations still give the
 * database its referential integrity.
 */
export async function schemaDrift(orm: MikroORM): Promise<string[]> {
  const em = orm.em.fork() as SqlEntityManager;
  const platform = em.getPlatform();
  const current = await DatabaseSchema.create(em.getConnection(), platform, orm.config);
  const target = (orm.getSchemaGenerator() as unknown as { getTargetSchema(): DatabaseSchema }).getTargetSchema();
  const diff = new SchemaComparator(platform).compare(current, target);
  const sqlite = platform.constructor.name.toLowerCase().includes('sqlite');
  const lines: string[] = [];
  for (const name of Object.keys(diff.newTables)) lines.push(`missing table ${name}`);
  for (const name of Object.keys(diff.removedTables)) if (name !== 'mikro_orm_migrations') lines.push(`extra table ${name}`);
  for (const [table, t] of Object.entries(diff.changedTables)) {
    for (const c of Object.keys(t.addedColumns)) lines.push(`${table}.${c}: missing column`);
    for (const c of Object.keys(t.removedColumns)) lines.push(`${table}.${c}: extra column`);
    for (const [c, change] of Object.entries(t.changedColumns)) {
      const props = [...change.changedProperties].filter((p) => !(sqlite && p === 'enumItems'));
      if (props.length > 0) lines.push(`${table}.${c}: ${props.join(', ')}`);
    }
    for (const i of Object.keys(t.addedIndexes)) lines.push(`${table}: missing index ${i}`);
    for (const i of Object.keys(t.removedIndexes)) lines.push(`${table}: extra index ${i}`);
    for (const i of Object.keys(t.changedIndexes)) lines.push(`${table}: changed index ${i}`);
    if (sqlite) continue;
    for (const f of Object.keys(t.addedForeignKeys)) lines.push(`${table}: missing foreign key ${f}`);
    for (const f of Object.keys(t.changedForeignKeys)) lines.push(`${table}: changed foreign key ${f}`);
  }
  return lines;
}
