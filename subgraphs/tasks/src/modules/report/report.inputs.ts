import { Field, Float, InputType, Int, ObjectType } from 'type-graphql';
import { Assignment } from '../assignment/assignment.types';
import { ProgressReport } from '../progress/progress.entity';

@InputType({ description: 'One progress report on one assignment (appended to its history; nothing is updated in place).' })
export class ReportProgressInput {
  @Field(() => Int, { description: 'The assignment reported on: its `number`.' })
  assignmentId: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Percent complete, a whole number 0–100. Required unless `completed` is true (then it may be left out, or must be 100).',
  })
  percent?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'True: the assignment is completed (100 %). Default false.' })
  completed?: boolean | null;

  @Field(() => String, { nullable: true, description: 'A working note, at most 2000 characters (visible to analysts, admins and officials of the locality).' })
  note?: string | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "The moment the report describes; default now. Never in the future, never before the plan's monitoring start. At or before the latest published cut-off it is a correction: admins and officials of the locality only, with a `reason`.",
  })
  reportedAt?: Date | null;

  @Field(() => Int, {
    nullable: true,
    description:
      "The assignment's `version` the report was written against; when it is not the current version the report is refused with CONFLICT (`extensions.currentVersion`). Leave out to append whatever the version.",
  })
  expectedVersion?: number | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why published figures are corrected: mandatory for a correction (see `reportedAt`), ignored otherwise.',
  })
  reason?: string | null;
}

@ObjectType({ description: 'What reportProgress wrote.' })
export class ReportProgressPayload {
  @Field(() => Assignment, { description: 'The assignment after the report, read now (its `version` counts the new report).' })
  assignment: Assignment;

  @Field(() => ProgressReport, { description: 'The report appended.' })
  report: ProgressReport;
}
