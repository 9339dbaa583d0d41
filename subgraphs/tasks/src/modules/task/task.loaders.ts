import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { TaskGroup } from '../group/group.entity';
import { Plan } from '../plan/plan.entity';
import { Task } from './task.entity';

/** The plans, their groups and tasks: small tables, read whole once per request. */
export interface Catalog {
  plans: Plan[];
  planByCode: Map<string, Plan>;
  /** By plan, then position. */
  groups: TaskGroup[];
  groupByCode: Map<string, TaskGroup>;
  /** In plan order: by group position, then position in the group. */
  tasks: Task[];
  taskByCode: Map<string, Task>;
}

/** Reads the catalog: three statements. */
export async function readCatalog(em: EntityManager): Promise<Catalog> {
  const plans = await em.find(Plan, {}, { orderBy: { code: 'asc' } });
  const groups = await em.find(TaskGroup, {}, { orderBy: { planCode: 'asc', position: 'asc' } });
  const tasks = await em.find(Task, {}, { orderBy: { code: 'asc' } });
  const groupOrder = new Map(groups.map((g, i) => [g.code, i]));
  tasks.sort((a, b) => groupOrder.get(a.groupCode)! - groupOrder.get(b.groupCode)! || a.position - b.position || a.code.localeCompare(b.code));
  return {
    plans,
    planByCode: new Map(plans.map((p) => [p.code, p])),
    groups,
    groupByCode: new Map(groups.map((g) => [g.code, g])),
    tasks,
    taskByCode: new Map(tasks.map((t) => [t.code, t])),
  };
}

/** A per-request memo: the first call reads, later calls share the result. */
export function memo<T>(read: () => Promise<T>): () => Promise<T> {
  let value: Promise<T> | undefined;
  return () => (value ??= read());
}
