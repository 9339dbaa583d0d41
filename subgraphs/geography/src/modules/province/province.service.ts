import type { EntityManager, FilterQuery } from '@mikro-orm/core';
import { Province } from './province.entity';
import type { ProvinceFilter } from './province.inputs';
import { searchPattern } from '../commune/commune.service';

/** Provinces matching a filter, by code. One statement. */
export async function listProvinces(em: EntityManager, filter: ProvinceFilter | undefined | null): Promise<Province[]> {
  const where: FilterQuery<Province> & Record<string, unknown> = {};
  if (filter?.codes) where.code = { $in: filter.codes };
  if (filter?.kind) where.kind = filter.kind;
  if (filter?.region) where.region = filter.region;
  if (filter?.search != null) where.searchName = { $like: searchPattern(filter.search) };
  return em.find(Province, where, { orderBy: { code: 'asc' } });
}
