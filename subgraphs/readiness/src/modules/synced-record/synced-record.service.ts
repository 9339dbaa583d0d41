import type { DayRange } from '../shared/dates';
import { SyncedRecordStats } from './synced-record.types';

/** An area's synced-record figures over a range, from its daily sums. */
export function syncedStats(daily: ReadonlyMap<string, number>, range: DayRange): SyncedRecordStats {
  let total = 0;
  for (const n of daily.values()) total += n;
  return Object.assign(new SyncedRecordStats(), { from: range.from, to: range.to, total, daily });
}
