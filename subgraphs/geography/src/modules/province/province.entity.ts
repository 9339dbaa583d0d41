import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';

/** Whether a province-level unit is a centrally-run city or a province. */
export enum ProvinceKind {
  CITY = 'CITY',
  PROVINCE = 'PROVINCE',
}
registerEnumType(ProvinceKind, {
  name: 'ProvinceKind',
  description: 'Kind of province-level unit.',
  valuesConfig: {
    CITY: { description: 'Centrally-run city (thành phố trực thuộc trung ương); 6 of the 34.' },
    PROVINCE: { description: 'Province (tỉnh); 28 of the 34.' },
  },
});

/** Vietnam's six socio-economic regions. */
export enum Region {
  NORTHERN_MIDLANDS_AND_MOUNTAINS = 'NORTHERN_MIDLANDS_AND_MOUNTAINS',
  RED_RIVER_DELTA = 'RED_RIVER_DELTA',
  NORTH_CENTRAL_AND_CENTRAL_COAST = 'NORTH_CENTRAL_AND_CENTRAL_COAST',
  CENTRAL_HIGHLANDS = 'CENTRAL_HIGHLANDS',
  SOUTHEAST = 'SOUTHEAST',
  MEKONG_DELTA = 'MEKONG_DELTA',
}
/** Region display names as they appear in the official data. */
export const REGION_NAMES: Record<Region, string> = {
  NORTHERN_MIDLANDS_AND_MOUNTAINS: 'Northern Midlands and Mountains',
  RED_RIVER_DELTA: 'Red River Delta',
  NORTH_CENTRAL_AND_CENTRAL_COAST: 'North Central and Central Coast',
  CENTRAL_HIGHLANDS: 'Central Highlands',
  SOUTHEAST: 'Southeast',
  MEKONG_DELTA: 'Mekong Delta',
};
registerEnumType(Region, {
  name: 'Region',
  description: "Vietnam's six socio-economic regions.",
  valuesConfig: Object.fromEntries(Object.entries(REGION_NAMES).map(([k, v]) => [k, { description: v }])),
});

/** Maps a region display name (as in provinces.csv) to its enum value. */
export function regionFromName(name: string): Region {
  const found = (Object.entries(REGION_NAMES) as [Region, string][]).find(([, v]) => v === name);
  if (!found) throw new Error(`Unknown region "${name}"`);
  return found[0];
}

@Entity({ tableName: 'province' })
@Directive('@key(fields: "code")')
@ObjectType({ description: 'A province or centrally-run city: one of the 34 province-level units after the 2025 reorganisation (Resolution 18-NQ/TW).' })
export class Province {
  @PrimaryKey({ type: 'string', length: 2 })
  @Field(() => ID, { description: 'Official two-digit administrative code, e.g. "01" Hà Nội, "04" Cao Bằng.' })
  code: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'Official name with Vietnamese diacritics, e.g. "Cao Bằng".' })
  name: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: 'The name without diacritics, e.g. "Cao Bang".' })
  nameAscii: string;

  /** Lower-case ASCII form used for accent-insensitive search. */
  @Property({ type: 'string', length: 100, index: true })
  searchName: string;

  @Enum({ items: () => ProvinceKind, type: 'string' })
  @Field(() => ProvinceKind, { description: 'City or province.' })
  kind: ProvinceKind;

  @Enum({ items: () => Region, type: 'string' })
  @Field(() => Region, { description: 'Socio-economic region.' })
  region: Region;

  @Property({ type: 'json' })
  @Field(() => [String], { description: 'Names of the pre-2025 provinces merged into this one (itself included); empty when it was not merged.' })
  mergedFrom: string[];
}
