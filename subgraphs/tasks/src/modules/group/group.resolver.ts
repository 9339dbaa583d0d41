import { AsOfArgs, PageArgs, pageOf, pageRequest, type Page, globalId, idDescription } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { Plan } from '../plan/plan.entity';
import type { Task } from '../task/task.entity';
import { TaskFilter, TaskOrder } from '../task/task.inputs';
import { listTasks } from '../task/task.service';
import { TaskConnection } from '../task/task.types';
import { TaskGroup } from './group.entity';

@Resolver(() => TaskGroup)
export class GroupResolver {
  @FieldResolver(() => ID, { description: idDescription('TaskGroup', 'code', 'TaskGroup:INSTITUTIONS') })
  id(@Root() item: TaskGroup): string {
    return globalId('TaskGroup', item.code);
  }

  @FieldResolver(() => Plan, { description: 'The plan the group belongs to.' })
  async plan(@Root() group: TaskGroup, @Ctx() ctx: TasksContext): Promise<Plan> {
    return (await ctx.catalog()).planByCode.get(group.planCode)!;
  }

  @FieldResolver(() => TaskConnection, { description: "A page of the group's tasks, filtered and ordered (default: plan order)." })
  async tasks(
    @Root() group: TaskGroup,
    @Ctx() ctx: TasksContext,
    @Arg('filter', () => TaskFilter, { nullable: true, description: 'Conditions every returned task meets.' }) filter: TaskFilter | undefined,
    @Arg('orderBy', () => TaskOrder, { nullable: true, description: 'Sort order; default plan order.' }) orderBy: TaskOrder | undefined,
    @Args() { first, after }: PageArgs,
    @Args() { asOf }: AsOfArgs,
  ): Promise<Page<Task>> {
    const page = pageRequest(first, after);
    const at = await ctx.asOf(asOf);
    return pageOf(await listTasks(ctx, { groupCode: group.code }, filter, orderBy, at), page);
  }
}
