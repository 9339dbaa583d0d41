import type { SubgraphEntry } from '@kh02/common';
import type { EntityManager, MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import type { SubgraphOptions } from './assemble';
import type { BaseContext } from './context';
import type { Subgraph } from './server';

/**
 * The descriptor every subgraph package exports as `subgraphModule`: what start-up scripts, the
 * bench, schema composition and the tests need of a subgraph, the same shape for each. They find
 * the package through the registry (`SUBGRAPHS` in `@kh02/common`) and never name a subgraph.
 */
export interface SubgraphModule<TContext extends BaseContext = BaseContext> {
  /** The subgraph's one name; equals its registry entry's. */
  readonly name: string;
  /** Builds the subgraph (database opened, not migrated, seeded or listening). */
  createSubgraph(options?: SubgraphOptions): Promise<Subgraph<TContext>>;
  /** Builds its federated schema without a database (composition prints it). */
  buildSchema(): Promise<GraphQLSchema>;
  /** Writes its slice of the default dataset when the database is empty; `fraction` of the communes (default all). */
  seed(em: EntityManager, options?: { fraction?: number }): Promise<boolean>;
  /** Its migrations, in order. */
  readonly migrations: readonly MigrationObject[];
}

/**
 * The descriptor in a loaded subgraph package (`await import(entry.package)`), checked against its
 * registry entry: a package that exports none, or one with another name, is an error naming it.
 */
export function subgraphModuleOf(loaded: unknown, entry: SubgraphEntry): SubgraphModule {
  const descriptor = (loaded as { subgraphModule?: SubgraphModule } | undefined)?.subgraphModule;
  if (!descriptor || typeof descriptor.createSubgraph !== 'function' || typeof descriptor.buildSchema !== 'function' || typeof descriptor.seed !== 'function') {
    throw new Error(`${entry.package} exports no subgraphModule (createSubgraph, buildSchema, seed, migrations): see SubgraphModule in @kh02/subgraph-kit.`);
  }
  if (descriptor.name !== entry.name) throw new Error(`${entry.package} calls itself "${descriptor.name}" but the registry names it "${entry.name}".`);
  return descriptor;
}
