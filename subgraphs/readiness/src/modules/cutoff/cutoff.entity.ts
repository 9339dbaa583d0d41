import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** A reporting cut-off: a moment the monitoring figures were reported at. The latest is the default `asOf`. */
@Entity({ tableName: 'reporting_cutoff' })
export class ReportingCutoff {
  @PrimaryKey({ autoincrement: true })
  id: number;

  @Property({ type: 'datetime', unique: 'reporting_cutoff_at_unique' })
  at: Date;
}
