import { pageOf, pageRequest, type Page } from '@kh02/subgraph-kit';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { Plan } from '../plan/plan.entity';
import type { Task } from '../task/task.entity';
import { TaskFilter, TaskOrder } from '../task/task.inputs';
import { listTasks } from '../task/task.service';
import { TaskConnection } from '../task/task.types';
import { AFTER_DESCRIPTION, AS_OF_DESCRIPTION, FIRST_DESCRIPTION } from '../timeline/timeline.args';
import { TaskGroup } from './group.entity';

@Resolver(() => TaskGroup)
export class GroupResolver {
  @FieldResolver(() => Plan, { description: 'The plan the group belongs to.' })
  async plan(@Root() group: TaskGroup, @Ctx() ctx: TasksContext): Promise<Plan> {
    return (await ctx.catalog()).planByCode.get(group.planCode)!;
  }

  @FieldResolver(() => TaskConnection, { description: "A page of the group's tasks, filtered and ordered (default: plan order)." })
  async tasks(
    @Root() group: TaskGroup,
    @Ctx() ctx: TasksContext,
    @Arg('filter', () => TaskFilter, { nullable: true, description: 'Conditions every returned task meets.' }) filter?: TaskFilter,
    @Arg('orderBy', () => TaskOrder, { nullable: true, description: 'Sort order; default plan order.' }) orderBy?: TaskOrder,
    @Arg('first', () => Int, { nullable: true, description: FIRST_DESCRIPTION }) first?: number,
    @Arg('after', () => String, { nullable: true, description: AFTER_DESCRIPTION }) after?: string,
    @Arg('asOf', () => Date, { nullable: true, description: `Moment the \`states\` and \`overdue\` filters are judged at. ${AS_OF_DESCRIPTION}` }) asOf?: Date,
  ): Promise<Page<Task>> {
    const page = pageRequest(first, after);
    const at = await ctx.asOf(asOf);
    return pageOf(await listTasks(ctx, { groupCode: group.code }, filter, orderBy, at), page);
  }
}
