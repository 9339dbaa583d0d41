import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { LocalDetail } from '@kh02/subgraph-kit';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import { ProgressState } from './progress.enums';

@Entity({ tableName: 'progress_report' })
// "Latest report at or before asOf" per assignment, and per central task.
@Index({ name: 'progress_report_assignment_time_index', properties: ['assignmentId', 'reportedAt', 'id'] })
@Index({ name: 'progress_report_task_time_index', properties: ['taskCode', 'reportedAt', 'id'] })
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
}
