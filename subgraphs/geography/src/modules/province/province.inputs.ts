import { SortDirection } from '@kh02/subgraph-kit';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ProvinceKind, Region } from './province.entity';

@InputType({ description: 'Narrows a list of provinces. All given conditions must hold.' })
export class ProvinceFilter {
  @Field(() => [ID], { nullable: true, description: 'Only these province codes.' })
  codes?: string[];

  @Field(() => ProvinceKind, { nullable: true, description: 'Only cities, or only provinces.' })
  kind?: ProvinceKind;

  @Field(() => Region, { nullable: true, description: 'Only provinces of this region.' })
  region?: Region;

  @Field({ nullable: true, description: 'Name contains this text, ignoring case and diacritics: "ha noi", "HA NOI" and "Hà Nội" all find Hà Nội.' })
  search?: string;
}

/** What a province list can be ordered by. */
export enum ProvinceOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
  COMMUNE_COUNT = 'COMMUNE_COUNT',
}
registerEnumType(ProvinceOrderField, {
  name: 'ProvinceOrderField',
  description: 'What a province list can be ordered by.',
  valuesConfig: {
    CODE: { description: 'Official code.' },
    NAME: { description: 'Name, ignoring diacritics.' },
    COMMUNE_COUNT: { description: 'Number of commune-level units (ties by code).' },
  },
});

@InputType({ description: 'Order of a province list. Default: by code, ascending.' })
export class ProvinceOrder {
  @Field(() => ProvinceOrderField, { defaultValue: ProvinceOrderField.CODE, description: 'Sort key.' })
  field: ProvinceOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Sort direction.' })
  direction: SortDirection;
}
