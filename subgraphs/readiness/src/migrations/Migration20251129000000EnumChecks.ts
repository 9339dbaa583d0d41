import { PortableMigration } from '@kh02/subgraph-kit';
import { CriterionCategory } from '../modules/criterion/criterion.entity';

/** On PostgreSQL the criterion category refuses values outside its enum in the database too (a CHECK constraint, as MikroORM declares enums). */
export class Migration20251129000000EnumChecks extends PortableMigration {
  override async up(): Promise<void> {
    // SQLite cannot add a constraint to an existing table; the application validates there.
    if (!this.isPostgres) return;
    const list = Object.values(CriterionCategory)
      .map((v) => `'${v}'`)
      .join(', ');
    this.addSql(`alter table "criterion" add constraint "criterion_category_check" check ("category" in (${list}))`);
  }
}
