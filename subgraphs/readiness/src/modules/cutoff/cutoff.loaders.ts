import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { createAsOfReader } from '@kh02/subgraph-kit';
import { ReportingCutoff } from './cutoff.entity';

/**
 * Per-request cut-off loaders: the cut-offs are read once per request, in one statement, from this
 * subgraph's database; the as-of rule (default, earliest) is the kit's (`timelineOf`, `asOfFrom`).
 */
export function createCutoffLoaders(em: EntityManager) {
  const { timeline, asOf } = createAsOfReader(async () => (await em.find(ReportingCutoff, {}, { orderBy: { at: 'asc' } })).map((r) => r.at));
  /** Every reporting cut-off, oldest first (memoised for the request). */
  const reportingCutoffs = async (): Promise<Date[]> => (await timeline()).cutoffs;
  return { reportingCutoffs, timeline, asOf };
}

/** The cut-off loaders' type, for the context and for services that read at a moment. */
export type CutoffLoaders = ReturnType<typeof createCutoffLoaders>;
