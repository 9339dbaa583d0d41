import { SUBGRAPHS, databaseUrlVariable } from '@kh02/common';
import { subgraphModule } from '@kh02/tasks';
import { createTestDatabase, queryPostgres, type TestDatabase } from '@kh02/subgraph-kit/testing';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { formatResult, parseMigrateArgs, runMigrations } from './migrate';

/** `npm run migrate` on PostgreSQL always (fresh databases; unreachable is a failure) and on SQLite files. */
const ON_PG = { KH02_TEST_DB: 'postgres', KH02_TEST_PG_URL: process.env.KH02_TEST_PG_URL };
const ROOT = path.resolve(__dirname, '../..');
const TASKS_MAIN = path.join(ROOT, 'subgraphs/tasks/dist/main.js');
/** Fixed test port (this suite's range is 4400–4499). */
const TASKS_TEST_PORT = 4490;

async function tables(url: string): Promise<string[]> {
  const rows = await queryPostgres<{ table_name: string }>(url, "select table_name from information_schema.tables where table_schema = 'public' order by 1");
  return rows.map((r) => r.table_name);
}

function run(entry: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [entry], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

describe('npm run migrate', () => {
  const databases: TestDatabase[] = [];
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });

  it('parses --seed and --only, refusing anything else', () => {
    expect(parseMigrateArgs([])).toEqual({ seed: false, only: [] });
    expect(parseMigrateArgs(['--seed', '--only', 'tasks', '--only=geography,readiness'])).toEqual({ seed: true, only: ['tasks', 'geography', 'readiness'] });
    expect(() => parseMigrateArgs(['--only', 'billing'])).toThrow(/No subgraph named "billing"/);
    expect(() => parseMigrateArgs(['--force'])).toThrow(/Unknown argument --force/);
  });

  it('migrates every registered subgraph on PostgreSQL, then reports it up to date', async () => {
    const env: NodeJS.ProcessEnv = {};
    for (const s of SUBGRAPHS) {
      const db = await createTestDatabase(`migrate_${s.name}`, ON_PG);
      databases.push(db);
      env[databaseUrlVariable(s.name)] = db.url;
    }
    const first = await runMigrations({ seed: false, only: [] }, env);
    expect(first.map((r) => r.subgraph)).toEqual(SUBGRAPHS.map((s) => s.name));
    for (const r of first) {
      expect(r.applied.length).toBeGreaterThan(0);
      expect(r.database).toMatch(/^postgres/);
      expect(formatResult(r)).toMatch(new RegExp(`^${r.subgraph} \\(postgres.*\\): applied ${r.applied.length} migration\\(s\\)`));
      const names = await tables(env[databaseUrlVariable(r.subgraph)]!);
      expect(names).toContain('mikro_orm_migrations');
      expect(names.length).toBeGreaterThan(2);
    }
    const second = await runMigrations({ seed: false, only: [] }, env);
    expect(second.map((r) => [r.subgraph, r.applied.length, formatResult(r).endsWith('up to date')])).toEqual(SUBGRAPHS.map((s) => [s.name, 0, true]));
  });

  it('seeds PostgreSQL with its sequences past the seeded ids, so the next insert gets a fresh id', async () => {
    const db = await createTestDatabase('migrate_seq_tasks', ON_PG);
    databases.push(db);
    const [result] = await runMigrations({ seed: true, only: ['tasks'] }, { TASKS_DATABASE_URL: db.url });
    expect(result.seeded).toBe(true);
    const [{ max_id, next }] = await queryPostgres<{ max_id: number; next: string }>(
      db.url,
      "select (select max(id) from progress_report) as max_id, nextval(pg_get_serial_sequence('progress_report', 'id')) as next",
    );
    expect(max_id).toBeGreaterThan(1000);
    expect(Number(next)).toBe(max_id + 1);
  });

  it('migrates and seeds SQLite files under DATA_DIR; a second run seeds nothing', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kh02-migrate-'));
    try {
      const first = await runMigrations({ seed: true, only: ['geography'] }, { DATA_DIR: dataDir });
      expect(first).toEqual([
        { subgraph: 'geography', database: `sqlite:${path.join(dataDir, 'geography.sqlite')}`, applied: expect.any(Array), seeded: true },
      ]);
      expect(first[0].applied.length).toBeGreaterThan(0);
      const second = await runMigrations({ seed: true, only: ['geography'] }, { DATA_DIR: dataDir });
      expect(second[0]).toMatchObject({ applied: [], seeded: false });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('a production subgraph refuses an unmigrated database, naming npm run migrate, and starts once it is migrated', async () => {
    const db = await createTestDatabase('migrate_prod_tasks', ON_PG);
    databases.push(db);
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      SUBGRAPH_SECRET: 's'.repeat(32),
      INTERNAL_TOKEN_SECRET: 'k'.repeat(32),
      DATABASE_URL: db.url,
      PORT: String(TASKS_TEST_PORT),
      LOG_LEVEL: 'warn',
    };
    const refused = await run(TASKS_MAIN, env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/The tasks database is not migrated: \d+ pending migration\(s\).*run `npm run migrate`/);
    expect(await tables(db.url)).not.toContain('task');

    await runMigrations({ seed: false, only: ['tasks'] }, { DATABASE_URL: db.url });
    const child = spawn(process.execPath, [TASKS_MAIN], { env, stdio: 'ignore' });
    try {
      let status = 0;
      for (let i = 0; i < 100 && status !== 200; i++) {
        await new Promise((r) => setTimeout(r, 200));
        status = await fetch(`http://127.0.0.1:${TASKS_TEST_PORT}/ready`).then(
          (r) => r.status,
          () => 0,
        );
      }
      expect(status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
  });

  it('applies the statement timeout on PostgreSQL', async () => {
    const db = await createTestDatabase('migrate_timeout', ON_PG);
    databases.push(db);
    const subgraph = await subgraphModule.createSubgraph({
      databaseUrl: db.url,
      database: { poolMin: 0, poolMax: 2, statementTimeoutMs: 150, ssl: 'disable', sslCa: undefined },
    });
    const orm = subgraph.orm;
    try {
      await expect(orm.em.getConnection().execute('select pg_sleep(2)')).rejects.toThrow(/statement timeout/);
      expect(await orm.em.getConnection().execute('show statement_timeout')).toEqual([{ statement_timeout: '150ms' }]);
    } finally {
      await subgraph.close();
    }
  });
});
