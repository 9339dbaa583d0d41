import { buildFederatedSchema } from '@kh02/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { communeReference } from './modules/commune/commune.reference';
import { CommuneResolver } from './modules/commune/commune.resolver';
import { countryReference } from './modules/country/country.reference';
import { CountryResolver } from './modules/country/country.resolver';
import { provinceReference } from './modules/province/province.reference';
import { ProvinceResolver } from './modules/province/province.resolver';

/** The geography subgraph's schema, built from its resolver classes (listed by hand). */
export function buildGeographySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [CountryResolver, ProvinceResolver, CommuneResolver] },
    { ...countryReference, ...provinceReference, ...communeReference },
  );
}
