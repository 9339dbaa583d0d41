import { createSubgraphServer, openDatabase, REPO_ROOT, stopServer, type Caller, type Subgraph } from '@kh02/subgraph-kit';
import path from 'node:path';
import { NAME } from './config';
import { createReadinessContext, type ReadinessContext } from './context';
import { migrations } from './migrations';
import { Assessment } from './modules/assessment/assessment.entity';
import { Criterion } from './modules/criterion/criterion.entity';
import { ReportingCutoff } from './modules/cutoff/cutoff.entity';
import { CommuneLocality } from './modules/locality/locality.entity';
import { OnlineApplicationDay } from './modules/online-application/online-application.entity';
import { SyncedRecordDay } from './modules/synced-record/synced-record.entity';
import { buildReadinessSchema } from './schema';

/** Entities, listed by hand. */
export const entities = [Criterion, Assessment, CommuneLocality, ReportingCutoff, OnlineApplicationDay, SyncedRecordDay];

/** How to build the subgraph; defaults run on a laptop. */
export interface ReadinessOptions {
  databaseUrl?: string;
  dataDir?: string;
  production?: boolean;
  debugSql?: boolean;
}

/** Builds the readiness subgraph. It never listens, migrates or seeds: `main.ts` does. */
export async function createSubgraph(options: ReadinessOptions = {}): Promise<Subgraph<ReadinessContext>> {
  const { orm } = await openDatabase({
    subgraph: NAME,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? path.join(REPO_ROOT, 'data'),
    entities,
    migrations,
    debug: options.debugSql,
  });
  const schema = await buildReadinessSchema();
  const server = createSubgraphServer<ReadinessContext>(schema, options.production ?? false);
  return {
    name: NAME,
    schema,
    server,
    orm,
    createContext: (caller?: Caller) => createReadinessContext(orm, caller),
    async close() {
      await stopServer(server);
      await orm.close();
    },
  };
}
