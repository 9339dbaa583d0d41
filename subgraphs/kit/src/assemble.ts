import type { MikroORM, Options } from '@mikro-orm/core';
import type { MigrationObject } from '@mikro-orm/core';
import type { GraphQLSchema } from 'graphql';
import path from 'node:path';
import { REPO_ROOT, type DatabaseTuning } from './config';
import type { Caller } from '@kh02/common';
import type { BaseContext } from './context';
import { openDatabase } from './orm';
import { createSubgraphServer, stopServer, type Subgraph } from './server';

/** What makes one subgraph: its name, entities, migrations, schema and request context. */
export interface SubgraphParts<TContext extends BaseContext> {
  name: string;
  entities: Options['entities'];
  migrations: MigrationObject[];
  buildSchema(): Promise<GraphQLSchema>;
  createContext(orm: MikroORM, caller?: Caller): TContext;
}

/** How to build a subgraph; the defaults run on a laptop. */
export interface SubgraphOptions {
  /** Unset: `<dataDir>/<name>.sqlite`. */
  databaseUrl?: string;
  dataDir?: string;
  production?: boolean;
  debugSql?: boolean;
  /** PostgreSQL pool, statement timeout and TLS (a subgraph's config carries them as `database`). */
  database?: Readonly<DatabaseTuning>;
  /** How long an Idempotency-Key is remembered, in hours; default 24. */
  idempotencyTtlHours?: number;
}

/**
 * Puts a subgraph together: opens its database (does not migrate or seed), builds its schema and
 * Apollo server, and returns `{ name, schema, server, orm, createContext, close }`. It never
 * listens: the subgraph's `main.ts` does.
 */
export async function assembleSubgraph<TContext extends BaseContext>(
  parts: SubgraphParts<TContext>,
  options: SubgraphOptions = {},
): Promise<Subgraph<TContext>> {
  const { orm } = await openDatabase({
    subgraph: parts.name,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? path.join(REPO_ROOT, 'data'),
    entities: parts.entities,
    migrations: parts.migrations,
    debug: options.debugSql,
    tuning: options.database,
  });
  let schema: GraphQLSchema;
  try {
    schema = await parts.buildSchema();
  } catch (error) {
    // Do not leave the database open when the schema cannot be built.
    await orm.close();
    throw error;
  }
  const server = createSubgraphServer<TContext>(schema, options.production ?? false);
  return {
    name: parts.name,
    schema,
    server,
    orm,
    createContext: (caller?: Caller) => {
      const ctx = parts.createContext(orm, caller);
      if (options.idempotencyTtlHours !== undefined) ctx.idempotencyTtlHours = options.idempotencyTtlHours;
      return ctx;
    },
    async close() {
      try {
        await stopServer(server);
      } finally {
        await orm.close();
      }
    },
  };
}
