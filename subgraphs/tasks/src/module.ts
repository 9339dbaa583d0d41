import type { SubgraphModule } from '@kh02/subgraph-kit';
import { createSubgraph } from './app';
import { NAME } from './config';
import type { TasksContext } from './context';
import { migrations } from './migrations';
import { buildTasksSchema } from './schema';
import { seedTasks } from './seed';

/** This package's descriptor: what scripts, the bench, composition and tests use, found through the registry. */
export const subgraphModule: SubgraphModule<TasksContext> = {
  name: NAME,
  createSubgraph,
  buildSchema: buildTasksSchema,
  seed: seedTasks,
  migrations,
};
