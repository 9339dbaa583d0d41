import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/** Records one commune synchronised to other communes on the National Public Service Portal in one day (synthetic). */
@Entity({ tableName: 'synced_record_day' })
@Index({ name: 'synced_record_day_province_day_index', properties: ['provinceCode', 'day'] })
@Index({ name: 'synced_record_day_day_index', properties: ['day'] })
export class SyncedRecordDay {
  @PrimaryKey({ type: 'string', length: 5 })
  communeCode: string;

  /** "YYYY-MM-DD", Vietnam calendar day. */
  @PrimaryKey({ type: 'string', length: 10 })
  day: string;

  /** Copied from the locality registry so province roll-ups need no join. */
  @Property({ type: 'string', length: 2 })
  provinceCode: string;

  @Property({ type: 'integer' })
  records: number;

  /** When the platform recorded this day (an import); null for the default dataset. */
  @Property({ type: 'datetime', nullable: true })
  recordedAt: Date | null = null;

  /** Why the day was replaced (a correction); null otherwise. */
  @Property({ type: 'text', nullable: true })
  correctionReason: string | null = null;
}
