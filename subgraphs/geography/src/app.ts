import { createSubgraphServer, stopServer, openDatabase, REPO_ROOT, type Caller, type Subgraph } from '@kh02/subgraph-kit';
import path from 'node:path';
import { createGeographyContext, type GeographyContext } from './context';
import { migrations } from './migrations';
import { Commune } from './modules/commune/commune.entity';
import { Province } from './modules/province/province.entity';
import { NAME } from './config';
import { buildGeographySchema } from './schema';

/** Entities, listed by hand. */
export const entities = [Province, Commune];

/** How to build the subgraph; defaults run on a laptop. */
export interface GeographyOptions {
  databaseUrl?: string;
  dataDir?: string;
  production?: boolean;
  debugSql?: boolean;
}

/** Builds the geography subgraph. It never listens, migrates or seeds: `main.ts` does. */
export async function createSubgraph(options: GeographyOptions = {}): Promise<Subgraph<GeographyContext>> {
  const { orm } = await openDatabase({
    subgraph: NAME,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? path.join(REPO_ROOT, 'data'),
    entities,
    migrations,
    debug: options.debugSql,
  });
  const schema = await buildGeographySchema();
  const server = createSubgraphServer<GeographyContext>(schema, options.production ?? false);
  return {
    name: NAME,
    schema,
    server,
    orm,
    createContext: (caller?: Caller) => createGeographyContext(orm, caller),
    async close() {
      await stopServer(server);
      await orm.close();
    },
  };
}
