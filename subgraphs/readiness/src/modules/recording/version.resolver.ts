import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { CriterionAssessment } from '../assessment/assessment.types';

@Resolver(() => CriterionAssessment)
export class CriterionAssessmentVersionResolver {
  @FieldResolver(() => Int, {
    description:
      "How many assessments this criterion of this commune has, recorded so far — whatever `asOf` (the history's version, not a reading at a moment). Send it as `expectedVersion` to recordAssessment so that a finding made against an older state is refused with CONFLICT.",
  })
  async version(@Root() a: CriterionAssessment, @Ctx() ctx: ReadinessContext): Promise<number> {
    const commune = a.locality?.commune;
    if (!commune) return 0;
    return (await ctx.loaders.assessmentVersions.load(commune)).get(a.criterion.code) ?? 0;
  }
}
