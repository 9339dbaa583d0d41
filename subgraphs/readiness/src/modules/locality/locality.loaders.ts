import { raw } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { toInt } from '../shared/sql';
import { CommuneLocality } from './locality.entity';

/** Per-request locality loaders. */
export function createLocalityLoaders(em: EntityManager) {
  let counts: Promise<Map<string, number>> | undefined;
  /**
   * Communes per province in this subgraph's own copy of the locality registry, by province code
   * (ascending), memoised for the request: one grouped statement. The denominator where geography's
   * `communeCount` is not at hand (rankings), so it equals geography's count on the same dataset.
   */
  const communeCountsByProvince = (): Promise<Map<string, number>> =>
    (counts ??= em
      .createQueryBuilder(CommuneLocality)
      .select(['provinceCode', raw('count(*) as n')])
      .groupBy('provinceCode')
      .orderBy({ provinceCode: 'asc' })
      .execute<{ provinceCode: string; n: unknown }[]>('all')
      .then((rows) => new Map(rows.map((r) => [r.provinceCode, toInt(r.n)]))));
  /**
   * The province of a commune, for the access check when a province official reads a commune's
   * assessments: batched, one statement per request however many communes are asked about.
   */
  const provinceOfCommune = new DataLoader<string, string | null>(async (codes) => {
    const rows = await em
      .createQueryBuilder(CommuneLocality)
      .select(['code', 'provinceCode'])
      .where({ code: { $in: [...codes] } })
      .execute<{ code: string; provinceCode: string }[]>('all');
    const byCode = new Map(rows.map((r) => [r.code, r.provinceCode]));
    return codes.map((c) => byCode.get(c) ?? null);
  });
  return { communeCountsByProvince, provinceOfCommune };
}

/** The locality loaders' type. */
export type LocalityLoaders = ReturnType<typeof createLocalityLoaders>;
