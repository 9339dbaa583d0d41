import { AsOfArgs, DateScalar, whenUnavailable } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { areaReadiness } from '../assessment/assessment.loaders';
import { NATION } from '../shared/scope';
import { AreaReadiness } from '../assessment/assessment.types';
import { onlineStats, sumTotals } from '../online-application/online-application.service';
import { OnlineApplicationStats } from '../online-application/online-application.types';
import { dayRange } from '../shared/dates';
import { FROM_DESCRIPTION as FROM, TO_DESCRIPTION as TO } from '../shared/descriptions';
import { syncedStats } from '../synced-record/synced-record.service';
import { SyncedRecordStats } from '../synced-record/synced-record.types';
import { CountryRef } from './country.types';

@Resolver(() => CountryRef)
export class CountryResolver {
  @Directive('@requires(fields: "communeCount")')
  @FieldResolver(() => AreaReadiness, {
    nullable: true,
    description: whenUnavailable(
      'readiness',
      "National service-centre readiness at `asOf`: communes fully meeting the basic conditions and each criterion's coverage, over geography's national `communeCount` (3,321).",
    ),
  })
  async readiness(@Root() country: CountryRef, @Ctx() ctx: ReadinessContext, @Args() { asOf }: AsOfArgs): Promise<AreaReadiness> {
    return areaReadiness(ctx.loaders, NATION, asOf, country.communeCount);
  }

  @FieldResolver(() => OnlineApplicationStats, {
    nullable: true,
    description: whenUnavailable('readiness', 'Administrative applications of all provinces over a range of days.'),
  })
  async onlineApplications(
    @Ctx() ctx: ReadinessContext,
    @Arg('from', () => DateScalar, { description: FROM }) from: string,
    @Arg('to', () => DateScalar, { description: TO }) to: string,
  ): Promise<OnlineApplicationStats> {
    const range = dayRange(from, to);
    return onlineStats(sumTotals((await ctx.loaders.onlineTotalsByRange.load(range)).values()), range);
  }

  @FieldResolver(() => SyncedRecordStats, {
    nullable: true,
    description: whenUnavailable('readiness', 'Records synchronised commune-to-commune nationally over a range of days, with a series for charts (synthetic).'),
  })
  async syncedRecords(
    @Ctx() ctx: ReadinessContext,
    @Arg('from', () => DateScalar, { description: FROM }) from: string,
    @Arg('to', () => DateScalar, { description: TO }) to: string,
  ): Promise<SyncedRecordStats> {
    const range = dayRange(from, to);
    return syncedStats(await ctx.loaders.syncedDailyByArea.load({ scope: NATION, range }), range);
  }
}
