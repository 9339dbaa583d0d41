import { raw } from '@mikro-orm/core';
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
  return { communeCountsByProvince };
}

/** The locality loaders' type. */
export type LocalityLoaders = ReturnType<typeof createLocalityLoaders>;
