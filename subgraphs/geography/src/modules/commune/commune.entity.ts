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
    'A commune-level unit: ward, commune or special zone (3,321 in all), as in the official register in force since 1 July 2025 (National Statistics Office): code, name and kind are official. The monitoring data other subgraphs attach to it are synthetic in the default dataset.',
})
export class Commune {
  @PrimaryKey({ type: 'string', length: 5 })
  @Field(() => ID, {
    description: 'Official five-digit code, e.g. "00004" (Phường Ba Đình, Hà Nội). Unique nationally; it does not start with the province code.',
  })
  code: string;

  @Property({ type: 'string', length: 120 })
  @Field({ description: 'Official name with diacritics, including the kind prefix ("Phường", "Xã", "Đặc khu"), e.g. "Phường Ba Đình".' })
  name: string;

  @Property({ type: 'string', length: 120 })
  @Field({ description: 'The official name without diacritics, e.g. "Phuong Ba Dinh".' })
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
