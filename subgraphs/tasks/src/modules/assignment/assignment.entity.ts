import { Entity, Enum, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { TaskLevel } from '../progress/progress.enums';

/** A province- or commune-level task assigned to one locality. Exposed through the computed `Assignment` GraphQL type. */
@Entity({ tableName: 'assignment' })
@Unique({ properties: ['taskCode', 'localityCode'] })
export class AssignmentEntity {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  id: number;

  @Property({ type: 'string', length: 40, index: true })
  taskCode: string;

  /** PROVINCE or COMMUNE. */
  @Enum({ items: () => TaskLevel, type: 'string', columnType: 'varchar(16)' })
  level: TaskLevel;

  /** Province (2 digits) or commune (5 digits) code. */
  @Property({ type: 'string', length: 5, index: true })
  localityCode: string;

  /** The province of the locality (itself for a province). */
  @Property({ type: 'string', length: 2, index: true })
  provinceCode: string;
}
