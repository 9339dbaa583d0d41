import { Ctx, Query, Resolver } from 'type-graphql';
import type { ReadinessContext } from '../../context';

@Resolver()
export class CutoffResolver {
  @Query(() => [Date], {
    description:
      'The reporting cut-offs of the readiness data, oldest first (weekly, Fridays 16:00 Vietnam time, and 16:00 on 31 July 2025 in the default dataset). The latest is the default `asOf` of every readiness figure; pass another to see the road there.',
  })
  readinessCutoffs(@Ctx() ctx: ReadinessContext): Promise<Date[]> {
    return ctx.loaders.reportingCutoffs();
  }
}
