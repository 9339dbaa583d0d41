import { SortDirection } from '@kh02/subgraph-kit';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Region } from '../province/province.entity';
import { CommuneKind } from './commune.entity';

@InputType({ description: 'Narrows a list of communes. All given conditions must hold.' })
export class CommuneFilter {
  @Field(() => [ID], {
    nullable: true,
    description: 'Only communes of these provinces (codes). Ignored inside `Province.communes`, which is already one province.',
  })
  provinceCodes?: string[];

  @Field(() => [ID], { nullable: true, description: 'Only these commune codes.' })
  codes?: string[];

  @Field(() => CommuneKind, { nullable: true, description: 'Only wards, only communes, or only special zones.' })
  kind?: CommuneKind;

  @Field(() => Region, { nullable: true, description: 'Only communes of provinces in this region.' })
  region?: Region;

  @Field({ nullable: true, description: 'Name contains this text, ignoring case and diacritics ("tan binh" finds "Phường Tân Bình").' })
  search?: string;
}

/** What a commune list can be ordered by. */
export enum CommuneOrderField {
  CODE = 'CODE',
  NAME = 'NAME',
}
registerEnumType(CommuneOrderField, {
  name: 'CommuneOrderField',
  description: 'What a commune list can be ordered by.',
  valuesConfig: {
    CODE: { description: 'Code.' },
    NAME: { description: 'Name, ignoring diacritics and case (ties by code).' },
  },
});

@InputType({ description: 'Order of a commune list. Default: by code, ascending.' })
export class CommuneOrder {
  @Field(() => CommuneOrderField, { defaultValue: CommuneOrderField.CODE, description: 'Sort key.' })
  field: CommuneOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Sort direction.' })
  direction: SortDirection;
}
