import { BadUserInputError } from '@kh02/common';
import { ArgsType, Field } from 'type-graphql';

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

/**
 * The start of monitoring under Plan No. 02-KH/BCĐTW: 00:00 on 1 June 2025, Vietnam time. Nothing
 * was reported before it, so it is the earliest valid `asOf` in every subgraph. A rule of the
 * platform, not of the generated data: the runtime reads it from here, never from the dataset.
 */
export const MONITORING_START = new Date('2025-06-01T00:00:00+07:00');

/** Start of the monitoring history in the default dataset: the start of monitoring ({@link MONITORING_START}). */
export const HISTORY_START = MONITORING_START;

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

/** A subgraph's reporting calendar: what `asOf` defaults to and how early it may go. */
export interface Timeline {
  /** The reporting cut-offs recorded in the subgraph's database, oldest first. */
  cutoffs: Date[];
  /** The default `asOf`: the latest cut-off, or {@link MONITORING_START} when none is recorded. */
  latestCutoff: Date;
  /** The earliest valid `asOf`: {@link MONITORING_START}. */
  earliest: Date;
}

/**
 * The timeline of a subgraph from the cut-offs its database records (any order). Every subgraph
 * builds its timeline here, so the default and the earliest `asOf` follow one rule everywhere.
 */
export function timelineOf(cutoffs: readonly Date[]): Timeline {
  const sorted = [...cutoffs].sort((a, b) => a.getTime() - b.getTime());
  return { cutoffs: sorted, latestCutoff: sorted.length ? sorted[sorted.length - 1] : MONITORING_START, earliest: MONITORING_START };
}

/** The moment a field is read at: the caller's `asOf`, or the timeline's latest cut-off (see {@link resolveAsOf}). */
export function asOfFrom(timeline: Timeline, asOf: Date | null | undefined): Date {
  return resolveAsOf(asOf, timeline.latestCutoff, timeline.earliest);
}

/** A moment written in Vietnam time (UTC+7), e.g. "2025-06-01T00:00:00+07:00". */
export function vietnamTime(date: Date): string {
  return `${new Date(date.getTime() + 7 * 3600_000).toISOString().slice(0, 19)}+07:00`;
}

/** The description of every `asOf` argument in the graph. */
export const AS_OF_DESCRIPTION = `The moment to read the history at: ISO 8601 with an offset, e.g. "2025-06-06T16:00:00+07:00". Default: the latest reporting cut-off in the data (${vietnamTime(PUBLISHED_CUTOFF)} in the default dataset), never the current time, so a default query reproduces the published figures. Before monitoring began (${vietnamTime(MONITORING_START)}): a BAD_USER_INPUT error naming "asOf".`;

/** The `asOf` argument, one definition for every field that reads the history at a moment. */
@ArgsType()
export class AsOfArgs {
  @Field(() => Date, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: Date;
}

/** A request's reading of its subgraph's timeline: the cut-offs are read once, on first use. */
export interface AsOfReader {
  /** The subgraph's timeline, read once per request. */
  timeline(): Promise<Timeline>;
  /** The moment a field is read at: `asOf`, or the latest cut-off; `BAD_USER_INPUT` before monitoring began. */
  asOf(asOf: Date | null | undefined): Promise<Date>;
}

/** Makes a request's {@link AsOfReader} from the subgraph's own query for its recorded cut-offs. */
export function createAsOfReader(readCutoffs: () => Promise<Date[]>): AsOfReader {
  let read: Promise<Timeline> | undefined;
  const timeline = () => (read ??= readCutoffs().then(timelineOf));
  return { timeline, asOf: async (asOf) => asOfFrom(await timeline(), asOf) };
}
