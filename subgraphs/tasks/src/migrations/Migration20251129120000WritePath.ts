import { backfillVersionsSql, PortableMigration, versionedStreamColumns, writePathSchema } from '@kh02/subgraph-kit';

/**
 * The write path: each assignment's reports numbered (`version`, unique per assignment), their
 * transaction time and correction reason; idempotency keys, the audit log, who published each
 * cut-off.
 */
export class Migration20251129120000WritePath extends PortableMigration {
  override async up(): Promise<void> {
    this.schema((s) =>
      s.alterTable('progress_report', (t) => {
        versionedStreamColumns(t);
        t.text('note').nullable();
      }),
    );
    this.addSql(backfillVersionsSql('progress_report', ['assignment_id']));
    this.schema((s) =>
      writePathSchema(
        s.alterTable('progress_report', (t) => t.unique(['assignment_id', 'version'], { indexName: 'progress_report_assignment_id_version_unique' })),
      ),
    );
  }
}
