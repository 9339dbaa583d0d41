import { LocalDetail, type RecordLocality } from '@kh02/subgraph-kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Criterion } from '../criterion/criterion.entity';

@InputType({ description: "One assessment of one criterion of one commune's service centre (appended to its history; nothing is updated in place)." })
export class RecordAssessmentInput {
  @Field({ description: 'The commune: 5-digit official code.' })
  communeCode: string;

  @Field({ description: 'The criterion: its `code` in the catalogue.' })
  criterionCode: string;

  @Field({ description: 'True when the centre meets the criterion.' })
  met: boolean;

  @Field(() => String, { nullable: true, description: 'A working note (usually why it is unmet), at most 2000 characters.' })
  note?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      'The moment the finding was made; default now. Never in the future, never before monitoring began. At or before the latest published cut-off it is a correction: admins and officials of the locality only, with a `reason`.',
  })
  assessedAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The (commune, criterion) history's `version` the finding was made against; when it is not the current version the write is refused with CONFLICT (`extensions.currentVersion`). Leave out to append whatever the version.",
  })
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why published figures are corrected: mandatory for a correction (see `assessedAt`), ignored otherwise.',
  })
  reason?: string | null;
}

@ObjectType({ description: 'One recorded assessment of one criterion of one commune.' })
export class AssessmentRecord {
  @Field(() => ID, { description: 'Stable identifier "Assessment:<number>".' })
  id: string;

  @Field({ description: 'The commune: 5-digit official code.' })
  communeCode: string;

  @Field(() => Criterion, { description: 'The criterion assessed.' })
  criterion: Criterion;

  @Field({ description: 'Whether the criterion was found met.' })
  met: boolean;

  @Field(() => String, { nullable: true, description: "The assessor's note; analysts, admins and officials of the commune (or its province) only." })
  @LocalDetail()
  note: string | null;

  @Field(() => Date, { description: 'The moment the finding holds from.' })
  assessedAt: Date;

  @Field(() => String, {
    nullable: true,
    description: 'Who recorded it (the caller\u2019s subject); analysts, admins and officials of the commune (or its province) only.',
  })
  @LocalDetail()
  assessedBy: string | null;

  @Field(() => Int, { description: "Its place in the (commune, criterion) history: the history's version right after it landed." })
  version: number;

  @Field(() => Date, { description: 'When the platform recorded it (transaction time).' })
  recordedAt: Date;

  @Field(() => String, { nullable: true, description: 'Why it corrects published figures; null for an ordinary assessment.' })
  correctionReason: string | null;

  /** Where it belongs, for the access check. */
  locality?: RecordLocality;
}

@ObjectType({ description: 'What recordAssessment wrote.' })
export class RecordAssessmentPayload {
  @Field(() => AssessmentRecord, { description: 'The assessment appended.' })
  assessment: AssessmentRecord;
}

@InputType({ description: "One province's online-application figures for one day, from a partner system." })
export class OnlineApplicationRowInput {
  @Field({ description: 'The province: 2-digit official code.' })
  provinceCode: string;

  @Field({ description: 'The Vietnam calendar day, "YYYY-MM-DD"; not in the future, not before monitoring began.' })
  date: string;

  @Field(() => Int, { description: 'Applications received that day, 0 or more.' })
  received: number;

  @Field(() => Int, { description: 'Of them, submitted online: 0 to `received`.' })
  submittedOnline: number;

  @Field(() => Int, { description: 'Of them, with results returned online: 0 to `received`.' })
  resultsOnline: number;
}

@InputType({ description: "One commune's records synchronised on the National Public Service Portal in one day, from a partner system." })
export class SyncedRecordRowInput {
  @Field({ description: 'The commune: 5-digit official code.' })
  communeCode: string;

  @Field({ description: 'The Vietnam calendar day, "YYYY-MM-DD"; not in the future, not before monitoring began.' })
  date: string;

  @Field(() => Int, { description: 'Records synchronised that day, 0 or more.' })
  count: number;
}
