import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { LocalDetail } from '@kh02/subgraph-kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { ProgressState } from './progress.enums';

@Entity({ tableName: 'progress_report' })
// "Latest report at or before asOf" per assignment, and per central task.
@Index({ name: 'progress_report_assignment_time_index', properties: ['assignmentId', 'reportedAt', 'id'] })
@Index({ name: 'progress_report_task_time_index', properties: ['taskCode', 'reportedAt', 'id'] })
// One version per assignment: two concurrent writers of one assignment cannot both land version n.
@Unique({ name: 'progress_report_assignment_id_version_unique', properties: ['assignmentId', 'version'] })
@ObjectType({
  description:
    'One progress report, of one assignment or of a central task. Reports are append-only: a later report supersedes an earlier one from its `reportedAt` on, nothing is overwritten. In the default dataset reports are synthetic and recorded only when the percentage changed.',
})
export class ProgressReport {
  @PrimaryKey({ type: 'integer', autoincrement: true })
  /** Report number; the GraphQL `id` is "ProgressReport:<number>" (see ProgressReportResolver). */
  @Field(() => ID, {
    description:
      'Globally unique, stable identifier "ProgressReport:<number>", e.g. "ProgressReport:17": a report never changes once recorded. Report numbers increase with `reportedAt` in the default dataset.',
  })
  id: number;

  /** The task reported on (denormalised for assignment reports). */
  @Property({ type: 'string', length: 40 })
  taskCode: string;

  /** The assignment reported on; null for a central task's own report. */
  @Property({ type: 'integer', nullable: true })
  assignmentId: number | null;

  @Enum({ items: () => ProgressState, type: 'string', columnType: 'varchar(16)' })
  @Field(() => ProgressState, { description: 'State reported.' })
  state: ProgressState;

  @Property({ type: 'integer' })
  @Field(() => Float, { description: 'Percent complete reported, 0–100 (whole numbers in the default dataset; Float like every percent in the graph).' })
  percent: number;

  @Property({ type: 'datetime' })
  @Field({ description: 'When the report was recorded; it holds from this instant until the next report.' })
  reportedAt: Date;

  @Property({ type: 'string', length: 300 })
  @Field(() => String, {
    nullable: true,
    description:
      "Who reported: the responsible body, or the locality's People's Committee with the province's or commune's official name (the reports themselves are synthetic in the default dataset). Names people: analysts, admins and officials of the locality (a province official for its communes too; central tasks' reports: analysts and admins) only; anyone else gets null with an UNAUTHENTICATED or FORBIDDEN error at this path.",
  })
  @LocalDetail()
  reportedBy: string;

  /** The report's place in its assignment's history: 1 for the first; null for a central task's report. */
  @Property({ type: 'integer', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description:
      "The report's place in its assignment's history: 1 for the first, and the assignment's `version` right after it landed. Null for a central task's own report.",
  })
  version: number | null = null;

  /** When the platform recorded it (transaction time); null for the default dataset's reports. */
  @Property({ type: 'datetime', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description:
      'When the platform recorded this report (transaction time), as opposed to `reportedAt`, the moment it describes. Null for the default dataset. A report recorded after a cut-off was published never counts in the figures as of that cut-off.',
  })
  recordedAt: Date | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description: 'Why this report corrects published figures (its `reportedAt` is at or before the latest published cut-off); null for an ordinary report.',
  })
  correctionReason: string | null = null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      "The reporter's working note; null when none (the default dataset has none). Holds working notes: analysts, admins and officials of the locality only; anyone else gets null with an UNAUTHENTICATED or FORBIDDEN error at this path.",
  })
  @LocalDetail()
  note: string | null = null;
}
