import { normalizeSearchText, SortDirection } from '@kh02/subgraph-kit';
import type { TasksContext } from '../../context';
import type { TaskProgressSummary } from '../progress/progress.service';
import type { Task } from './task.entity';
import { TaskOrderField, type TaskFilter, type TaskOrder } from './task.inputs';

/** Two decimals, for percentages leaving the subgraph. */
export const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Where a task list is taken from. */
export interface TaskScope {
  planCode?: string;
  groupCode?: string;
}

/**
 * Tasks matching a filter, ordered. Static conditions are applied to the catalog (read once per
 * request); `states` and `overdue` need each remaining task's progress at `asOf`, which the
 * progress loaders compute in a constant number of statements.
 */
export async function listTasks(
  ctx: TasksContext,
  scope: TaskScope,
  filter: TaskFilter | null | undefined,
  orderBy: TaskOrder | null | undefined,
  asOf: Date,
): Promise<Task[]> {
  const { tasks } = await ctx.catalog();
  const body = filter?.responsibleBody != null ? normalizeSearchText(filter.responsibleBody) : null;
  let list = tasks.filter(
    (t) =>
      (!scope.planCode || t.planCode === scope.planCode) &&
      (!scope.groupCode || t.groupCode === scope.groupCode) &&
      (!filter?.groupCodes || filter.groupCodes.includes(t.groupCode)) &&
      (!filter?.levels || filter.levels.includes(t.level)) &&
      (!filter?.codes || filter.codes.includes(t.code)) &&
      (body === null || normalizeSearchText(t.responsibleBody).includes(body)),
  );
  if (filter?.states || filter?.overdue != null) {
    const progress = await taskProgressOf(ctx, list, asOf);
    list = list.filter((_task, i) => {
      const p = progress[i];
      return (!filter.states || filter.states.includes(p.state)) && (filter.overdue == null || p.overdue === filter.overdue);
    });
  }
  return sortTasks(list, orderBy);
}

/** Progress of several tasks at one moment, through the loaders. */
export async function taskProgressOf(ctx: TasksContext, tasks: readonly Task[], asOf: Date): Promise<TaskProgressSummary[]> {
  const results = await ctx.loaders.taskProgress.loadMany(tasks.map((t) => ({ code: t.code, asOf })));
  return results.map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });
}

/** Sorts tasks (a copy) by the requested key; ties keep plan order. */
export function sortTasks(tasks: readonly Task[], orderBy: TaskOrder | null | undefined): Task[] {
  const planOrder = new Map(tasks.map((t, i) => [t.code, i]));
  const field = orderBy?.field ?? TaskOrderField.PLAN;
  const key = (t: Task): number | string => {
    switch (field) {
      case TaskOrderField.CODE:
        return t.code;
      case TaskOrderField.DEADLINE:
        return t.deadline.getTime();
      case TaskOrderField.START:
        return t.startsAt.getTime();
      case TaskOrderField.TITLE:
        return normalizeSearchText(t.title);
      default:
        return planOrder.get(t.code)!;
    }
  };
  const sign = orderBy?.direction === SortDirection.DESC ? -1 : 1;
  return [...tasks].sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const c = ka < kb ? -1 : ka > kb ? 1 : 0;
    return sign * c || planOrder.get(a.code)! - planOrder.get(b.code)!;
  });
}

/** The due day of a deadline, "YYYY-MM-DD" in Vietnam time (UTC+7). */
export function dueDateOf(deadline: Date): string {
  return new Date(deadline.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
