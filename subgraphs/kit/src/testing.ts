import { randomBytes } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/core';
import { Client } from 'pg';
import { scopesOfRoles, type Caller, type Role } from '@kh02/common';
import type { BaseContext } from './context';
import { schemaDrift } from './migration';
import type { SubgraphModule } from './module';
import { migrate, syncSequences } from './orm';
import type { Subgraph } from './server';

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

/** A migrated, seeded subgraph on a fresh test database, driven through Apollo's `executeOperation`. */
export interface TestSubgraph<TContext extends BaseContext> {
  subgraph: Subgraph<TContext>;
  database: TestDatabase;
  /** Runs an operation with a real request context (as `caller`, default anonymous); returns data, errors and the SQL statements it ran. */
  run(
    query: string,
    variables?: Record<string, unknown>,
    caller?: Caller,
  ): Promise<{ data?: Record<string, any>; errors?: readonly any[]; statements: number }>;
  close(): Promise<void>;
}

/** A verified caller as the gateway's identity token would describe it, for subgraph tests (`run(query, vars, testCaller('analyst'))`). */
export function testCaller(role: Role, binding: { province?: string; commune?: string; scopes?: string[] } = {}): Caller {
  const caller: Caller = { subject: `test-${role}`, roles: [role], scopes: [...(binding.scopes ?? []), ...scopesOfRoles([role])] };
  if (binding.province !== undefined) caller.province = binding.province;
  if (binding.commune !== undefined) caller.commune = binding.commune;
  return caller;
}

/**
 * Starts a subgraph for a test: a fresh database ({@link createTestDatabase}), its migrations,
 * its seed with `fraction` of the communes, and its Apollo server (not listening).
 */
export async function startTestSubgraph<TContext extends BaseContext>(
  name: string,
  create: (databaseUrl: string) => Promise<Subgraph<TContext>>,
  seed: (em: EntityManager, options: { fraction: number }) => Promise<unknown>,
  fraction = 1,
): Promise<TestSubgraph<TContext>> {
  const database = await createTestDatabase(name);
  const subgraph = await create(database.url);
  try {
    await migrate(subgraph.orm);
    await seed(subgraph.orm.em.fork(), { fraction });
    await syncSequences(subgraph.orm);
    await subgraph.server.start();
  } catch (error) {
    await subgraph.close();
    await database.drop();
    throw error;
  }
  return {
    subgraph,
    database,
    async run(query, variables, caller) {
      const contextValue = subgraph.createContext(caller);
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

/** What running a subgraph's migrations on a fresh database found ({@link checkMigrations}). */
export interface MigrationCheck {
  /** Migrations the first run applied, in order. */
  applied: string[];
  /** Differences between the migrated database and the entities ({@link schemaDrift}); empty when they agree. */
  drift: string[];
  /** Migrations a second run applied: none when they are recorded. */
  reapplied: string[];
}

/**
 * Migrates a fresh test database for a subgraph twice and compares the result with its entities,
 * for every subgraph's migration-drift test. Expect
 * `{ applied: <every migration's name>, drift: [], reapplied: [] }`.
 */
export async function checkMigrations<TContext extends BaseContext>(
  module: Pick<SubgraphModule<TContext>, 'name' | 'createSubgraph'>,
): Promise<MigrationCheck> {
  const database = await createTestDatabase(module.name);
  try {
    const subgraph = await module.createSubgraph({ databaseUrl: database.url });
    try {
      const applied = await migrate(subgraph.orm);
      const drift = await schemaDrift(subgraph.orm);
      const reapplied = await migrate(subgraph.orm);
      return { applied, drift, reapplied };
    } finally {
      // Never started: close the database only (a subgraph's close() may expect a started server).
      await subgraph.orm.close();
    }
  } finally {
    await database.drop();
  }
}

/** Runs one SQL statement on a PostgreSQL database with a short-lived connection (tests and scripts checking a database directly). */
export async function queryPostgres<Row extends Record<string, unknown> = Record<string, unknown>>(
  url: string,
  sql: string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return (await client.query<Row>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
