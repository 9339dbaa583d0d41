import { Ctx, Query, Resolver } from 'type-graphql';
import type { TasksContext } from '../../context';

@Resolver()
export class TimelineResolver {
  @Query(() => [Date], {
    description:
      'The reporting cut-offs figures are published at, oldest first: weekly (Fridays 16:00 Vietnam time) in June–July 2025 and the published cut-off of 16:00, 31 July 2025. The latest is the default `asOf` of every computed field.',
  })
  async reportingCutoffs(@Ctx() ctx: TasksContext): Promise<Date[]> {
    return (await ctx.timeline()).cutoffs;
  }
}
