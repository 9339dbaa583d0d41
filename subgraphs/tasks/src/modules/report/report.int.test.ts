import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { testCaller } from '@kh02/subgraph-kit/testing';
import { ProgressReport } from '../progress/progress.entity';
import { startTestTasks, type TestTasks } from '../../testing';

/**
 * The version guarantee is the database's, not only the application's: a second report with an
 * assignment's existing version is refused by the unique index, whatever the code in front of it.
 * And reportProgress through the subgraph's own entry point (happy path, a refusal, the audit row).
 */
let t: TestTasks;
beforeAll(async () => {
  t = await startTestTasks(0.05);
});
afterAll(() => t?.close());

test('the unique index on (assignment, version) refuses a second row with the same version', async () => {
  const em = t.subgraph.orm.em.fork();
  const [existing] = await em.find(ProgressReport, { assignmentId: { $ne: null }, version: { $ne: null } }, { limit: 1 });
  const copy = Object.assign(new ProgressReport(), {
    taskCode: existing.taskCode,
    assignmentId: existing.assignmentId,
    state: existing.state,
    percent: existing.percent,
    reportedAt: new Date(),
    reportedBy: 'test',
    version: existing.version,
  });
  await expect(em.persistAndFlush(copy)).rejects.toBeInstanceOf(UniqueConstraintViolationException);
});

test('reportProgress lands for an admin and is audited; an analyst is FORBIDDEN and that is audited too', async () => {
  const em = t.subgraph.orm.em.fork();
  const [existing] = await em.find(ProgressReport, { assignmentId: { $ne: null } }, { limit: 1, orderBy: { id: 'asc' } });
  const REPORT = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) { report { version percent } assignment { version } } }`;
  const ok = await t.run(REPORT, { input: { assignmentId: existing.assignmentId, completed: true } }, testCaller('admin'));
  expect(ok.errors).toBeUndefined();
  expect(ok.data!.reportProgress.report.percent).toBe(100);
  expect(ok.data!.reportProgress.assignment.version).toBe(ok.data!.reportProgress.report.version);
  const refused = await t.run(REPORT, { input: { assignmentId: existing.assignmentId, percent: 5 } }, testCaller('analyst'));
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const log = await t.run(`{ auditLog { tasks { edges { node { operation outcome errorCode actor } } } } }`, {}, testCaller('admin'));
  expect(log.data!.auditLog.tasks.edges.map((e: any) => [e.node.outcome, e.node.errorCode, e.node.actor])).toEqual([
    ['REFUSED', 'FORBIDDEN', 'test-analyst'],
    ['WRITTEN', null, 'test-admin'],
  ]);
});
