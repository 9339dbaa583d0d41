import { coverage } from '@kh02/subgraph-kit';
import type { DayRange } from '../shared/dates';
import { OnlineApplicationMetric, OnlineApplicationStats } from './online-application.types';

/** Sums of the daily figures over a range. */
export interface OnlineTotals {
  received: number;
  submittedOnline: number;
  resultsOnline: number;
}

/** Nothing received. */
export const NO_APPLICATIONS: OnlineTotals = Object.freeze({ received: 0, submittedOnline: 0, resultsOnline: 0 });

/** Adds up totals (provinces into the country). */
export function sumTotals(parts: Iterable<OnlineTotals>): OnlineTotals {
  const sum = { received: 0, submittedOnline: 0, resultsOnline: 0 };
  for (const p of parts) {
    sum.received += p.received;
    sum.submittedOnline += p.submittedOnline;
    sum.resultsOnline += p.resultsOnline;
  }
  return sum;
}

/** The figures of a range from its totals; the daily average divides by every calendar day of the range. */
export function onlineStats(totals: OnlineTotals, range: DayRange): OnlineApplicationStats {
  return Object.assign(new OnlineApplicationStats(), {
    from: range.from,
    to: range.to,
    days: range.days,
    ...totals,
    onlineSubmissionRate: coverage(totals.submittedOnline, totals.received),
    onlineResultRate: coverage(totals.resultsOnline, totals.received),
    dailyAverageReceived: Math.round((totals.received / range.days) * 100) / 100,
  });
}

/** The value a ranking orders by. */
export function metricValue(stats: OnlineApplicationStats, metric: OnlineApplicationMetric): number {
  switch (metric) {
    case OnlineApplicationMetric.ONLINE_RESULT_RATE:
      return stats.onlineResultRate.rate;
    case OnlineApplicationMetric.RECEIVED:
      return stats.received;
    default:
      return stats.onlineSubmissionRate.rate;
  }
}
