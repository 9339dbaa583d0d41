import { DateScalar, rankBy, SortDirection } from '@kh02/subgraph-kit';
import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { rankingSize } from '../assessment/assessment.service';
import { provinceRef } from '../province/province.types';
import { dayRange } from '../shared/dates';
import { FROM_DESCRIPTION, TO_DESCRIPTION } from '../shared/descriptions';
import { metricValue, NO_APPLICATIONS, onlineStats } from './online-application.service';
import { OnlineApplicationMetric, OnlineApplicationRankingEntry } from './online-application.types';

@Resolver()
export class OnlineApplicationResolver {
  @Query(() => [OnlineApplicationRankingEntry], {
    description:
      'Provinces ranked by an online-application figure over a range of days (default: the online-submission rate). Ties share a rank and are listed by province code. Example: July 2025, ASC, first 1 gives the province with the lowest online-submission rate.',
  })
  async onlineApplicationRanking(
    @Ctx() ctx: ReadinessContext,
    @Arg('from', () => DateScalar, { description: FROM_DESCRIPTION }) from: string,
    @Arg('to', () => DateScalar, { description: TO_DESCRIPTION }) to: string,
    @Arg('order', () => SortDirection, { defaultValue: SortDirection.DESC, description: 'DESC: highest first (default); ASC: lowest first.' })
    order: SortDirection = SortDirection.DESC,
    @Arg('first', () => Int, { nullable: true, description: 'How many entries to return, 1 to 34; default all 34.' }) first?: number,
    @Arg('by', () => OnlineApplicationMetric, { defaultValue: OnlineApplicationMetric.ONLINE_SUBMISSION_RATE, description: 'The figure to rank by.' })
    by: OnlineApplicationMetric = OnlineApplicationMetric.ONLINE_SUBMISSION_RATE,
  ): Promise<OnlineApplicationRankingEntry[]> {
    const range = dayRange(from, to);
    const size = rankingSize(first);
    const [totals, provinces] = await Promise.all([ctx.loaders.onlineTotalsByRange.load(range), ctx.loaders.communeCountsByProvince()]);
    const items = [...provinces.keys()].map((code) => ({ code, stats: onlineStats(totals.get(code) ?? NO_APPLICATIONS, range) }));
    return rankBy(
      items,
      (a, b) => metricValue(a.stats, by) - metricValue(b.stats, by),
      (x) => x.code,
      order,
    )
      .slice(0, size)
      .map(({ rank, item }) => Object.assign(new OnlineApplicationRankingEntry(), { rank, province: provinceRef(item.code), stats: item.stats }));
  }
}
