import type { EntityManager, FilterQuery, QueryOrderMap } from '@mikro-orm/core';
import { normalizeSearchText, SortDirection } from '@kh02/subgraph-kit';
import { Province } from '../province/province.entity';
import { Commune } from './commune.entity';
import { CommuneOrderField, type CommuneFilter, type CommuneOrder } from './commune.inputs';

/** Turns search text into a LIKE pattern on `searchName`; only letters, digits and spaces survive, so no wildcard can be smuggled in. */
export function searchPattern(text: string): string {
  const cleaned = normalizeSearchText(text).replace(/[^a-z0-9 ]/g, '');
  return `%${cleaned}%`;
}

/**
 * The WHERE clause for a commune filter. A region filter needs the region's provinces: that is
 * one extra statement, the same for any number of communes.
 */
export async function communeWhere(em: EntityManager, filter: CommuneFilter | undefined | null): Promise<FilterQuery<Commune>> {
  const where: FilterQuery<Commune> & Record<string, unknown> = {};
  const provinceSets: string[][] = [];
  if (filter?.provinceCodes) provinceSets.push(filter.provinceCodes);
  if (filter?.region) {
    const provinces = await em.find(Province, { region: filter.region }, { fields: ['code'] });
    provinceSets.push(provinces.map((p) => p.code));
  }
  if (provinceSets.length > 0) {
    const allowed = provinceSets.reduce((a, b) => a.filter((c) => b.includes(c)));
    where.provinceCode = { $in: allowed };
  }
  if (filter?.codes) where.code = { $in: filter.codes };
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.search != null) where.searchName = { $like: searchPattern(filter.search) };
  return where;
}

/** ORDER BY for a commune order; the code breaks ties so pages never overlap. */
export function communeOrderBy(order: CommuneOrder | undefined | null): QueryOrderMap<Commune>[] {
  const dir = order?.direction === SortDirection.DESC ? 'desc' : 'asc';
  if (order?.field === CommuneOrderField.NAME) return [{ searchName: dir }, { code: dir }];
  return [{ code: dir }];
}
