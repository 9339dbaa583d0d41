import { raw } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { Commune, CommuneKind } from '../commune/commune.entity';
import { Province } from './province.entity';

/** Units of one province (or the whole country) by kind. */
export interface UnitCounts {
  total: number;
  wards: number;
  communes: number;
  specialZones: number;
}

const ZERO: UnitCounts = Object.freeze({ total: 0, wards: 0, communes: 0, specialZones: 0 });

/** Adds one `kind → count` row to a tally. */
export function addCount(counts: UnitCounts, kind: CommuneKind, n: number): UnitCounts {
  return {
    total: counts.total + n,
    wards: counts.wards + (kind === CommuneKind.WARD ? n : 0),
    communes: counts.communes + (kind === CommuneKind.COMMUNE ? n : 0),
    specialZones: counts.specialZones + (kind === CommuneKind.SPECIAL_ZONE ? n : 0),
  };
}

/** Per-request province loaders: one SQL statement per batch, whatever the batch size. */
export function createProvinceLoaders(em: EntityManager) {
  return {
    /** Province by its code; `null` for an unknown code. */
    provinceByCode: new DataLoader<string, Province | null>(async (codes) => {
      const rows = await em.find(Province, { code: { $in: [...codes] } });
      const byCode = new Map(rows.map((p) => [p.code, p]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),

    /** Unit counts of a province, by kind, from one grouped query. */
    unitCountsByProvince: new DataLoader<string, UnitCounts>(async (codes) => {
      const rows: { provinceCode: string; kind: CommuneKind; n: string | number }[] = await em
        .createQueryBuilder(Commune)
        .select(['provinceCode', 'kind', raw('count(*) as n')])
        .where({ provinceCode: { $in: [...codes] } })
        .groupBy(['provinceCode', 'kind'])
        .execute('all');
      const byCode = new Map<string, UnitCounts>();
      for (const r of rows) {
        byCode.set(r.provinceCode, addCount(byCode.get(r.provinceCode) ?? ZERO, r.kind, Number(r.n)));
      }
      return codes.map((c) => byCode.get(c) ?? ZERO);
    }),
  };
}
