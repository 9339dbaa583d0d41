import { PortableMigration } from '@kh02/subgraph-kit';

/** Provinces and communes. */
export class Migration20250801000000Init extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('province', (t) => {
          t.string('code', 2).primary();
          t.string('name', 100).notNullable();
          t.string('name_ascii', 100).notNullable();
          t.string('search_name', 100).notNullable().index('province_search_name_index');
          t.string('kind', 255).notNullable();
          t.string('region', 255).notNullable();
          t.json('merged_from').notNullable();
        })
        .createTable('commune', (t) => {
          t.string('code', 5).primary();
          t.string('name', 120).notNullable();
          t.string('name_ascii', 120).notNullable();
          t.string('search_name', 120).notNullable().index('commune_search_name_index');
          t.string('kind', 255).notNullable();
          t.string('province_code', 2).notNullable().references('province.code').index('commune_province_code_index');
        }),
    );
  }

  override async down(): Promise<void> {
    this.schema((s) => s.dropTable('commune').dropTable('province'));
  }
}
