import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives, type IResolvers } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { enforceAccess } from './access';
import { scalarsMap } from './scalars';

/** The Federation version every subgraph links to: change it here, and only here. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.7';

/** Federation directives the subgraphs use (imported by the `@link`). */
export const FEDERATION_IMPORTS = [
  '@key',
  '@shareable',
  '@external',
  '@requires',
  '@provides',
  '@inaccessible',
  '@override',
  '@tag',
  '@authenticated',
  '@requiresScopes',
];

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql prints the SDL
 * (with the `@key`/`@shareable`/... directives attached by `@Directive`), `@apollo/subgraph`
 * adds `_service`/`_entities`, and the type-graphql resolvers plus the `__resolveReference`
 * resolvers are attached to it, with the access checks of the fields marked `@authenticated` /
 * `@requiresScopes` (see `access.ts`).
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck' | 'scalarsMap'>,
  referenceResolvers: IResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, scalarsMap, skipCheck: true, validate: false });
  const link = `extend schema @link(url: "${FEDERATION_LINK}", import: [${FEDERATION_IMPORTS.map((d) => `"${d}"`).join(', ')}])`;
  const typeDefs = gql`
    ${link}
    ${printSchemaWithDirectives(schema)}
  `;
  const resolvers = createResolversMap(schema) as IResolvers;
  for (const [typeName, typeResolvers] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...(typeResolvers as object) };
  }
  // Fields marked @authenticated / @requiresScopes are enforced here, from the directives the schema shows.
  enforceAccess(schema, resolvers as Record<string, Record<string, unknown>>);
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}
