import { PortableMigration } from '@kh02/subgraph-kit';

/** Criterion catalogue, locality copy, assessment history, reporting cut-offs, online applications, synced records. */
export class Migration20250801000100Readiness extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .createTable('criterion', (t) => {
          t.string('code', 40).notNullable().primary();
          t.string('name', 120).notNullable();
          t.text('description').notNullable();
          t.string('category', 40).notNullable();
          t.boolean('basic').notNullable();
          t.text('legal_basis').notNullable();
          t.integer('position').notNullable();
        })
        .createTable('commune_locality', (t) => {
          t.string('code', 5).notNullable().primary();
          t.string('province_code', 2).notNullable().index('commune_locality_province_code_index');
        })
        .createTable('readiness_assessment', (t) => {
          t.increments('id').primary();
          t.string('commune_code', 5).notNullable();
          t.string('province_code', 2).notNullable();
          t.string('criterion_code', 40).notNullable().references('criterion.code');
          t.boolean('met').notNullable();
          t.text('note').nullable();
          t.datetime('assessed_at', { useTz: true }).notNullable();
          t.string('assessed_by', 200).notNullable();
          // "Latest finding at or before asOf" per commune and criterion, and the same per province.
          t.index(['commune_code', 'criterion_code', 'assessed_at'], 'readiness_assessment_commune_criterion_at_index');
          t.index(['province_code', 'criterion_code', 'assessed_at'], 'readiness_assessment_province_criterion_at_index');
        })
        .createTable('reporting_cutoff', (t) => {
          t.increments('id').primary();
          t.datetime('at', { useTz: true }).notNullable().unique({ indexName: 'reporting_cutoff_at_unique' });
        })
        .createTable('online_application_day', (t) => {
          t.string('province_code', 2).notNullable();
          t.string('day', 10).notNullable();
          t.integer('received').notNullable();
          t.integer('submitted_online').notNullable();
          t.integer('results_online').notNullable();
          t.primary(['province_code', 'day']);
        })
        .createTable('synced_record_day', (t) => {
          t.string('commune_code', 5).notNullable();
          t.string('day', 10).notNullable();
          t.string('province_code', 2).notNullable();
          t.integer('records').notNullable();
          t.primary(['commune_code', 'day']);
          t.index(['province_code', 'day'], 'synced_record_day_province_day_index');
          t.index(['day'], 'synced_record_day_day_index');
        }),
    );
  }

  override async down(): Promise<void> {
    this.schema((s) =>
      s
        .dropTable('synced_record_day')
        .dropTable('online_application_day')
        .dropTable('reporting_cutoff')
        .dropTable('readiness_assessment')
        .dropTable('commune_locality')
        .dropTable('criterion'),
    );
  }
}
