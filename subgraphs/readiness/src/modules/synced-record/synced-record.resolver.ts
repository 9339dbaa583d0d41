import { Arg, FieldResolver, Resolver, Root } from 'type-graphql';
import { groupSeries, dayRange, SyncedRecordGrouping } from '../shared/dates';
import { SyncedRecordPeriod, SyncedRecordStats } from './synced-record.types';

@Resolver(() => SyncedRecordStats)
export class SyncedRecordStatsResolver {
  @FieldResolver(() => [SyncedRecordPeriod], {
    description: 'The records summed per day, ISO week or month, covering the whole range in order (periods without data count 0).',
  })
  series(
    @Root() stats: SyncedRecordStats,
    @Arg('groupBy', () => SyncedRecordGrouping, { defaultValue: SyncedRecordGrouping.DAY, description: 'Period length; default DAY.' })
    grouping: SyncedRecordGrouping,
  ): SyncedRecordPeriod[] {
    return groupSeries(stats.daily, dayRange(stats.from, stats.to), grouping).map((p) => Object.assign(new SyncedRecordPeriod(), p));
  }
}
