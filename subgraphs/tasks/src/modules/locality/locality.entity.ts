import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { TaskLevel } from '../progress/progress.enums';

/**
 * A province or commune tasks can be assigned to: the tasks subgraph's own register of its
 * assignment targets, seeded from the kit's locality registry (never from geography's tables).
 * It gives the per-province commune counts where `@requires` cannot reach (coverage bands, the
 * ranking).
 */
@Entity({ tableName: 'locality' })
export class Locality {
  @PrimaryKey({ type: 'string', length: 5 })
  code: string;

  /** PROVINCE or COMMUNE. */
  @Enum({ items: () => TaskLevel, type: 'string', columnType: 'varchar(16)' })
  level: TaskLevel;

  @Property({ type: 'string', length: 2, index: true })
  provinceCode: string;
}
