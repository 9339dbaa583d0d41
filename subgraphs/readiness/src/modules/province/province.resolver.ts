import { AsOfArgs, DateScalar, whenUnavailable } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { areaReadiness } from '../assessment/assessment.loaders';
import { AreaReadiness } from '../assessment/assessment.types';
import { NO_APPLICATIONS, onlineStats } from '../online-application/online-application.service';
import { OnlineApplicationStats } from '../online-application/online-application.types';
import { dayRange } from '../shared/dates';
import { FROM_DESCRIPTION as FROM, TO_DESCRIPTION as TO } from '../shared/descriptions';
import { syncedStats } from '../synced-record/synced-record.service';
import { SyncedRecordStats } from '../synced-record/synced-record.types';
import { ProvinceRef } from './province.types';

@Resolver(() => ProvinceRef)
export class ProvinceResolver {
  @Directive('@requires(fields: "communeCount")')
  @FieldResolver(() => AreaReadiness, {
    nullable: true,
    description: whenUnavailable(
      'readiness',
      "Service-centre readiness of the province's communes at `asOf`; coverage denominators are geography's `communeCount`, so a commune never assessed counts against them.",
    ),
  })
  async readiness(@Root() province: ProvinceRef, @Ctx() ctx: ReadinessContext, @Args() { asOf }: AsOfArgs): Promise<AreaReadiness> {
    return areaReadiness(ctx.loaders, province.code, asOf, province.communeCount);
  }

  @FieldResolver(() => OnlineApplicationStats, {
    nullable: true,
    description: whenUnavailable(
      'readiness',
      "The province's administrative applications over a range of days (synthetic daily figures, calibrated to the reported rates).",
    ),
  })
  async onlineApplications(
    @Root() province: ProvinceRef,
    @Ctx() ctx: ReadinessContext,
    @Arg('from', () => DateScalar, { description: FROM }) from: string,
    @Arg('to', () => DateScalar, { description: TO }) to: string,
  ): Promise<OnlineApplicationStats> {
    const range = dayRange(from, to);
    const totals = await ctx.loaders.onlineTotalsByRange.load(range);
    return onlineStats(totals.get(province.code) ?? NO_APPLICATIONS, range);
  }

  @FieldResolver(() => SyncedRecordStats, {
    nullable: true,
    description: whenUnavailable(
      'readiness',
      "Records the province's communes synchronised commune-to-commune over a range of days, with a series for charts (synthetic).",
    ),
  })
  async syncedRecords(
    @Root() province: ProvinceRef,
    @Ctx() ctx: ReadinessContext,
    @Arg('from', () => DateScalar, { description: FROM }) from: string,
    @Arg('to', () => DateScalar, { description: TO }) to: string,
  ): Promise<SyncedRecordStats> {
    const range = dayRange(from, to);
    return syncedStats(await ctx.loaders.syncedDailyByArea.load({ scope: province.code, range }), range);
  }
}
