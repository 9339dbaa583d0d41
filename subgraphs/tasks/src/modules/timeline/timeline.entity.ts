import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A reporting cut-off: an instant figures are published at. The latest is the default `asOf`. */
@Entity({ tableName: 'reporting_cutoff' })
export class ReportingCutoff {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'datetime', unique: true })
  at: Date;
}
