import { PortableMigration } from '@kh02/subgraph-kit';

// Enum values as of this migration (a later migration that adds a value changes its own copy).
const PROVINCE_KINDS = ['CITY', 'PROVINCE'];
const REGIONS = ['NORTHERN_MIDLANDS_AND_MOUNTAINS', 'RED_RIVER_DELTA', 'NORTH_CENTRAL_AND_CENTRAL_COAST', 'CENTRAL_HIGHLANDS', 'SOUTHEAST', 'MEKONG_DELTA'];
const COMMUNE_KINDS = ['WARD', 'COMMUNE', 'SPECIAL_ZONE'];

/** Provinces and communes. */
export class Migration20250801000000Init extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('province', (t) => {
          t.string('code', 2).notNullable().primary();
          t.string('name', 100).notNullable();
          t.string('name_ascii', 100).notNullable();
          t.string('search_name', 100).notNullable().index('province_search_name_index');
          t.enu('kind', PROVINCE_KINDS).notNullable();
          t.enu('region', REGIONS).notNullable();
          t.json('merged_from').notNullable();
        })
        .createTable('commune', (t) => {
          t.string('code', 5).notNullable().primary();
          t.string('name', 120).notNullable();
          t.string('name_ascii', 120).notNullable();
          t.string('search_name', 120).notNullable().index('commune_search_name_index');
          t.enu('kind', COMMUNE_KINDS).notNullable();
          t.string('province_code', 2).notNullable().references('province.code').onUpdate('CASCADE').index('commune_province_code_index');
        }),
    );
  }

  override async down(): Promise<void> {
    this.schema((s) => s.dropTable('commune').dropTable('province'));
  }
}
