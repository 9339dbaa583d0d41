import { REPORTING_CUTOFFS_DESCRIPTION } from '@kh02/subgraph-kit';
import { Ctx, Directive, Query, Resolver } from 'type-graphql';
import type { ReadinessContext } from '../../context';

@Resolver()
export class CutoffResolver {
  @Directive('@shareable')
  @Query(() => [Date], { description: REPORTING_CUTOFFS_DESCRIPTION })
  reportingCutoffs(@Ctx() ctx: ReadinessContext): Promise<Date[]> {
    return ctx.loaders.reportingCutoffs();
  }
}
