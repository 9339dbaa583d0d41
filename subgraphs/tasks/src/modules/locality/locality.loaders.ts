import { raw } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { TaskLevel } from '../progress/progress.enums';
import { Locality } from './locality.entity';

/** The tasks subgraph's register of assignment targets, in counts. */
export interface LocalityIndex {
  /** Province codes, ascending. */
  provinceCodes: string[];
  /** Registered communes per province (the denominators where `@requires` cannot reach). */
  communesByProvince: Map<string, number>;
  /** All registered communes. */
  communeCount: number;
}

/** Reads the register's counts: one grouped statement. */
export async function readLocalityIndex(em: EntityManager): Promise<LocalityIndex> {
  const rows: { provinceCode: string; level: TaskLevel; n: string | number }[] = await em
    .createQueryBuilder(Locality)
    .select(['provinceCode', 'level', raw('count(*) as n')])
    .groupBy(['provinceCode', 'level'])
    .execute('all');
  const provinces = new Set<string>();
  const communesByProvince = new Map<string, number>();
  let communeCount = 0;
  for (const r of rows) {
    provinces.add(r.provinceCode);
    if (r.level === TaskLevel.COMMUNE) {
      communesByProvince.set(r.provinceCode, Number(r.n));
      communeCount += Number(r.n);
    }
  }
  return { provinceCodes: [...provinces].sort(), communesByProvince, communeCount };
}
