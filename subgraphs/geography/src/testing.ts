import { startTestSubgraph, type TestSubgraph } from '@kh02/subgraph-kit/testing';
import { createSubgraph } from './app';
import type { GeographyContext } from './context';
import { seedGeography } from './seed';

/** A migrated, seeded geography subgraph on a fresh test database. */
export type TestGeography = TestSubgraph<GeographyContext>;

/** Starts geography on a fresh database (SQLite in memory, or PostgreSQL in CI) with `fraction` of the communes. */
export function startTestGeography(fraction = 1): Promise<TestGeography> {
  return startTestSubgraph('geography', (databaseUrl) => createSubgraph({ databaseUrl }), seedGeography, fraction);
}
