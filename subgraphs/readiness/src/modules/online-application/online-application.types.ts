import { Coverage, DateScalar } from '@kh02/subgraph-kit';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ProvinceRef } from '../province/province.types';

@ObjectType({
  simpleResolvers: true,
  description:
    'Administrative applications over a range of days: how many were received, how many were submitted online, and for how many the results were returned online. Daily figures are synthetic in the default dataset except for the reported July 2025 rates of Hà Nội and the fall in Hồ Chí Minh City.',
})
export class OnlineApplicationStats {
  @Field(() => DateScalar, { description: 'First day of the range (included).' })
  from: string;

  @Field(() => DateScalar, { description: 'Last day of the range (included).' })
  to: string;

  @Field(() => Int, { description: 'Calendar days in the range, both ends included.' })
  days: number;

  @Field(() => Int, { description: 'Applications received in the range, by any channel.' })
  received: number;

  @Field(() => Int, { description: 'Of those, applications submitted online (National Public Service Portal or the provincial portal).' })
  submittedOnline: number;

  @Field(() => Int, { description: 'Applications whose results were returned online.' })
  resultsOnline: number;

  @Field(() => Coverage, { description: 'submittedOnline ÷ received (percent rounded half-up to two decimals; 0 when nothing was received).' })
  onlineSubmissionRate: Coverage;

  @Field(() => Coverage, { description: 'resultsOnline ÷ received.' })
  onlineResultRate: Coverage;

  @Field(() => Float, {
    description: 'received ÷ the number of calendar days in the range (not only the days with data), rounded to two decimals; applications per day.',
  })
  dailyAverageReceived: number;
}

/** What an online-application ranking orders provinces by. */
export enum OnlineApplicationMetric {
  ONLINE_SUBMISSION_RATE = 'ONLINE_SUBMISSION_RATE',
  ONLINE_RESULT_RATE = 'ONLINE_RESULT_RATE',
  RECEIVED = 'RECEIVED',
}
registerEnumType(OnlineApplicationMetric, {
  name: 'OnlineApplicationMetric',
  description: 'What an online-application ranking orders provinces by.',
  valuesConfig: {
    ONLINE_SUBMISSION_RATE: { description: 'Share of applications submitted online.' },
    ONLINE_RESULT_RATE: { description: 'Share of applications with results returned online.' },
    RECEIVED: { description: 'Applications received (equivalently, the daily average).' },
  },
});

@ObjectType({ simpleResolvers: true, description: 'One province in an online-application ranking.' })
export class OnlineApplicationRankingEntry {
  @Field(() => Int, { description: 'Rank in the requested order, 1 = first; equal values share a rank (1, 2, 2, 4).' })
  rank: number;

  @Field(() => ProvinceRef, { description: 'The province.' })
  province: ProvinceRef;

  @Field(() => OnlineApplicationStats, { description: "The province's figures over the range." })
  stats: OnlineApplicationStats;
}
