import { GraphQLError } from 'graphql';
import { DATASET_CUTOFFS, HISTORY_START, PUBLISHED_CUTOFF, resolveAsOf } from './asof';

describe('as-of', () => {
  test('the dataset ends at the published cut-off, 16:00 on 31 July 2025 in Vietnam', () => {
    expect(PUBLISHED_CUTOFF.toISOString()).toBe('2025-07-31T09:00:00.000Z');
    expect(DATASET_CUTOFFS[DATASET_CUTOFFS.length - 1].getTime()).toBe(PUBLISHED_CUTOFF.getTime());
    const gaps = DATASET_CUTOFFS.slice(1).map((d, i) => d.getTime() - DATASET_CUTOFFS[i].getTime());
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);
  });

  test('no asOf means the latest cut-off, never the clock', () => {
    expect(resolveAsOf(undefined, PUBLISHED_CUTOFF, HISTORY_START)).toBe(PUBLISHED_CUTOFF);
    expect(resolveAsOf(null, PUBLISHED_CUTOFF, HISTORY_START)).toBe(PUBLISHED_CUTOFF);
  });

  test('an asOf before the history is BAD_USER_INPUT naming asOf; at the start it is fine', () => {
    const early = new Date('2025-05-31T00:00:00Z');
    expect(() => resolveAsOf(early, PUBLISHED_CUTOFF, HISTORY_START)).toThrow(GraphQLError);
    expect(() => resolveAsOf(early, PUBLISHED_CUTOFF, HISTORY_START)).toThrow(/"asOf"/);
    expect(resolveAsOf(HISTORY_START, PUBLISHED_CUTOFF, HISTORY_START)).toBe(HISTORY_START);
  });
});
