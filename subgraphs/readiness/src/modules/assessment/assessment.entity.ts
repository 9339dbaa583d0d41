import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * One assessment event: what an assessor found for one criterion of one commune, at one moment.
 * Append-only: a new finding is a new row; the state at a moment is the latest row at or before it.
 * `provinceCode` is copied from the locality registry so province roll-ups need no other table.
 */
@Entity({ tableName: 'readiness_assessment' })
@Index({ name: 'readiness_assessment_commune_criterion_at_index', properties: ['communeCode', 'criterionCode', 'assessedAt'] })
@Index({ name: 'readiness_assessment_province_criterion_at_index', properties: ['provinceCode', 'criterionCode', 'assessedAt'] })
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
}
