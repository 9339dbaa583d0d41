import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * One assessment event: what an assessor found for one criterion of one commune, at one moment.
 * Append-only: a new finding is a new row; the state at a moment is the latest row at or before it.
 * `provinceCode` is copied from the locality registry so province roll-ups need no other table.
 */
@Entity({ tableName: 'readiness_assessment' })
@Index({ name: 'readiness_assessment_commune_criterion_at_index', properties: ['communeCode', 'criterionCode', 'assessedAt'] })
@Index({ name: 'readiness_assessment_province_criterion_at_index', properties: ['provinceCode', 'criterionCode', 'assessedAt'] })
// One version per (commune, criterion): two concurrent writers of one stream cannot both land version n.
@Unique({ name: 'readiness_assessment_commune_code_criterion_code_version_unique', properties: ['communeCode', 'criterionCode', 'version'] })
export class Assessment {
  @PrimaryKey({ autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 5 })
  communeCode: string;

  @Property({ type: 'string', length: 2 })
  provinceCode: string;

  @Property({ type: 'string', length: 40 })
  criterionCode: string;

  @Property({ type: 'boolean' })
  met: boolean;

  @Property({ type: 'text', nullable: true })
  note: string | null;

  @Property({ type: 'datetime' })
  assessedAt: Date;

  @Property({ type: 'string', length: 200 })
  assessedBy: string;

  /** The assessment's place in its (commune, criterion) history: 1 for the first. */
  @Property({ type: 'integer', nullable: true })
  version: number | null = null;

  /** When the platform recorded it (transaction time); null for the default dataset. */
  @Property({ type: 'datetime', nullable: true })
  recordedAt: Date | null = null;

  /** Why it corrects published figures; null for an ordinary assessment. */
  @Property({ type: 'text', nullable: true })
  correctionReason: string | null = null;
}
