import type { EntityManager } from '@mikro-orm/core';
import { generateTasksDataset } from './dataset/tasks';
import { AssignmentEntity } from './modules/assignment/assignment.entity';
import { TaskGroup } from './modules/group/group.entity';
import { Locality } from './modules/locality/locality.entity';
import { Plan } from './modules/plan/plan.entity';
import { ProgressReport } from './modules/progress/progress.entity';
import type { ProgressState, TaskLevel } from './modules/progress/progress.enums';
import { Task } from './modules/task/task.entity';
import { ReportingCutoff } from '@kh02/subgraph-kit';

/** Options for seeding: the dataset's seed and the share of communes kept (tests use 0.1). */
export interface SeedOptions {
  seed?: number;
  fraction?: number;
}

const CHUNK = 500;

async function insertChunked<T extends object>(tx: EntityManager, entity: new () => T, rows: readonly Partial<T>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await tx.insertMany(entity, rows.slice(i, i + CHUNK) as T[]);
}

/** Numbers each assignment's reports 1, 2, … in id order (`Assignment.version`); central tasks' reports have none. */
function withVersions<R extends { assignmentId: number | null }>(reports: readonly R[]): (R & { version: number | null })[] {
  const seen = new Map<number, number>();
  return reports.map((r) => {
    if (r.assignmentId == null) return { ...r, version: null };
    const version = (seen.get(r.assignmentId) ?? 0) + 1;
    seen.set(r.assignmentId, version);
    return { ...r, version };
  });
}

/**
 * Writes the default dataset's plan, tasks, localities, assignments, progress history and
 * reporting cut-offs when the database holds no plan; all or nothing, in one transaction.
 * Returns false when data were already there.
 */
export async function seedTasks(em: EntityManager, options: SeedOptions = {}): Promise<boolean> {
  const data = generateTasksDataset(options);
  return em.transactional(async (tx) => {
    if ((await tx.count(Plan)) > 0) return false;
    await tx.insertMany(Plan, [{ ...data.plan }]);
    await tx.insertMany(
      TaskGroup,
      data.groups.map((g) => ({ ...g })),
    );
    await tx.insertMany(
      Task,
      data.tasks.map((t) => ({ ...t, level: t.level as TaskLevel })),
    );
    await insertChunked(
      tx,
      Locality,
      data.localities.map((l) => ({ ...l, level: l.level as TaskLevel })),
    );
    await insertChunked(
      tx,
      AssignmentEntity,
      data.assignments.map((a) => ({ ...a, level: a.level as TaskLevel })),
    );
    await insertChunked(
      tx,
      ProgressReport,
      withVersions(data.reports).map((r) => ({ ...r, state: r.state as ProgressState })),
    );
    await tx.insertMany(
      ReportingCutoff,
      data.cutoffs.map((at, i) => ({ id: i + 1, at })),
    );
    const connection = tx.getConnection();
    // Only PostgreSQL has serial sequences to move (its platform is the one with a default schema).
    if (connection.getPlatform().getDefaultSchemaName() === 'public') {
      // Ids were given explicitly (they tie reports to assignments): move the sequences past them.
      for (const table of ['assignment', 'progress_report', 'reporting_cutoff']) {
        // Inside the seeding transaction (tx.execute): another connection would not see the rows yet and
        // would set the sequence back to 1, so the first write after seeding would collide on an id.
        await connection.execute(
          `select setval(pg_get_serial_sequence('${table}', 'id'), (select coalesce(max(id), 1) from ${table}))`,
          [],
          'all',
          tx.getTransactionContext(),
        );
      }
    }
    return true;
  });
}
