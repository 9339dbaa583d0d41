import { backfillVersionsSql, PortableMigration, versionedStreamColumns, writePathSchema } from '@kh02/subgraph-kit';

/**
 * The write path: each (commune, criterion) assessment history numbered (`version`, unique per
 * stream), transaction time and correction reason on assessments and imported days; idempotency
 * keys, the audit log, who published each cut-off.
 */
export class Migration20251129120100WritePath extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s
        .alterTable('readiness_assessment', versionedStreamColumns)
        .alterTable('online_application_day', (t) => {
          t.datetime('recorded_at').nullable();
          t.text('correction_reason').nullable();
        })
        .alterTable('synced_record_day', (t) => {
          t.datetime('recorded_at').nullable();
          t.text('correction_reason').nullable();
        }),
    );
    this.addSql(backfillVersionsSql('readiness_assessment', ['commune_code', 'criterion_code']));
    this.schema((s) =>
      writePathSchema(
        s.alterTable('readiness_assessment', (t) =>
          t.unique(['commune_code', 'criterion_code', 'version'], { indexName: 'readiness_assessment_commune_code_criterion_code_version_unique' }),
        ),
      ),
    );
  }
}
