import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { ReportingCutoff } from './cutoff.entity';

/** Per-request cut-off loaders: the list is read once per request, in one statement. */
export function createCutoffLoaders(em: EntityManager) {
  let all: Promise<Date[]> | undefined;
  /** Every reporting cut-off, oldest first (memoised for the request). */
  const reportingCutoffs = (): Promise<Date[]> => (all ??= em.find(ReportingCutoff, {}, { orderBy: { at: 'asc' } }).then((rows) => rows.map((r) => r.at)));
  return { reportingCutoffs };
}
