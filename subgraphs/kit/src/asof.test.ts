import { GraphQLError } from 'graphql';
import { AS_OF_DESCRIPTION, asOfFrom, MONITORING_START, resolveAsOf, timelineOf, vietnamTime } from './asof';
import { DATASET_CUTOFFS, PUBLISHED_CUTOFF } from './dataset/cutoffs';

describe('as-of', () => {
  test('the dataset ends at the published cut-off, 16:00 on 31 July 2025 in Vietnam', () => {
    expect(PUBLISHED_CUTOFF.toISOString()).toBe('2025-07-31T09:00:00.000Z');
    expect(DATASET_CUTOFFS[DATASET_CUTOFFS.length - 1].getTime()).toBe(PUBLISHED_CUTOFF.getTime());
    const gaps = DATASET_CUTOFFS.slice(1).map((d, i) => d.getTime() - DATASET_CUTOFFS[i].getTime());
    for (const gap of gaps) expect(gap).toBeLessThanOrEqual(7 * 24 * 3600 * 1000);
  });

  test('no asOf means the latest cut-off, never the clock', () => {
    expect(resolveAsOf(undefined, PUBLISHED_CUTOFF, MONITORING_START)).toBe(PUBLISHED_CUTOFF);
    expect(resolveAsOf(null, PUBLISHED_CUTOFF, MONITORING_START)).toBe(PUBLISHED_CUTOFF);
  });

  test('an asOf before the history is BAD_USER_INPUT naming asOf; at the start it is fine', () => {
    const early = new Date('2025-05-31T00:00:00Z');
    expect(() => resolveAsOf(early, PUBLISHED_CUTOFF, MONITORING_START)).toThrow(GraphQLError);
    expect(() => resolveAsOf(early, PUBLISHED_CUTOFF, MONITORING_START)).toThrow(/"asOf"/);
    expect(resolveAsOf(MONITORING_START, PUBLISHED_CUTOFF, MONITORING_START)).toBe(MONITORING_START);
  });

  test('a timeline: cut-offs sorted, the latest is the default, the start of monitoring the earliest', () => {
    const t = timelineOf([...DATASET_CUTOFFS].reverse());
    expect(t.cutoffs).toEqual(DATASET_CUTOFFS);
    expect(t.latestCutoff).toEqual(PUBLISHED_CUTOFF);
    expect(t.earliest).toBe(MONITORING_START);
    expect(asOfFrom(timelineOf(DATASET_CUTOFFS.slice(0, 2)), null)).toEqual(DATASET_CUTOFFS[1]);
    expect(asOfFrom(t, DATASET_CUTOFFS[0])).toEqual(DATASET_CUTOFFS[0]);
    expect(() => asOfFrom(t, new Date('2025-05-31T00:00:00Z'))).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ argument: 'asOf' }) }));
  });

  test('with no cut-off recorded the default is the start of monitoring, never the clock', () => {
    expect(asOfFrom(timelineOf([]), undefined)).toEqual(MONITORING_START);
  });

  test('one description, naming the default and the earliest moment in Vietnam time', () => {
    expect(vietnamTime(MONITORING_START)).toBe('2025-06-01T00:00:00+07:00');
    expect(AS_OF_DESCRIPTION).toContain('2025-07-31T16:00:00+07:00');
    expect(AS_OF_DESCRIPTION).toContain('2025-06-01T00:00:00+07:00');
  });
});
