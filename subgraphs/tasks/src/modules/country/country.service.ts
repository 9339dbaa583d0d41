import { compareCoverage, coverage, rankBy, SortDirection, type Coverage } from '@kh02/subgraph-kit';
import type { TasksContext } from '../../context';
import type { Colour } from '../progress/progress.rule';

/** A province's green coverage over the tasks subgraph's register. */
export interface ProvinceCoverageEntry {
  provinceCode: string;
  coverage: Coverage;
}

/**
 * Every province's green coverage at `asOf`. Denominators come from the tasks subgraph's own
 * register of communes (seeded from the same locality registry geography is), because a
 * national figure over 34 provinces cannot `@requires` each province's `communeCount`.
 */
export async function provinceCoverages(ctx: TasksContext, asOf: Date): Promise<ProvinceCoverageEntry[]> {
  const [summaries, index] = await Promise.all([ctx.loaders.allProvinces(asOf), ctx.localities()]);
  return summaries.map((s) => ({ provinceCode: s.provinceCode, coverage: coverage(s.greenCommunes, index.communesByProvince.get(s.provinceCode) ?? 0) }));
}

/** Provinces by colour. */
export function countColours(colours: readonly Colour[]): { green: number; yellow: number; red: number } {
  return {
    green: colours.filter((c) => c === 'GREEN').length,
    yellow: colours.filter((c) => c === 'YELLOW').length,
    red: colours.filter((c) => c === 'RED').length,
  };
}

/**
 * Bands of green coverage, compared exactly in integers: full = 100 %; above70 = (70 %, 100 %);
 * above50 = (50 %, 70 %]; below50 = 50 % or less, including an empty denominator.
 */
export function coverageBands(coverages: readonly Coverage[]): { full: number; above70: number; above50: number; below50: number } {
  const bands = { full: 0, above70: 0, above50: 0, below50: 0 };
  for (const { numerator: n, denominator: d } of coverages) {
    if (d > 0 && n === d) bands.full++;
    else if (10 * n > 7 * d) bands.above70++;
    else if (2 * n > d) bands.above50++;
    else bands.below50++;
  }
  return bands;
}

/**
 * Ranks provinces by coverage (DESC: highest first) with the graph's one ranking rule (the kit's
 * `rankBy`): equal coverage shares a rank (1, 2, 2, 4) and is listed by province code.
 */
export function rankByCoverage(entries: readonly ProvinceCoverageEntry[], order: SortDirection): (ProvinceCoverageEntry & { rank: number })[] {
  return rankBy(
    entries,
    (a, b) => compareCoverage(a.coverage, b.coverage),
    (e) => e.provinceCode,
    order,
  ).map(({ rank, item }) => ({ ...item, rank }));
}
