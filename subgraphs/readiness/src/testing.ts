import { startTestSubgraph, type TestSubgraph } from '@kh02/subgraph-kit/testing';
import { createSubgraph } from './app';
import type { ReadinessContext } from './context';
import { seedReadiness } from './seed';

/** A migrated, seeded readiness subgraph on a fresh test database. */
export type TestReadiness = TestSubgraph<ReadinessContext>;

/** Starts readiness on a fresh database (SQLite in memory, or PostgreSQL in CI) with `fraction` of the communes. */
export function startTestReadiness(fraction = 1): Promise<TestReadiness> {
  return startTestSubgraph('readiness', (databaseUrl) => createSubgraph({ databaseUrl }), seedReadiness, fraction);
}
