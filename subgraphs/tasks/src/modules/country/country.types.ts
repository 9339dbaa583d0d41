import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The one country code the graph knows. */
export const COUNTRY_CODE = 'VN';

@Directive('@key(fields: "code")')
@ObjectType('Country', { description: 'Vietnam as a whole (owned by geography). The tasks subgraph adds the national plan-progress roll-ups.' })
export class CountryRef {
  @Field(() => ID, { description: 'Always "VN".' })
  code: string;

  @Directive('@external')
  @Field(() => Int, { description: 'Number of commune-level units in the country, owned by geography; the denominator of `greenCoverage`.' })
  communeCount?: number;
}

@ObjectType({ description: 'Provinces by their own colour at one moment.' })
export class CountryProgress {
  @Field({ description: 'The moment the counts hold at.' })
  asOf: Date;

  @Field(() => Int, { description: 'Provinces whose own colour is GREEN.' })
  green: number;

  @Field(() => Int, { description: 'Provinces whose own colour is YELLOW.' })
  yellow: number;

  @Field(() => Int, { description: 'Provinces whose own colour is RED.' })
  red: number;
}

@ObjectType({
  description:
    "Provinces by the green coverage of their communes at one moment; every province is in exactly one band. Coverage per province = communes counting as green ÷ the province's communes in the tasks subgraph's register.",
})
export class CoverageBands {
  @Field({ description: 'The moment the counts hold at.' })
  asOf: Date;

  @Field(() => Int, { description: 'Provinces at exactly 100 %.' })
  full: number;

  @Field(() => Int, { description: 'Provinces above 70 % and below 100 %.' })
  above70: number;

  @Field(() => Int, { description: 'Provinces above 50 %, up to and including 70 %.' })
  above50: number;

  @Field(() => Int, { description: 'Provinces at 50 % or less (including a province without communes).' })
  below50: number;
}
