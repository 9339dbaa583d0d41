import { Coverage, LocalDetail, PageInfo, type RecordLocality } from '@kh02/subgraph-kit';
import { Field, Int, ObjectType } from 'type-graphql';
import { CommuneRef } from '../commune/commune.types';
import { Criterion } from '../criterion/criterion.entity';
import { ProvinceRef } from '../province/province.types';

@ObjectType({ simpleResolvers: true, description: "One criterion's state for one commune at the requested moment: the latest assessment at or before it." })
export class CriterionAssessment {
  @Field(() => Criterion, { description: 'The criterion.' })
  criterion: Criterion;

  @Field({
    description:
      'True when the latest assessment at or before `asOf` found the criterion met. False when it found it unmet, or when the criterion was never assessed by then.',
  })
  met: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      "The assessor's note (usually why a criterion is unmet); null when none was written or the criterion was never assessed. Synthetic in the default dataset. A working note: analysts, admins and officials of the commune (or its province) only; anyone else gets null with an UNAUTHENTICATED or FORBIDDEN error at this path.",
  })
  @LocalDetail()
  note: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the latest assessment at or before `asOf` was made; null when the criterion had never been assessed by then.',
  })
  assessedAt: Date | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Who made that assessment (e.g. the provincial Department of Science and Technology); null when never assessed. Synthetic in the default dataset. Names people: analysts, admins and officials of the commune (or its province) only; anyone else gets null with an UNAUTHENTICATED or FORBIDDEN error at this path.',
  })
  @LocalDetail()
  assessedBy: string | null;

  /** Where the assessment belongs (the commune), for the access check; not a GraphQL field. */
  locality?: RecordLocality;
}

@ObjectType({ simpleResolvers: true, description: "A commune's Public Administration Service Centre against the criterion catalogue, at one moment." })
export class CommuneReadiness {
  @Field(() => Date, { description: 'The moment this state is read at: the `asOf` argument, or the latest reporting cut-off.' })
  asOf: Date;

  @Field({ description: 'True when every basic criterion is met at `asOf` (a never-assessed criterion is not met).' })
  meetsBasicConditions: boolean;

  @Field(() => [CriterionAssessment], { description: 'Every criterion of the catalogue, in catalogue order, with its state at `asOf`.' })
  criteria: CriterionAssessment[];

  @Field(() => [Criterion], {
    description:
      'The basic criteria not met at `asOf`, in catalogue order: what keeps the commune from meeting the basic conditions. Empty when `meetsBasicConditions`.',
  })
  unmetCriteria: Criterion[];
}

@ObjectType({ simpleResolvers: true, description: "One criterion's coverage over an area: communes meeting it ÷ all communes of the area." })
export class CriterionCoverage {
  @Field(() => Criterion, { description: 'The criterion.' })
  criterion: Criterion;

  @Field(() => Coverage, { description: "Communes meeting the criterion at `asOf` out of all the area's communes (never-assessed communes count against it)." })
  coverage: Coverage;
}

@ObjectType({ simpleResolvers: true, description: 'Readiness of the service centres of an area (a province or the country) at one moment.' })
export class AreaReadiness {
  @Field(() => Date, { description: 'The moment these figures are read at: the `asOf` argument, or the latest reporting cut-off.' })
  asOf: Date;

  @Field(() => Coverage, {
    description:
      "Communes fully meeting the basic conditions at `asOf` out of all the area's communes (geography's `communeCount`): a commune never assessed counts against it.",
  })
  fullyMet: Coverage;

  @Field(() => [CriterionCoverage], { description: 'Coverage of each criterion, in catalogue order.' })
  criteria: CriterionCoverage[];
}

@ObjectType({ simpleResolvers: true, description: 'One province in a readiness ranking.' })
export class ReadinessRankingEntry {
  @Field(() => Int, { description: 'Rank in the requested order, 1 = first; provinces with equal rates share a rank (1, 2, 2, 4).' })
  rank: number;

  @Field(() => ProvinceRef, { description: 'The province.' })
  province: ProvinceRef;

  @Field(() => Coverage, {
    description:
      "The ranked coverage: communes fully meeting the basic conditions (or meeting the given criterion) ÷ the province's communes in this subgraph's locality registry (equal to geography's `communeCount` on the same dataset).",
  })
  coverage: Coverage;
}

@ObjectType({ simpleResolvers: true, description: 'A commune failing a criterion, with the assessment that says so.' })
export class FailingCommuneEdge {
  @Field({ description: 'Opaque position of this item; pass it as `after` to continue after it.' })
  cursor: string;

  @Field(() => CommuneRef, { description: 'The commune.' })
  node: CommuneRef;

  @Field(() => String, {
    nullable: true,
    description:
      "The latest assessment's note; null when never assessed or no note. Synthetic in the default dataset. A working note: analysts, admins and officials of the commune (or its province) only; anyone else gets null with an UNAUTHENTICATED or FORBIDDEN error at this path.",
  })
  @LocalDetail()
  note: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the latest assessment at or before `asOf` found the criterion unmet; null when the criterion was never assessed by then.',
  })
  assessedAt: Date | null;

  /** Where the assessment belongs (the commune and its province), for the access check; not a GraphQL field. */
  locality?: RecordLocality;
}

@ObjectType({ simpleResolvers: true, description: 'A page of communes failing a criterion (Relay connection), ordered by commune code.' })
export class FailingCommuneConnection {
  @Field(() => [FailingCommuneEdge], { description: 'The communes of this page, by code.' })
  edges: FailingCommuneEdge[];

  @Field(() => PageInfo, { description: 'Where this page sits in the whole list.' })
  pageInfo: PageInfo;

  @Field(() => Int, { description: 'How many communes of the province fail the criterion at `asOf`, in all pages together.' })
  totalCount: number;
}
