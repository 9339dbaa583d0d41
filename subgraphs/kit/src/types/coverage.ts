import { Directive, Field, Float, Int, ObjectType } from 'type-graphql';

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

/**
 * Builds a {@link Coverage}. Rounds the percentage half-up at two decimals on the exact ratio
 * (integer arithmetic), so 3/56 gives 5.36 and 1981/3321 gives 59.65 on every platform.
 */
export function coverage(numerator: number, denominator: number): Coverage {
  if (!Number.isInteger(numerator) || !Number.isInteger(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`coverage needs non-negative integers, got ${numerator}/${denominator}`);
  }
  if (numerator > denominator) throw new RangeError(`coverage numerator ${numerator} exceeds denominator ${denominator}`);
  const c = new Coverage();
  c.numerator = numerator;
  c.denominator = denominator;
  c.rate = denominator === 0 ? 0 : numerator / denominator;
  // percent × 100 = numerator × 10000 / denominator; round half-up in integers to avoid 1.005-style float errors.
  c.percent = denominator === 0 ? 0 : Math.floor((numerator * 20000 + denominator) / (2 * denominator)) / 100;
  return c;
}
