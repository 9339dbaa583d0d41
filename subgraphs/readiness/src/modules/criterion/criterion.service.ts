import { BadUserInputError } from '@kh02/subgraph-kit';
import type { Criterion } from './criterion.entity';
import type { CriterionFilter } from './criterion.inputs';

/** The criterion with `code`, or `BAD_USER_INPUT` naming `argument` when the catalogue has none. */
export function requireCriterion(catalogue: readonly Criterion[], code: string, argument = 'criterion'): Criterion {
  const found = catalogue.find((c) => c.code === code);
  if (!found) {
    throw new BadUserInputError(
      `Argument "${argument}": unknown criterion code "${code}". Known codes: ${catalogue.map((c) => c.code).join(', ')}.`,
      argument,
      { value: code },
    );
  }
  return found;
}

/** The catalogue narrowed by a filter, in catalogue order; an unknown code in `codes` is `BAD_USER_INPUT` naming `filter.codes`. */
export function filterCriteria(catalogue: readonly Criterion[], filter: CriterionFilter | null | undefined): Criterion[] {
  if (filter?.codes) for (const code of filter.codes) requireCriterion(catalogue, code, 'filter.codes');
  return catalogue.filter(
    (c) =>
      (!filter?.codes || filter.codes.includes(c.code)) &&
      (filter?.category == null || c.category === filter.category) &&
      (filter?.basic == null || c.basic === filter.basic),
  );
}
