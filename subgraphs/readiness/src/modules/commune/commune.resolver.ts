import { AsOfArgs, DateScalar, whenUnavailable } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { buildCommuneReadiness } from '../assessment/assessment.service';
import { CommuneReadiness } from '../assessment/assessment.types';
import { dayRange } from '../shared/dates';
import { FROM_DESCRIPTION as FROM, TO_DESCRIPTION as TO } from '../shared/descriptions';
import { CommuneRef } from './commune.types';

@Resolver(() => CommuneRef)
export class CommuneResolver {
  @FieldResolver(() => CommuneReadiness, {
    nullable: true,
    description: whenUnavailable(
      'readiness',
      "The commune's Public Administration Service Centre against every criterion at `asOf`: the latest assessment at or before it; a criterion never assessed is not met.",
    ),
  })
  async readiness(@Root() commune: CommuneRef, @Ctx() ctx: ReadinessContext, @Args() { asOf }: AsOfArgs): Promise<CommuneReadiness> {
    const at = await ctx.loaders.asOf(asOf, { commune: commune.code });
    const [catalogue, findings] = await Promise.all([
      ctx.loaders.criteriaCatalogue(),
      ctx.loaders.latestFindingsByCommune.load({ communeCode: commune.code, asOf: at }),
    ]);
    return buildCommuneReadiness(catalogue, findings, at, commune.code);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description: whenUnavailable(
      'readiness',
      'Records the commune synchronised to other communes on the National Public Service Portal over a range of days (synthetic); 0 when none.',
    ),
  })
  syncedRecords(
    @Root() commune: CommuneRef,
    @Ctx() ctx: ReadinessContext,
    @Arg('from', () => DateScalar, { description: FROM }) from: string,
    @Arg('to', () => DateScalar, { description: TO }) to: string,
  ): Promise<number> {
    return ctx.loaders.syncedRecordsByCommune.load({ scope: commune.code, range: dayRange(from, to) });
  }
}
