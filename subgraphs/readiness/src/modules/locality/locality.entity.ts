import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * This subgraph's own copy of the locality registry: each commune code and its province. It lets
 * roll-ups and rankings group communes by province, and count them, without reading geography.
 */
@Entity({ tableName: 'commune_locality' })
export class CommuneLocality {
  @PrimaryKey({ type: 'string', length: 5 })
  code: string;

  @Property({ type: 'string', length: 2, index: 'commune_locality_province_code_index' })
  provinceCode: string;
}
