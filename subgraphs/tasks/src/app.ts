import { assembleSubgraph, WRITE_ENTITIES, type Subgraph, type SubgraphOptions } from '@kh02/subgraph-kit';
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
import { buildTasksSchema } from './schema';

/** Entities, listed by hand. */
export const entities = [Plan, TaskGroup, Task, Locality, AssignmentEntity, ProgressReport, ...WRITE_ENTITIES];

/** How to build the subgraph; defaults run on a laptop. */
export interface TasksOptions extends SubgraphOptions {
  /** The colour rule's thresholds; default 15 / 35 points. */
  thresholds?: ProgressThresholds;
}

/** Builds the tasks subgraph. It never listens, migrates or seeds: `main.ts` does. */
export function createSubgraph(options: TasksOptions = {}): Promise<Subgraph<TasksContext>> {
  const thresholds = validateThresholds(options.thresholds ?? DEFAULT_THRESHOLDS);
  return assembleSubgraph(
    { name: NAME, entities, migrations, buildSchema: buildTasksSchema, createContext: (orm, caller) => createTasksContext(orm, thresholds, caller) },
    options,
  );
}
