import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** True when this test run must use PostgreSQL (CI sets `KH02_TEST_DB=postgres`). */
export function testingOnPostgres(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.KH02_TEST_DB === 'postgres';
}

/** A fresh, empty database for one test file; `drop()` removes it. */
export interface TestDatabase {
  /** Pass as the subgraph's `databaseUrl`. */
  url: string;
  kind: 'postgresql' | 'sqlite';
  drop(): Promise<void>;
}

/**
 * Creates a fresh database for a test: an in-memory SQLite database by default, or a new
 * PostgreSQL database (named after the subgraph, unique per call) when `KH02_TEST_DB=postgres`,
 * on `KH02_TEST_PG_URL` (default `postgres://postgres@127.0.0.1:5432/postgres`). If PostgreSQL
 * was asked for and cannot be reached, this throws: the test fails rather than skips.
 */
export async function createTestDatabase(subgraph: string, env: NodeJS.ProcessEnv = process.env): Promise<TestDatabase> {
  if (!testingOnPostgres(env)) {
    return { url: 'sqlite::memory:', kind: 'sqlite', drop: async () => undefined };
  }
  const adminUrl = env.KH02_TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `kh02_test_${subgraph}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(`KH02_TEST_DB=postgres but PostgreSQL at ${adminUrl} is unreachable: ${(error as Error).message}`);
  }
  try {
    await admin.query(`create database "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    kind: 'postgresql',
    async drop() {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists "${name}" with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}
