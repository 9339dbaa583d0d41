import { Coverage } from '@kh02/subgraph-kit';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType('Province', {
  description:
    'A province or centrally-run city (owned by geography). The tasks subgraph adds its plan progress: its own colour, the green coverage of its communes, its overdue tasks.',
})
export class ProvinceRef {
  @Field(() => ID, { description: 'Official two-digit code, e.g. "04" Cao Bằng.' })
  code: string;

  @Directive('@external')
  @Field(() => Int, { description: 'Number of commune-level units, owned by geography; the denominator of `greenCoverage`.' })
  communeCount?: number;
}

@ObjectType({ description: 'One entry of a green-coverage ranking of provinces.' })
export class ProvinceCoverage {
  @Field(() => Int, {
    description: 'Position in the ranking, 1 first; provinces with equal coverage share a rank and are listed by province code (1, 2, 2, 4).',
  })
  rank: number;

  @Field(() => ProvinceRef, { description: 'The province (name and other fields come from geography).' })
  province: ProvinceRef;

  @Field(() => Coverage, {
    description: "Communes counting as green out of the province's communes in the tasks subgraph's register (the same units geography counts).",
  })
  coverage: Coverage;
}
