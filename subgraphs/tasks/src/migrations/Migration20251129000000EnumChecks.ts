import { PortableMigration } from '@kh02/subgraph-kit';
import { ProgressState, TaskLevel } from '../modules/progress/progress.enums';

/** On PostgreSQL the enum columns refuse values outside their enum in the database too (CHECK constraints, as MikroORM declares enums). */
export class Migration20251129000000EnumChecks extends PortableMigration {
  override async up(): Promise<void> {
    // SQLite cannot add a constraint to an existing table; the application validates there.
    if (!this.isPostgres) return;
    const checks: [string, string, string[]][] = [
      ['task', 'level', Object.values(TaskLevel)],
      ['assignment', 'level', Object.values(TaskLevel)],
      ['locality', 'level', Object.values(TaskLevel)],
      ['progress_report', 'state', Object.values(ProgressState)],
    ];
    for (const [table, column, values] of checks) {
      const list = values.map((v) => `'${v}'`).join(', ');
      this.addSql(`alter table "${table}" add constraint "${table}_${column}_check" check ("${column}" in (${list}))`);
    }
  }
}
