import { generateLocalities } from '@kh02/subgraph-kit';
import { startTestTasks, type TestTasks } from '../../testing';
import { ProgressState } from './progress.enums';
import { ProgressReport } from './progress.entity';

// Assignments as of a published cut-off are assessed once per process (the kit's snapshots.ts);
// any other moment is read per request, so a new report is seen at once.
let t: TestTasks;
const registry = generateLocalities({ fraction: 0.1 });
const communes = registry.communes.map((c) => ({ __typename: 'Commune', code: c.code }));
const query = (asOf?: string) => {
  const at = asOf ? `(asOf: "${asOf}")` : '';
  return `query($communes: [_Any!]!) { _entities(representations: $communes) { ... on Commune { code progressStatus${at} assignments${at} { number state lastReport { percent } } } } }`;
};

beforeAll(async () => {
  t = await startTestTasks(0.1);
});
afterAll(async () => {
  await t.close();
});

test('at a published cut-off (the default asOf) the assignments are read once per process, the answers unchanged', async () => {
  const first = await t.run(query(), { communes });
  expect(first.errors).toBeUndefined();
  const second = await t.run(query(), { communes });
  expect(second.data).toEqual(first.data);
  expect(second.statements).toBe(first.statements - 1);
});

test('at a moment that is not a published cut-off every request reads, and sees a report recorded in between', async () => {
  const at = '2025-07-30T12:00:00+07:00';
  const before = await t.run(query(at), { communes });
  expect(before.errors).toBeUndefined();
  const assignment = before.data!._entities.flatMap((c: any) => c.assignments).find((a: any) => a.lastReport?.percent !== 42);
  const em = t.subgraph.orm.em.fork();
  const task = await em.getConnection().execute<{ task_code: string }[]>('select task_code from assignment where id = ?', [assignment.number]);
  // An explicit id: the seeder writes ids itself (on PostgreSQL the sequence may lag behind them).
  const [{ next }] = await em.getConnection().execute<{ next: number }[]>('select max(id) + 1 as next from progress_report');
  em.create(ProgressReport, {
    id: Number(next),
    taskCode: task[0].task_code,
    assignmentId: assignment.number,
    state: ProgressState.IN_PROGRESS,
    percent: 42,
    reportedAt: new Date('2025-07-30T10:00:00+07:00'),
    reportedBy: 'snapshot test',
  });
  await em.flush();
  const after = await t.run(query(at), { communes });
  expect(after.statements).toBe(before.statements);
  const seen = after.data!._entities.flatMap((c: any) => c.assignments).find((a: any) => a.number === assignment.number);
  expect(seen.lastReport).toEqual({ percent: 42 });
});
