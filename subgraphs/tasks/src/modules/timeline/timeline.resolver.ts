import { REPORTING_CUTOFFS_DESCRIPTION } from '@kh02/subgraph-kit';
import { Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { TasksContext } from '../../context';

@Resolver()
export class TimelineResolver {
  @Directive('@shareable')
  @Query(() => [Date], { description: REPORTING_CUTOFFS_DESCRIPTION })
  async reportingCutoffs(@Ctx() ctx: TasksContext): Promise<Date[]> {
    return (await ctx.timeline()).cutoffs;
  }
}
