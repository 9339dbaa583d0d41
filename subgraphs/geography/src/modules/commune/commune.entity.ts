import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Province } from '../province/province.entity';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Commune-level unit kinds. */
export enum CommuneKind {
  WARD = 'WARD',
  COMMUNE = 'COMMUNE',
  SPECIAL_ZONE = 'SPECIAL_ZONE',
}
registerEnumType(CommuneKind, {
  name: 'CommuneKind',
  description: 'Kind of commune-level unit.',
  valuesConfig: {
    WARD: { description: 'Urban ward (phường).' },
    COMMUNE: { description: 'Rural commune (xã).' },
    SPECIAL_ZONE: { description: 'Special zone (đặc khu), mostly islands.' },
  },
});

@Entity({ tableName: 'commune' })
@Directive('@key(fields: "code")')
@ObjectType({
  description:
    'A commune-level unit: ward, commune or special zone (3,321 in all). In the default dataset the names and codes are synthetic (plausible, not official); the count of each kind per province is official.',
})
export class Commune {
  @PrimaryKey({ type: 'string', length: 5 })
  @Field(() => ID, { description: 'Five-digit code; in the default dataset synthetic: the province code followed by a running number, e.g. "04001".' })
  code: string;

  @Property({ type: 'string', length: 120 })
  @Field({ description: 'Name with diacritics, including the kind prefix ("Phường", "Xã", "Đặc khu"). Synthetic in the default dataset.' })
  name: string;

  @Property({ type: 'string', length: 120 })
  @Field({ description: 'The name without diacritics.' })
  nameAscii: string;

  /** Lower-case ASCII form used for accent-insensitive search and name ordering. */
  @Property({ type: 'string', length: 120, index: true })
  searchName: string;

  @Enum({ items: () => CommuneKind, type: 'string' })
  @Field(() => CommuneKind, { description: 'Ward, commune or special zone.' })
  kind: CommuneKind;

  /** Code of the province this unit belongs to (a foreign key, kept as the bare code). */
  @ManyToOne(() => Province, { fieldName: 'province_code', mapToPk: true, index: 'commune_province_code_index' })
  provinceCode: string;
}
