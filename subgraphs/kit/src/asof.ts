import { AsOfScalar, BadUserInputError, MONITORING_START } from '@kh02/common';
import { ArgsType, Field } from 'type-graphql';

export { MONITORING_START };

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

/** The description of every `asOf` argument in the graph: the one place its meaning is stated. */
export const AS_OF_DESCRIPTION = `The moment to read the history at (scalar \`AsOf\`, a string). One of: "LATEST" or left out — the latest reporting cut-off in the data (2025-07-31T16:00:00+07:00 in the default dataset), never the current time, so a default query reproduces the published figures; a calendar date "YYYY-MM-DD" — the END of that day in Vietnam time (23:59:59.999+07:00), so "2025-07-25" reads everything recorded that day, its 16:00 cut-off included; or an ISO 8601 date-time with an offset, e.g. "2025-06-06T16:00:00+07:00". Before monitoring began (${vietnamTime(MONITORING_START)}) or malformed: one BAD_USER_INPUT error naming "asOf", refused before any figure is computed. A moment after the latest published cut-off holds unpublished data: analysts, admins and the officials of the locality read it; anyone else (anonymous readers, partners) reads the latest published cut-off instead, and the answer's \`asOf\` says which. Figures as of a published cut-off never change: a correction recorded after its publication does not count in them.`;

/**
 * The description of `Query.reportingCutoffs`, which every subgraph holding a history serves
 * (`@shareable`): they record the same published calendar, so any of them may answer.
 */
export const REPORTING_CUTOFFS_DESCRIPTION =
  'The reporting cut-offs figures are published at, oldest first: weekly (Fridays 16:00 Vietnam time) in June–July 2025 and the published cut-off of 16:00, 31 July 2025, in the default dataset. The latest is what `asOf` means when it is "LATEST" or left out, for every figure in the graph. Any of them is a good `asOf`.';

/** The `asOf` argument, one definition for every field that reads the history at a moment. */
@ArgsType()
export class AsOfArgs {
  /** The instant asked for; null or undefined: the latest cut-off ("LATEST" or left out). */
  @Field(() => AsOfScalar, { nullable: true, description: AS_OF_DESCRIPTION })
  asOf?: Date | null;
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
