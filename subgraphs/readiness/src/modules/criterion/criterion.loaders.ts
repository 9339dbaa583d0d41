import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import { Criterion } from './criterion.entity';

/** Per-request criterion loaders. The catalogue is small: it is read once per request, in one statement. */
export function createCriterionLoaders(em: EntityManager) {
  let catalogue: Promise<Criterion[]> | undefined;
  /** Every criterion, in catalogue order (memoised for the request). */
  const criteriaCatalogue = (): Promise<Criterion[]> => (catalogue ??= em.find(Criterion, {}, { orderBy: { position: 'asc' } }));
  return {
    criteriaCatalogue,
    /** Criterion by code; `null` for an unknown code. */
    criterionByCode: new DataLoader<string, Criterion | null>(async (codes) => {
      const byCode = new Map((await criteriaCatalogue()).map((c) => [c.code, c]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
  };
}

/** The criterion loaders' type, for services that need the catalogue. */
export type CriterionLoaders = ReturnType<typeof createCriterionLoaders>;
