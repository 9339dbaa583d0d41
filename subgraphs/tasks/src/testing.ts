import { startTestSubgraph, type TestSubgraph } from '@kh02/subgraph-kit/testing';
import { createSubgraph, type TasksOptions } from './app';
import type { TasksContext } from './context';
import { seedTasks } from './seed';

/** A migrated, seeded tasks subgraph on a fresh test database. */
export type TestTasks = TestSubgraph<TasksContext>;

/** Starts tasks on a fresh database (SQLite in memory, or PostgreSQL in CI) with `fraction` of the communes. */
export function startTestTasks(fraction = 1, options: Omit<TasksOptions, 'databaseUrl'> = {}): Promise<TestTasks> {
  return startTestSubgraph('tasks', (databaseUrl) => createSubgraph({ ...options, databaseUrl }), seedTasks, fraction);
}
