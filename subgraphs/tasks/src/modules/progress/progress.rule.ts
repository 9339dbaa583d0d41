/**
 * The colour rule of the KH02 monitoring map, as pure functions with no I/O: the one place that
 * says what GREEN, YELLOW and RED mean. Its words are repeated in the schema description of
 * `ProgressStatus`; change both together.
 *
 * For one assignment at moment `at`:
 * - expected % follows the schedule linearly: 0 at or before the start, 100 at or after the
 *   deadline;
 * - reported % is the last report at or before `at` (0 without one; 100 once completed);
 * - lag = expected − reported, never below 0;
 * - overdue = not completed and `at` strictly after the deadline (at the deadline itself the
 *   assignment still has time).
 *
 * A locality's colour from its own assignments: RED if any is overdue or the largest lag is at
 * least `redLag`; YELLOW if the largest lag is at least `yellowLag`; GREEN otherwise. A locality
 * with no assignments has nothing behind schedule and is GREEN; green coverage still needs a
 * report (see {@link countsAsGreen}).
 */

/** Colour thresholds in percentage points of lag. */
export interface ProgressThresholds {
  /** Lag from which a locality is YELLOW. */
  yellowLag: number;
  /** Lag from which a locality is RED. */
  redLag: number;
}

/**
 * Defaults: a locality a good two weeks behind on a three-month task (≈15 points) is yellow; one
 * more than a month behind (≈35 points) is red.
 */
export const DEFAULT_THRESHOLDS: Readonly<ProgressThresholds> = Object.freeze({ yellowLag: 15, redLag: 35 });

/** Checks 0 < yellowLag < redLag ≤ 100; returns a frozen copy. */
export function validateThresholds(t: ProgressThresholds): Readonly<ProgressThresholds> {
  const ok = (n: number) => typeof n === 'number' && Number.isFinite(n);
  if (!ok(t.yellowLag) || !ok(t.redLag) || !(t.yellowLag > 0 && t.yellowLag < t.redLag && t.redLag <= 100)) {
    throw new RangeError(`Progress thresholds need 0 < yellow lag < red lag <= 100 (percentage points); got yellow ${t.yellowLag}, red ${t.redLag}.`);
  }
  return Object.freeze({ yellowLag: t.yellowLag, redLag: t.redLag });
}

/** A task's schedule. */
export interface Schedule {
  startsAt: Date;
  deadline: Date;
}

/** The last report at or before the moment, if any. */
export interface LatestReport {
  /** 'COMPLETED' counts as 100 % whatever the percent says. */
  state: 'NOT_STARTED' | 'IN_PROGRESS' | 'COMPLETED';
  /** 0–100. */
  percent: number;
}

/** One assignment judged at one moment. */
export interface Assessment {
  /** What the schedule expects, 0–100 (unrounded). */
  expectedPercent: number;
  /** What was last reported, 0–100 (100 when completed, 0 without a report). */
  reportedPercent: number;
  /** max(0, expected − reported), percentage points. */
  lag: number;
  completed: boolean;
  overdue: boolean;
}

/** Colour of a locality (same values as the `ProgressStatus` enum). */
export type Colour = 'GREEN' | 'YELLOW' | 'RED';

/** Progress the schedule expects at `at`, 0–100: linear from start to deadline. */
export function expectedPercent(schedule: Schedule, at: Date): number {
  const start = schedule.startsAt.getTime();
  const end = schedule.deadline.getTime();
  const t = at.getTime();
  if (t >= end) return 100;
  if (t <= start) return 0;
  return (100 * (t - start)) / (end - start);
}

/** Judges one assignment (or central task) at `at` from its schedule and its last report. */
export function assess(schedule: Schedule, latest: LatestReport | null, at: Date): Assessment {
  const completed = latest?.state === 'COMPLETED';
  const reportedPercent = completed ? 100 : Math.min(100, Math.max(0, latest?.percent ?? 0));
  const expected = expectedPercent(schedule, at);
  return {
    expectedPercent: expected,
    reportedPercent,
    lag: Math.max(0, expected - reportedPercent),
    completed,
    overdue: !completed && at.getTime() > schedule.deadline.getTime(),
  };
}

/** A locality's colour from its assessed assignments (none: GREEN). */
export function colourOf(assessments: readonly Assessment[], thresholds: ProgressThresholds): Colour {
  let maxLag = 0;
  for (const a of assessments) {
    if (a.overdue) return 'RED';
    maxLag = Math.max(maxLag, a.lag);
  }
  if (maxLag >= thresholds.redLag) return 'RED';
  if (maxLag >= thresholds.yellowLag) return 'YELLOW';
  return 'GREEN';
}

/**
 * The whole rule in one call: a locality's colour at `at` from its assignments' schedules and
 * last reports.
 */
export function progressStatus(assignments: readonly { schedule: Schedule; latest: LatestReport | null }[], at: Date, thresholds: ProgressThresholds): Colour {
  return colourOf(
    assignments.map((a) => assess(a.schedule, a.latest, at)),
    thresholds,
  );
}

/**
 * Whether a commune counts as green for green coverage: its colour is GREEN and it has reported
 * at least once by then ("a commune with no report is not green").
 */
export function countsAsGreen(colour: Colour, hasReport: boolean): boolean {
  return colour === 'GREEN' && hasReport;
}
