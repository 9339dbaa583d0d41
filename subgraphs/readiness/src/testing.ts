import { createTestDatabase, migrate, type Subgraph, type TestDatabase } from '@kh02/subgraph-kit';
import { createSubgraph } from './app';
import type { ReadinessContext } from './context';
import { seedReadiness } from './seed';

/** A migrated, seeded readiness subgraph on a fresh test database. */
export interface TestReadiness {
  subgraph: Subgraph<ReadinessContext>;
  database: TestDatabase;
  /** Runs an operation through Apollo with a real request context; returns data, errors and the SQL count. */
  run(query: string, variables?: Record<string, unknown>): Promise<{ data?: Record<string, any>; errors?: readonly any[]; statements: number }>;
  close(): Promise<void>;
}

/** Starts readiness on a fresh database (SQLite in memory, or PostgreSQL in CI) with `fraction` of the communes. */
export async function startTestReadiness(fraction = 1): Promise<TestReadiness> {
  const database = await createTestDatabase('readiness');
  const subgraph = await createSubgraph({ databaseUrl: database.url });
  await migrate(subgraph.orm);
  await seedReadiness(subgraph.orm.em.fork(), { fraction });
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
