import { createSubgraphServer, openDatabase, REPO_ROOT, type Caller, type Subgraph } from '@kh02/subgraph-kit';
import path from 'node:path';
import { NAME } from './config';
import { createTasksContext, type TasksContext } from './context';
import { migrations } from './migrations';
import { AssignmentEntity } from './modules/assignment/assignment.entity';
import { TaskGroup } from './modules/group/group.entity';
import { Locality } from './modules/locality/locality.entity';
import { Plan } from './modules/plan/plan.entity';
import { ProgressReport } from './modules/progress/progress.entity';
import { DEFAULT_THRESHOLDS, validateThresholds, type ProgressThresholds } from './modules/progress/progress.rule';
import { Task } from './modules/task/task.entity';
import { ReportingCutoff } from './modules/timeline/timeline.entity';
import { buildTasksSchema } from './schema';

/** Entities, listed by hand. */
export const entities = [Plan, TaskGroup, Task, Locality, AssignmentEntity, ProgressReport, ReportingCutoff];

/** How to build the subgraph; defaults run on a laptop. */
export interface TasksOptions {
  databaseUrl?: string;
  dataDir?: string;
  production?: boolean;
  debugSql?: boolean;
  /** The colour rule's thresholds; default 15 / 35 points. */
  thresholds?: ProgressThresholds;
}

/** Builds the tasks subgraph. It never listens, migrates or seeds: `main.ts` does. */
export async function createSubgraph(options: TasksOptions = {}): Promise<Subgraph<TasksContext>> {
  const thresholds = validateThresholds(options.thresholds ?? DEFAULT_THRESHOLDS);
  const { orm } = await openDatabase({
    subgraph: NAME,
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir ?? path.join(REPO_ROOT, 'data'),
    entities,
    migrations,
    debug: options.debugSql,
  });
  let schema;
  try {
    schema = await buildTasksSchema();
  } catch (error) {
    // Do not leave the database open when the schema cannot be built.
    await orm.close();
    throw error;
  }
  const server = createSubgraphServer<TasksContext>(schema, options.production ?? false);
  return {
    name: NAME,
    schema,
    server,
    orm,
    createContext: (caller?: Caller) => createTasksContext(orm, thresholds, caller),
    async close() {
      try {
        await server.stop();
      } finally {
        await orm.close();
      }
    },
  };
}
