import { DateScalar } from '@kh02/subgraph-kit';
import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ simpleResolvers: true, description: 'One period of a synced-records series.' })
export class SyncedRecordPeriod {
  @Field(() => DateScalar, {
    description:
      "First calendar day of the period: the day itself, the Monday of its ISO week, or the 1st of its month. Can fall before the range's `from` when the range cuts a week or month.",
  })
  periodStart: string;

  @Field(() => Int, { description: 'Days of the range inside this period (1 for DAY; up to 7 for WEEK; up to 31 for MONTH).' })
  days: number;

  @Field(() => Int, { description: 'Records synchronised on those days; days without data count 0.' })
  count: number;
}

@ObjectType({
  simpleResolvers: true,
  description:
    "Records synchronised commune-to-commune on the National Public Service Portal over a range of days (the data behind the article's chart). Synthetic in the default dataset: a trial run in June 2025, official operation from 1 July.",
})
export class SyncedRecordStats {
  @Field(() => DateScalar, { description: 'First day of the range (included).' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the range (included).' })
  to: string;

  @Field(() => Int, { description: 'Records synchronised in the range.' })
  total: number;

  /** Daily sums, by "YYYY-MM-DD"; `series` groups them. */
  daily: ReadonlyMap<string, number>;
}
