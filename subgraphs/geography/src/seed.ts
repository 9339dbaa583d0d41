import type { EntityManager } from '@mikro-orm/core';
import { generateLocalities, normalizeSearchText, type LocalityRegistry } from '@kh02/subgraph-kit';
import { Commune, type CommuneKind } from './modules/commune/commune.entity';
import { Province, regionFromName, type ProvinceKind } from './modules/province/province.entity';

/** Options for seeding: the dataset's seed and the share of communes kept (tests use 0.1). */
export interface SeedOptions {
  seed?: number;
  fraction?: number;
}

/**
 * Writes the default dataset's provinces and communes when the database holds none; all or
 * nothing, in one transaction. Returns false when data were already there.
 */
export async function seedGeography(em: EntityManager, options: SeedOptions = {}): Promise<boolean> {
  const registry: LocalityRegistry = generateLocalities(options);
  return em.transactional(async (tx) => {
    if ((await tx.count(Province)) > 0) return false;
    await tx.insertMany(
      Province,
      registry.provinces.map((p) => ({
        code: p.code,
        name: p.name,
        nameAscii: p.nameAscii,
        searchName: normalizeSearchText(p.name),
        kind: p.kind as ProvinceKind,
        region: regionFromName(p.region),
        mergedFrom: [...p.mergedFrom],
      })),
    );
    const communes = registry.communes.map((c) => ({
      code: c.code,
      name: c.name,
      nameAscii: c.nameAscii,
      searchName: c.searchName,
      kind: c.kind as CommuneKind,
      provinceCode: c.provinceCode,
    }));
    for (let i = 0; i < communes.length; i += 500) await tx.insertMany(Commune, communes.slice(i, i + 500));
    return true;
  });
}
