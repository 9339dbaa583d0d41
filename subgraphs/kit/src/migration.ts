import type { Knex } from '@mikro-orm/knex';
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
