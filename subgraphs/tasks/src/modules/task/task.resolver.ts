import { AsOfArgs, DateScalar, PageArgs, pageOf, pageRequest, type Page, globalId, idDescription } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { AssignmentConnection } from '../assignment/assignment.types';
import { TaskGroup } from '../group/group.entity';
import { Plan } from '../plan/plan.entity';
import { TaskLevel } from '../progress/progress.enums';
import { ProgressReport } from '../progress/progress.entity';
import type { AssessedAssignment, ReportRow } from '../progress/progress.service';
import { Task } from './task.entity';
import { TaskFilter, TaskOrder } from './task.inputs';
import { dueDateOf, listTasks, round2, taskProgressOf } from './task.service';
import { TaskConnection, TaskProgress } from './task.types';

@Resolver(() => Task)
export class TaskResolver {
  @FieldResolver(() => ID, { description: idDescription('Task', 'code', 'Task:KH02-1.1') })
  id(@Root() item: Task): string {
    return globalId('Task', item.code);
  }

  @Query(() => TaskConnection, { description: 'A page of the tasks of every monitored plan, filtered and ordered (default: plan order).' })
  async tasks(
    @Ctx() ctx: TasksContext,
    @Arg('filter', () => TaskFilter, { nullable: true, description: 'Conditions every returned task meets.' }) filter: TaskFilter | undefined,
    @Arg('orderBy', () => TaskOrder, { nullable: true, description: 'Sort order; default plan order.' }) orderBy: TaskOrder | undefined,
    @Args() { first, after }: PageArgs,
    @Args() { asOf }: AsOfArgs,
  ): Promise<Page<Task>> {
    const page = pageRequest(first, after);
    const at = await ctx.asOf(asOf);
    return pageOf(await listTasks(ctx, {}, filter, orderBy, at), page);
  }

  @Query(() => Task, { nullable: true, description: 'One task by its code; null when no task has that code.' })
  async task(@Ctx() ctx: TasksContext, @Arg('code', () => ID, { description: 'Task code, e.g. "KH02-1.1".' }) code: string): Promise<Task | null> {
    return (await ctx.catalog()).taskByCode.get(code) ?? null;
  }

  @FieldResolver(() => TaskGroup, { description: 'The group the task belongs to.' })
  async group(@Root() task: Task, @Ctx() ctx: TasksContext): Promise<TaskGroup> {
    return (await ctx.catalog()).groupByCode.get(task.groupCode)!;
  }

  @FieldResolver(() => Plan, { description: 'The plan the task belongs to.' })
  async plan(@Root() task: Task, @Ctx() ctx: TasksContext): Promise<Plan> {
    return (await ctx.catalog()).planByCode.get(task.planCode)!;
  }

  @FieldResolver(() => DateScalar, { description: 'The due day, "YYYY-MM-DD" (Vietnam calendar): `deadline` is its last second.' })
  dueDate(@Root() task: Task): string {
    return dueDateOf(task.deadline);
  }

  @FieldResolver(() => TaskProgress, { description: 'Progress of the task at `asOf`.' })
  async progress(@Root() task: Task, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<TaskProgress> {
    const [p] = await taskProgressOf(ctx, [task], await ctx.asOf(asOf));
    return { ...p, percent: round2(p.percent), expectedPercent: round2(p.expectedPercent) };
  }

  @FieldResolver(() => AssignmentConnection, {
    description: "A page of the task's assignments (by assignment number), with their progress at `asOf`. Empty for a central task.",
  })
  async assignments(
    @Root() task: Task,
    @Ctx() ctx: TasksContext,
    @Arg('provinceCode', () => ID, { nullable: true, description: 'Only assignments in this province (the province itself and its communes).' })
    provinceCode: string | undefined,
    @Args() { first, after }: PageArgs,
    @Args() { asOf }: AsOfArgs,
  ): Promise<Page<AssessedAssignment>> {
    const page = pageRequest(first, after);
    const at = await ctx.asOf(asOf);
    if (task.level === TaskLevel.CENTRAL) return pageOf([], page);
    const all = await ctx.loaders.assignmentsOfTask.load({ code: task.code, asOf: at });
    return pageOf(provinceCode ? all.filter((a) => a.provinceCode === provinceCode) : all, page);
  }

  @FieldResolver(() => [ProgressReport], {
    description:
      "A central task's own progress reports up to `asOf`, oldest first. Empty for province and commune tasks, whose reports are on their assignments.",
  })
  async reports(@Root() task: Task, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<ReportRow[]> {
    const at = await ctx.asOf(asOf);
    if (task.level !== TaskLevel.CENTRAL) return [];
    return ctx.loaders.centralReports.load({ code: task.code, asOf: at });
  }
}
