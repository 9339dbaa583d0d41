import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { resolveAsOf } from '@kh02/subgraph-kit';
import type { Plan } from '../plan/plan.entity';
import { ReportingCutoff } from './timeline.entity';

/** The reporting calendar of the data. */
export interface Timeline {
  /** Ascending. */
  cutoffs: Date[];
  /** The default `asOf`: the latest cut-off (or, with none recorded, the start of monitoring). */
  latestCutoff: Date;
  /** The earliest valid `asOf`: the earliest monitoring start of any plan. */
  earliest: Date;
}

/** Reads the cut-offs (one statement) and combines them with the plans' monitoring start. */
export async function readTimeline(em: EntityManager, plans: readonly Plan[]): Promise<Timeline> {
  const rows = await em.find(ReportingCutoff, {}, { orderBy: { at: 'asc' } });
  const cutoffs = rows.map((r) => r.at);
  const starts = plans.map((p) => p.monitoringStart.getTime());
  // With no plan there is no history: nothing before "now" is valid, but never read the clock for the default.
  const earliest = new Date(starts.length ? Math.min(...starts) : 0);
  const latestCutoff = cutoffs.length ? cutoffs[cutoffs.length - 1] : earliest;
  return { cutoffs, latestCutoff, earliest };
}

/**
 * The moment a computed field is read at: the caller's `asOf`, or the latest reporting cut-off.
 * Before monitoring began: `BAD_USER_INPUT` naming `asOf`.
 */
export function asOfFrom(timeline: Timeline, asOf: Date | null | undefined): Date {
  return resolveAsOf(asOf, timeline.latestCutoff, timeline.earliest);
}
