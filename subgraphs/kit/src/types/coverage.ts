import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from '@kh02/common';

/**
 * A share of a whole: `numerator` out of `denominator`. One value type for every coverage figure
 * in the graph (green coverage, readiness, online rates), defined identically by each subgraph.
 */
@Directive('@shareable')
@ObjectType({
  description:
    'A share of a whole: `numerator` out of `denominator`, with the rate (0–1) and the percentage rounded to two decimals. An empty whole (denominator 0) has rate 0.',
})
export class Coverage {
  @Field(() => Int, { description: 'How many of the whole meet the condition (e.g. green communes).' })
  numerator: number;

  @Field(() => Int, { description: 'The whole (e.g. all communes of the province, reported or not).' })
  denominator: number;

  @Field(() => Float, { description: 'numerator ÷ denominator, between 0 and 1, unrounded; 0 when the denominator is 0.' })
  rate: number;

  @Field(() => Float, { description: 'The rate as a percentage rounded half-up to two decimals (5.357… → 5.36); 0 when the denominator is 0.' })
  percent: number;
}

/** Where a coverage's denominator came from, to name it when it is smaller than the numerator. */
export interface CoverageSource {
  /** The argument or representation field that gave the denominator, e.g. "communeCount". */
  argument: string;
  /** What the coverage is of, e.g. "Province 04"; starts the message. */
  where?: string;
}

/**
 * A coverage whose numerator exceeds its denominator: the denominator given (geography's
 * `communeCount` in a representation, or another figure) does not describe the units counted.
 * One error for the whole graph: `BAD_USER_INPUT` naming the denominator's source, reported
 * rather than clamped, so a mismatch between subgraphs' data is seen.
 */
export class CoverageExceedsError extends BadUserInputError {
  constructor(numerator: number, denominator: number, source: CoverageSource = { argument: 'denominator' }) {
    super(
      `${source.where ? `${source.where}: ` : ''}${source.argument} ${denominator} is smaller than the ${numerator} counted by this subgraph: the representation and this subgraph's data do not describe the same units.`,
      source.argument,
      { numerator, denominator },
    );
  }
}

/**
 * Builds a {@link Coverage}. Rounds the percentage half-up at two decimals on the exact ratio
 * (integer arithmetic), so 3/56 gives 5.36 and 1981/3321 gives 59.65 on every platform.
 * A numerator above the denominator is a {@link CoverageExceedsError} naming `source.argument`;
 * negative or fractional counts are a programming error (`RangeError`).
 */
export function coverage(numerator: number, denominator: number, source?: CoverageSource): Coverage {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`coverage needs non-negative integers, got ${numerator}/${denominator}`);
  }
  if (numerator > denominator) throw new CoverageExceedsError(numerator, denominator, source);
  const c = new Coverage();
  c.numerator = numerator;
  c.denominator = denominator;
  c.rate = denominator === 0 ? 0 : numerator / denominator;
  // percent × 100 = numerator × 10000 / denominator; round half-up in integers to avoid 1.005-style float errors.
  c.percent = denominator === 0 ? 0 : Math.floor((numerator * 20000 + denominator) / (2 * denominator)) / 100;
  return c;
}

/** Orders two coverages by their exact rate (cross-multiplied, no floating point); an empty denominator rates 0. */
export function compareCoverage(a: Coverage, b: Coverage): number {
  const left = a.denominator === 0 ? 0 : a.numerator * (b.denominator || 1);
  const right = b.denominator === 0 ? 0 : b.numerator * (a.denominator || 1);
  return left - right;
}
