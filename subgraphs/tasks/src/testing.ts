import { createTestDatabase, migrate, type Subgraph, type TestDatabase } from '@kh02/subgraph-kit';
import { createSubgraph, type TasksOptions } from './app';
import type { TasksContext } from './context';
import { seedTasks } from './seed';

/** A migrated, seeded tasks subgraph on a fresh test database. */
export interface TestTasks {
  subgraph: Subgraph<TasksContext>;
  database: TestDatabase;
  /** Runs an operation through Apollo with a real request context; returns data, errors and the SQL count. */
  run(query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, any>; errors?: readonly any[]; statements: number }>;
  close(): Promise<void>;
}

/** Starts tasks on a fresh database (SQLite in memory, or PostgreSQL in CI) with `fraction` of the communes. */
export async function startTestTasks(fraction = 1, options: Omit<TasksOptions, 'databaseUrl'> = {}): Promise<TestTasks> {
  const database = await createTestDatabase('tasks');
  const subgraph = await createSubgraph({ ...options, databaseUrl: database.url });
  await migrate(subgraph.orm);
  await seedTasks(subgraph.orm.em.fork(), { fraction });
  await subgraph.server.start();
  return {
    subgraph,
    database,
    async run(query, variables) {
      const contextValue = subgraph.createContext();
      const response = await subgraph.server.executeOperation({ query, variables }, { contextValue });
      if (response.body.kind !== 'single') throw new Error('expected a single result');
      const { data, errors } = response.body.singleResult;
      return { data: data as Record<string, any> | undefined, errors, statements: contextValue.sql.statements };
    },
    async close() {
      await subgraph.close();
      await database.drop();
    },
  };
}
