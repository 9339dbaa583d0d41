import { raw } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { visibleDaysFilter, type DayVisibility } from '@kh02/subgraph-kit';
import { NATION } from '../shared/scope';
import type { DayRange } from '../shared/dates';
import { groupBy, toInt } from '../shared/sql';
import { SyncedRecordDay } from './synced-record.entity';

/** A commune's or an area's synced records over a range. */
export interface ScopeRange {
  /** A commune code (for `syncedRecordsByCommune`), a province code or {@link NATION}. */
  scope: string;
  range: DayRange;
}

const rangeKey = (r: DayRange) => `${r.from}|${r.to}`;

/**
 * Per-request synced-record loaders: one statement per distinct range (two when the nation is asked
 * for too). Days after the latest published cut-off count only for callers who may see them (`dayVisibility`).
 */
export function createSyncedRecordLoaders(em: EntityManager, visible: () => Promise<DayVisibility | null>) {
  return {
    /** Total records each commune synchronised over the range. */
    syncedRecordsByCommune: new DataLoader<ScopeRange, number, string>(
      async (keys) => {
        const totals = new Map<string, number>();
        const days = visibleDaysFilter(await visible(), { province: 'provinceCode', commune: 'communeCode' });
        for (const group of groupBy(keys, (k) => rangeKey(k.range)).values()) {
          const { range } = group[0];
          const rows = await em
            .createQueryBuilder(SyncedRecordDay)
            .select(['communeCode', raw('sum(records) as n')])
            .where({ communeCode: { $in: [...new Set(group.map((k) => k.scope))] }, day: { $gte: range.from, $lte: range.to }, ...days })
            .groupBy('communeCode')
            .execute<{ communeCode: string; n: unknown }[]>('all');
          for (const r of rows) totals.set(`${r.communeCode}|${rangeKey(range)}`, toInt(r.n));
        }
        return keys.map((k) => totals.get(`${k.scope}|${rangeKey(k.range)}`) ?? 0);
      },
      { cacheKeyFn: (k) => `${k.scope}|${rangeKey(k.range)}` },
    ),

    /** Daily sums over the range for a province (all its communes) or the nation. */
    syncedDailyByArea: new DataLoader<ScopeRange, Map<string, number>, string>(
      async (keys) => {
        const results = new Map<string, Map<string, number>>();
        const days = visibleDaysFilter(await visible(), { province: 'provinceCode', commune: 'communeCode' });
        for (const group of groupBy(keys, (k) => rangeKey(k.range)).values()) {
          const { range } = group[0];
          const rk = rangeKey(range);
          const provinces = [...new Set(group.map((k) => k.scope).filter((s) => s !== NATION))];
          if (provinces.length) {
            const rows = await em
              .createQueryBuilder(SyncedRecordDay)
              .select(['provinceCode', 'day', raw('sum(records) as n')])
              .where({ provinceCode: { $in: provinces }, day: { $gte: range.from, $lte: range.to }, ...days })
              .groupBy(['provinceCode', 'day'])
              .execute<{ provinceCode: string; day: string; n: unknown }[]>('all');
            for (const p of provinces) results.set(`${p}|${rk}`, new Map());
            for (const r of rows) results.get(`${r.provinceCode}|${rk}`)!.set(r.day, toInt(r.n));
          }
          if (group.some((k) => k.scope === NATION)) {
            const rows = await em
              .createQueryBuilder(SyncedRecordDay)
              .select(['day', raw('sum(records) as n')])
              .where({ day: { $gte: range.from, $lte: range.to }, ...days })
              .groupBy('day')
              .execute<{ day: string; n: unknown }[]>('all');
            results.set(`${NATION}|${rk}`, new Map(rows.map((r) => [r.day, toInt(r.n)])));
          }
        }
        return keys.map((k) => results.get(`${k.scope}|${rangeKey(k.range)}`)!);
      },
      { cacheKeyFn: (k) => `${k.scope}|${rangeKey(k.range)}` },
    ),
  };
}

/** The synced-record loaders' type. */
export type SyncedRecordLoaders = ReturnType<typeof createSyncedRecordLoaders>;
