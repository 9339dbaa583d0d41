import { globalId, idDescription } from '@kh02/subgraph-kit';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { Criterion } from './criterion.entity';
import { CriterionFilter } from './criterion.inputs';
import { filterCriteria } from './criterion.service';

@Resolver(() => Criterion)
export class CriterionResolver {
  @FieldResolver(() => ID, { description: idDescription('Criterion', 'code', 'Criterion:ONLINE_MEETINGS') })
  id(@Root() item: Criterion): string {
    return globalId('Criterion', item.code);
  }

  @Query(() => [Criterion], { description: 'The readiness criteria catalogue, in catalogue order (`position`), optionally filtered.' })
  async criteria(
    @Ctx() ctx: ReadinessContext,
    @Arg('filter', () => CriterionFilter, { nullable: true, description: 'Conditions every returned criterion meets.' }) filter?: CriterionFilter,
  ): Promise<Criterion[]> {
    return filterCriteria(await ctx.loaders.criteriaCatalogue(), filter);
  }

  @Query(() => Criterion, { nullable: true, description: 'One criterion by its code; null when no criterion has that code.' })
  criterion(
    @Ctx() ctx: ReadinessContext,
    @Arg('code', () => ID, { description: 'Criterion code, e.g. "ONLINE_MEETINGS".' }) code: string,
  ): Promise<Criterion | null> {
    return ctx.loaders.criterionByCode.load(code);
  }
}
