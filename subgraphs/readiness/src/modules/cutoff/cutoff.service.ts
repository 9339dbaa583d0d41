import { HISTORY_START, resolveAsOf } from '@kh02/subgraph-kit';

/**
 * The moment a readiness figure is read at: `asOf` when given (not before the start of the
 * history: `BAD_USER_INPUT` naming `asOf`), else the latest reporting cut-off in the data, never
 * the wall clock. With no cut-off recorded (an empty database) the default is the start of the history.
 */
export function readinessAsOf(asOf: Date | null | undefined, cutoffs: readonly Date[]): Date {
  const latest = cutoffs.length ? cutoffs[cutoffs.length - 1] : HISTORY_START;
  return resolveAsOf(asOf, latest, HISTORY_START);
}
