import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** The one country code the graph knows. */
export const COUNTRY_CODE = 'VN';

@Directive('@key(fields: "code")')
@ObjectType({ description: 'Vietnam as a whole: the national roll-ups of every subgraph hang here.' })
export class Country {
  @Field(() => ID, { description: 'ISO 3166-1 alpha-2 code; always "VN".' })
  code: string;

  @Field({ description: 'Official short name.' })
  name: string;
}

/** The country object; geography holds no row for it. */
export function vietnam(): Country {
  const c = new Country();
  c.code = COUNTRY_CODE;
  c.name = 'Việt Nam';
  return c;
}
