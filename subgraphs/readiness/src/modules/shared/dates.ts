import { BadUserInputError } from '@kh02/subgraph-kit';
import { registerEnumType } from 'type-graphql';

/** The longest date range a daily figure can be asked for, in days (a leap year). */
export const MAX_RANGE_DAYS = 366;

const DAY_MS = 86_400_000;

/** A validated, inclusive range of Vietnam calendar days. */
export interface DayRange {
  /** "YYYY-MM-DD", first day included. */
  from: string;
  /** "YYYY-MM-DD", last day included. */
  to: string;
  /** Number of calendar days in the range, both ends included (1 when from = to). */
  days: number;
}

function epochDay(day: string): number {
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function fromEpochDay(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Validates `from`/`to` (already real dates: the `Date` scalar checked them): `from` after `to`
 * is a `BAD_USER_INPUT` naming `from`; a range over {@link MAX_RANGE_DAYS} days names `to`.
 */
export function dayRange(from: string, to: string): DayRange {
  if (from > to) throw new BadUserInputError(`Argument "from" (${from}) is after "to" (${to}).`, 'from');
  const days = epochDay(to) - epochDay(from) + 1;
  if (days > MAX_RANGE_DAYS) {
    throw new BadUserInputError(`The range ${from}..${to} spans ${days} days; at most ${MAX_RANGE_DAYS} are allowed: move "to" closer to "from".`, 'to', {
      maxDays: MAX_RANGE_DAYS,
    });
  }
  return { from, to, days };
}

/** Every day of a range, in order. */
export function daysOf(range: DayRange): string[] {
  const start = epochDay(range.from);
  return Array.from({ length: range.days }, (_, i) => fromEpochDay(start + i));
}

/** How a daily series is summed up. */
export enum SyncedRecordGrouping {
  DAY = 'DAY',
  WEEK = 'WEEK',
  MONTH = 'MONTH',
}
registerEnumType(SyncedRecordGrouping, {
  name: 'SyncedRecordGrouping',
  description: 'Length of the periods a synced-records series is summed over.',
  valuesConfig: {
    DAY: { description: 'One period per calendar day.' },
    WEEK: { description: 'ISO weeks, Monday to Sunday.' },
    MONTH: { description: 'Calendar months.' },
  },
});

/** The first day of the period `day` falls in: itself, the Monday of its ISO week, or the 1st of its month. */
export function periodStart(day: string, grouping: SyncedRecordGrouping): string {
  if (grouping === SyncedRecordGrouping.MONTH) return `${day.slice(0, 8)}01`;
  if (grouping === SyncedRecordGrouping.WEEK) {
    const n = epochDay(day);
    // 1970-01-01 was a Thursday: (n + 3) % 7 is 0 on Mondays.
    return fromEpochDay(n - ((((n + 3) % 7) + 7) % 7));
  }
  return day;
}

/** One period of a series: its calendar start, how many of its days lie in the range, and the sum over them. */
export interface Period {
  periodStart: string;
  days: number;
  count: number;
}

/**
 * Sums a daily series into periods covering the whole range, in order. Days missing from `daily`
 * count 0, so a chart gets every period of the range. A period's start can lie before `from`
 * (a week or month cut by the range); only days inside the range are summed.
 */
export function groupSeries(daily: ReadonlyMap<string, number>, range: DayRange, grouping: SyncedRecordGrouping): Period[] {
  const periods: Period[] = [];
  for (const day of daysOf(range)) {
    const start = periodStart(day, grouping);
    let last = periods[periods.length - 1];
    if (!last || last.periodStart !== start) periods.push((last = { periodStart: start, days: 0, count: 0 }));
    last.days++;
    last.count += daily.get(day) ?? 0;
  }
  return periods;
}
