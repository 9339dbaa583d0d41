import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { createAsOfReader, type AsOfReader } from '@kh02/subgraph-kit';
import { ReportingCutoff } from './timeline.entity';

/** The tasks subgraph's reporting calendar for one request: its cut-offs, read once (one statement). */
export type TimelineLoaders = AsOfReader;

/** Per-request timeline loaders; the as-of rule itself is the kit's (`timelineOf`, `asOfFrom`). */
export function createTimelineLoaders(em: EntityManager): TimelineLoaders {
  return createAsOfReader(async () => (await em.find(ReportingCutoff, {}, { orderBy: { at: 'asc' } })).map((r) => r.at));
}
