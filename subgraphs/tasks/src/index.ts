export { createSubgraph, entities, type TasksOptions } from './app';
export { loadConfig, NAME, DEFAULT_PORT, type TasksConfig } from './config';
export { createTasksContext, type TasksContext } from './context';
export { buildTasksSchema } from './schema';
export { seedTasks, type SeedOptions } from './seed';
export { migrations } from './migrations';
export { subgraphModule } from './module';
export * from './modules/progress/progress.rule';
export { ProgressState, ProgressStatus, TaskLevel } from './modules/progress/progress.enums';
export {
  readAssignments,
  readReports,
  summariseLocality,
  summariseProvince,
  summariseAssignedTask,
  summariseCentralTask,
  type AssessedAssignment,
  type ProvinceSummary,
  type TaskProgressSummary,
} from './modules/progress/progress.service';
export { listTasks, sortTasks, dueDateOf } from './modules/task/task.service';
export { readCatalog, type Catalog } from './modules/task/task.loaders';
export { coverageBands, rankByCoverage, provinceCoverages, countColours } from './modules/country/country.service';
