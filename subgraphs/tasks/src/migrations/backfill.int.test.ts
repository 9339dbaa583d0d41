import { createTestDatabase, type TestDatabase } from '@kh02/subgraph-kit/testing';
import { createSubgraph } from '../app';
import type { Subgraph } from '@kh02/subgraph-kit';
import type { TasksContext } from '../context';
import type { SqlEntityManager } from '@mikro-orm/knex';

/**
 * A database made before the write path (data/*.sqlite of an earlier start) keeps its history: the
 * write-path migration numbers each assignment's existing reports 1, 2, … by id.
 */
let db: TestDatabase;
let subgraph: Subgraph<TasksContext>;
beforeAll(async () => {
  db = await createTestDatabase('tasks');
  subgraph = await createSubgraph({ databaseUrl: db.url });
});
afterAll(async () => {
  await subgraph?.close();
  await db?.drop();
});

test('existing reports get their versions', async () => {
  const migrator = subgraph.orm.getMigrator();
  await migrator.up({ to: 'Migration20251129000000EnumChecks' });
  const em = subgraph.orm.em.fork() as SqlEntityManager;
  const t0 = new Date('2025-06-10T00:00:00Z');
  const at = (d: number) => em.getPlatform().processDateProperty(new Date(t0.getTime() + d * 86400_000));
  await em.execute(`insert into plan (code, title, title_vi, description, issued_on, monitoring_start) values ('P', 't', 't', 'd', '2025-06-19', ?)`, [at(0)]);
  await em.execute(`insert into task_group (code, plan_code, position, name, name_vi, description) values ('G', 'P', 1, 'n', 'n', 'd')`);
  await em.execute(
    `insert into task (code, plan_code, group_code, position, level, title, description, responsible_body, starts_at, deadline, synthetic) values ('T', 'P', 'G', 1, 'COMMUNE', 't', 'd', 'b', ?, ?, ?)`,
    [at(0), at(90), true],
  );
  await em.execute(`insert into locality (code, level, province_code) values ('00004', 'COMMUNE', '01'), ('00005', 'COMMUNE', '01')`);
  await em.execute(
    `insert into assignment (id, task_code, level, locality_code, province_code) values (1, 'T', 'COMMUNE', '00004', '01'), (2, 'T', 'COMMUNE', '00005', '01')`,
  );
  for (const [id, assignment, day] of [
    [1, 1, 1],
    [2, 2, 2],
    [3, 1, 3],
    [4, 1, 4],
    [5, 2, 5],
  ]) {
    await em.execute(
      `insert into progress_report (id, task_code, assignment_id, state, percent, reported_at, reported_by) values (?, 'T', ?, 'IN_PROGRESS', 10, ?, 'x')`,
      [id, assignment, at(day)],
    );
  }
  await em.execute(
    `insert into progress_report (id, task_code, assignment_id, state, percent, reported_at, reported_by) values (6, 'T', null, 'IN_PROGRESS', 10, ?, 'x')`,
    [at(6)],
  );
  await migrator.up();
  const rows = await em.execute<{ id: number; version: number | null }[]>('select id, version from progress_report order by id');
  expect(rows.map((r) => [Number(r.id), r.version == null ? null : Number(r.version)])).toEqual([
    [1, 1],
    [2, 1],
    [3, 2],
    [4, 3],
    [5, 2],
    [6, null],
  ]);
});
