import { BadUserInputError } from '@kh02/common';

/**
 * The default dataset's reporting cut-offs: weekly, Fridays 16:00 Vietnam time, from the first
 * week of June 2025, and the published cut-off of 16:00 on 31 July 2025. Shared by every
 * subgraph's seeder so their histories line up.
 */
export const DATASET_CUTOFFS: readonly Date[] = Object.freeze(
  ['2025-06-06', '2025-06-13', '2025-06-20', '2025-06-27', '2025-07-04', '2025-07-11', '2025-07-18', '2025-07-25', '2025-07-31'].map(
    (d) => new Date(`${d}T16:00:00+07:00`),
  ),
);

/** The cut-off the article's figures were reported at: 16:00, 31 July 2025, Vietnam time. */
export const PUBLISHED_CUTOFF = new Date('2025-07-31T16:00:00+07:00');

/** Start of the monitoring history in the default dataset (the plan's first week of reporting). */
export const HISTORY_START = new Date('2025-06-01T00:00:00+07:00');

/**
 * The moment a computed field is read at. Without `asOf`, the latest reporting cut-off: never
 * the wall clock, so a default query gives the same published figures years later. Before
 * `earliest` there is nothing to report: the caller gets `BAD_USER_INPUT` naming `asOf`.
 */
export function resolveAsOf(asOf: Date | null | undefined, latestCutoff: Date, earliest: Date, argument = 'asOf'): Date {
  if (asOf == null) return latestCutoff;
  if (!(asOf instanceof Date) || Number.isNaN(asOf.getTime())) {
    throw new BadUserInputError(`Argument "${argument}" must be an ISO 8601 date-time.`, argument);
  }
  if (asOf.getTime() < earliest.getTime()) {
    throw new BadUserInputError(
      `Argument "${argument}" is before ${earliest.toISOString()}, when monitoring data begin; nothing was reported then.`,
      argument,
      {
        earliest: earliest.toISOString(),
      },
    );
  }
  return asOf;
}
