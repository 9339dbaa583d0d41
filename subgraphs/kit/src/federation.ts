import { buildSubgraphSchema } from '@apollo/subgraph';
import { printSchemaWithDirectives, type IResolvers } from '@graphql-tools/utils';
import type { GraphQLSchema } from 'graphql';
import gql from 'graphql-tag';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { scalarsMap } from './scalars';

/** The Federation version every subgraph links to: change it here, and only here. */
export const FEDERATION_LINK = 'https://specs.apollo.dev/federation/v2.7';

/** Federation directives the subgraphs use (imported by the `@link`). */
export const FEDERATION_IMPORTS = ['@key', '@shareable', '@external', '@requires', '@provides', '@inaccessible', '@override', '@tag'];

/**
 * Builds a Federation 2 subgraph schema from type-graphql classes: type-graphql prints the SDL
 * (with the `@key`/`@shareable`/... directives attached by `@Directive`), `@apollo/subgraph`
 * adds `_service`/`_entities`, and the type-graphql resolvers plus the `__resolveReference`
 * resolvers are attached to it.
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
  return buildSubgraphSchema([{ typeDefs, resolvers: resolvers as never }]);
}
