import { assembleSubgraph, WRITE_ENTITIES, type Subgraph, type SubgraphOptions } from '@kh02/subgraph-kit';
import { NAME } from './config';
import { createReadinessContext, type ReadinessContext } from './context';
import { migrations } from './migrations';
import { Assessment } from './modules/assessment/assessment.entity';
import { Criterion } from './modules/criterion/criterion.entity';
import { CommuneLocality } from './modules/locality/locality.entity';
import { OnlineApplicationDay } from './modules/online-application/online-application.entity';
import { SyncedRecordDay } from './modules/synced-record/synced-record.entity';
import { buildReadinessSchema } from './schema';

/** Entities, listed by hand. */
export const entities = [Criterion, Assessment, CommuneLocality, OnlineApplicationDay, SyncedRecordDay, ...WRITE_ENTITIES];

/** How to build the subgraph; defaults run on a laptop. */
export type ReadinessOptions = SubgraphOptions;

/** Builds the readiness subgraph. It never listens, migrates or seeds: `main.ts` does. */
export function createSubgraph(options: ReadinessOptions = {}): Promise<Subgraph<ReadinessContext>> {
  return assembleSubgraph({ name: NAME, entities, migrations, buildSchema: buildReadinessSchema, createContext: createReadinessContext }, options);
}
