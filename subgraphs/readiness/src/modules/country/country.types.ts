import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** The one country code the graph knows. */
export const COUNTRY_CODE = 'VN';

/** Geography's Country, extended here with the national readiness figures. */
@Directive('@key(fields: "code")')
@ObjectType('Country', {
  simpleResolvers: true,
  description:
    'Vietnam as a whole (owned by the geography subgraph); national readiness, online-application and synced-record figures come from the readiness subgraph.',
})
export class CountryRef {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code; always "VN".' })
  code: string;

  @Directive('@external')
  @Field(() => Int, { description: 'Number of commune-level units in the country, owned by geography; the denominator of national readiness coverage.' })
  communeCount?: number;
}
