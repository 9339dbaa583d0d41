import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** One province's online-application figures for one Vietnam calendar day (synthetic in the default dataset). */
@Entity({ tableName: 'online_application_day' })
export class OnlineApplicationDay {
  @PrimaryKey({ type: 'string', length: 2 })
  provinceCode: string;

  /** "YYYY-MM-DD": sortable, compared as text on every database. */
  @PrimaryKey({ type: 'string', length: 10 })
  day: string;

  @Property({ type: 'integer' })
  received: number;

  @Property({ type: 'integer' })
  submittedOnline: number;

  @Property({ type: 'integer' })
  resultsOnline: number;

  /** When the platform recorded this day (an import); null for the default dataset. */
  @Property({ type: 'datetime', nullable: true })
  recordedAt: Date | null = null;

  /** Why the day was replaced (a correction); null otherwise. */
  @Property({ type: 'text', nullable: true })
  correctionReason: string | null = null;
}
