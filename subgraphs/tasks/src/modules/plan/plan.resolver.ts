import { AsOfArgs, PageArgs, pageOf, pageRequest, type Page, globalId, idDescription } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { TaskGroup } from '../group/group.entity';
import type { Task } from '../task/task.entity';
import { TaskFilter, TaskOrder } from '../task/task.inputs';
import { listTasks } from '../task/task.service';
import { TaskConnection } from '../task/task.types';
import { Plan } from './plan.entity';
import { defaultPlan } from './plan.service';

@Resolver(() => Plan)
export class PlanResolver {
  @FieldResolver(() => ID, { description: idDescription('Plan', 'code', 'Plan:02-KH/BCĐTW') })
  id(@Root() item: Plan): string {
    return globalId('Plan', item.code);
  }

  @Query(() => Plan, { nullable: true, description: 'A monitored plan by its code; without `code`, Plan No. 02-KH/BCĐTW. Null for an unknown code.' })
  async plan(
    @Ctx() ctx: TasksContext,
    // The default named here is the plan the default dataset seeds; the resolver takes it from the rows (defaultPlan).
    @Arg('code', () => ID, { nullable: true, description: 'Plan code as printed; default "02-KH/BCĐTW".' }) code?: string,
  ): Promise<Plan | null> {
    const catalog = await ctx.catalog();
    return code == null ? defaultPlan(catalog.plans) : (catalog.planByCode.get(code) ?? null);
  }

  @FieldResolver(() => [TaskGroup], { description: "The plan's task groups, in plan order." })
  async groups(@Root() plan: Plan, @Ctx() ctx: TasksContext): Promise<TaskGroup[]> {
    return (await ctx.catalog()).groups.filter((g) => g.planCode === plan.code);
  }

  @FieldResolver(() => TaskConnection, { description: "A page of the plan's tasks, filtered and ordered (default: plan order)." })
  async tasks(
    @Root() plan: Plan,
    @Ctx() ctx: TasksContext,
    @Arg('filter', () => TaskFilter, { nullable: true, description: 'Conditions every returned task meets.' }) filter: TaskFilter | undefined,
    @Arg('orderBy', () => TaskOrder, { nullable: true, description: 'Sort order; default plan order.' }) orderBy: TaskOrder | undefined,
    @Args() { first, after }: PageArgs,
    @Args() { asOf }: AsOfArgs,
  ): Promise<Page<Task>> {
    const page = pageRequest(first, after);
    const at = await ctx.asOf(asOf);
    return pageOf(await listTasks(ctx, { planCode: plan.code }, filter, orderBy, at), page);
  }
}
