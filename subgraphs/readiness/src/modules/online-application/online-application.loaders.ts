import { raw } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { visibleDaysFilter, type DayVisibility } from '@kh02/subgraph-kit';
import type { DayRange } from '../shared/dates';
import { toInt } from '../shared/sql';
import { OnlineApplicationDay } from './online-application.entity';
import type { OnlineTotals } from './online-application.service';

/** Per-request online-application loaders. */
export function createOnlineApplicationLoaders(em: EntityManager, visible: () => Promise<DayVisibility | null>) {
  return {
    /**
     * Every province's totals over a range (days after the latest published cut-off only for callers who may see them, see `dayVisibility`), by province code: one grouped statement per distinct
     * range (34 rows), shared by province fields, the national figure and the ranking.
     */
    onlineTotalsByRange: new DataLoader<DayRange, Map<string, OnlineTotals>, string>(
      (ranges) =>
        Promise.all(
          ranges.map(async (range) => {
            const days = visibleDaysFilter(await visible(), { province: 'provinceCode' });
            const rows = await em
              .createQueryBuilder(OnlineApplicationDay)
              .select(['provinceCode', raw('sum(received) as received'), raw('sum(submitted_online) as submitted'), raw('sum(results_online) as results')])
              .where({ day: { $gte: range.from, $lte: range.to }, ...days })
              .groupBy('provinceCode')
              .execute<{ provinceCode: string; received: unknown; submitted: unknown; results: unknown }[]>('all');
            return new Map(
              rows.map((r) => [r.provinceCode, { received: toInt(r.received), submittedOnline: toInt(r.submitted), resultsOnline: toInt(r.results) }]),
            );
          }),
        ),
      { cacheKeyFn: (r) => `${r.from}|${r.to}` },
    ),
  };
}

/** The online-application loaders' type. */
export type OnlineApplicationLoaders = ReturnType<typeof createOnlineApplicationLoaders>;
