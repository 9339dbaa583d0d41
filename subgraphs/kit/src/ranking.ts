import { SortDirection } from './types/enums';

/** One ranked item. */
export interface Ranked<T> {
  /** 1 = first; equal figures share a rank and the next rank skips (1, 2, 2, 4). */
  rank: number;
  item: T;
}

/**
 * Ranks items by a figure in the given direction: standard competition ranking, so equal figures
 * share a rank and the next rank counts the items before it (1, 2, 2, 4). Within a tie, items are
 * listed by `tieKey` ascending (province code), whatever the direction. `compare` orders the
 * figures ascending and returns 0 for equal ones (exact comparison, e.g. {@link compareCoverage}).
 * The one ranking rule of the graph: every ranking in every subgraph goes through it.
 */
export function rankBy<T>(items: readonly T[], compare: (a: T, b: T) => number, tieKey: (item: T) => string, order: SortDirection): Ranked<T>[] {
  const sign = order === SortDirection.ASC ? 1 : -1;
  const sorted = [...items].sort((a, b) => sign * compare(a, b) || (tieKey(a) < tieKey(b) ? -1 : tieKey(a) > tieKey(b) ? 1 : 0));
  const ranked: Ranked<T>[] = [];
  sorted.forEach((item, i) => {
    const previous = ranked[i - 1];
    ranked.push({ item, rank: previous && compare(sorted[i - 1], item) === 0 ? previous.rank : i + 1 });
  });
  return ranked;
}
