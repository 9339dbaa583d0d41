import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { pageOf, type Page, type PageRequest } from '@kh02/subgraph-kit';
import DataLoader from 'dataloader';
import { Commune } from './commune.entity';
import type { CommuneFilter, CommuneOrder } from './commune.inputs';
import { communeOrderBy, communeWhere } from './commune.service';

/** A request for one page of one province's communes. */
export interface ProvinceCommunesKey {
  provinceCode: string;
  filter?: CommuneFilter | null;
  orderBy?: CommuneOrder | null;
  page: PageRequest;
}

/** Per-request commune loaders: one SQL statement per batch, whatever the batch size. */
export function createCommuneLoaders(em: EntityManager) {
  return {
    /** Commune by its code; `null` for an unknown code. */
    communeByCode: new DataLoader<string, Commune | null>(async (codes) => {
      const rows = await em.find(Commune, { code: { $in: [...codes] } });
      const byCode = new Map(rows.map((c) => [c.code, c]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),

    /**
     * A page of a province's communes. All provinces asked for with the same filter and order
     * (the usual case: `provinces { communes(first: 500) }`) share one query; pages are cut in
     * memory, where the total count comes for free.
     */
    communesOfProvince: new DataLoader<ProvinceCommunesKey, Page<Commune>, string>(
      async (keys) => {
        const groups = new Map<string, ProvinceCommunesKey[]>();
        for (const key of keys) {
          const shape = JSON.stringify([key.filter ?? null, key.orderBy ?? null]);
          groups.set(shape, [...(groups.get(shape) ?? []), key]);
        }
        const results = new Map<ProvinceCommunesKey, Page<Commune>>();
        for (const group of groups.values()) {
          const { filter, orderBy } = group[0];
          const provinceCodes = [...new Set(group.map((k) => k.provinceCode))];
          const where = await communeWhere(em, { ...filter, provinceCodes: undefined });
          const rows = await em.find(Commune, { $and: [where, { provinceCode: { $in: provinceCodes } }] }, { orderBy: communeOrderBy(orderBy) });
          const byProvince = new Map<string, Commune[]>();
          for (const row of rows) {
            const list = byProvince.get(row.provinceCode);
            if (list) list.push(row);
            else byProvince.set(row.provinceCode, [row]);
          }
          for (const key of group) results.set(key, pageOf(byProvince.get(key.provinceCode) ?? [], key.page));
        }
        return keys.map((k) => results.get(k)!);
      },
      { cacheKeyFn: (k) => JSON.stringify([k.provinceCode, k.filter ?? null, k.orderBy ?? null, k.page]) },
    ),
  };
}
