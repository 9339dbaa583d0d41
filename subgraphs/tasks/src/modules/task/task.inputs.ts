import { SortDirection } from '@kh02/subgraph-kit';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { ProgressState, TaskLevel } from '../progress/progress.enums';

@InputType({ description: "Narrows a list of tasks. All given conditions must hold. `states` and `overdue` are judged at the list's `asOf`." })
export class TaskFilter {
  @Field(() => [ID], { nullable: true, description: 'Only tasks of these groups (codes, e.g. "INSTITUTIONS").' })
  groupCodes?: string[];

  @Field(() => [TaskLevel], { nullable: true, description: 'Only tasks at these levels.' })
  levels?: TaskLevel[];

  @Field(() => [ProgressState], { nullable: true, description: 'Only tasks in one of these states at `asOf` (see `TaskProgress.state`).' })
  states?: ProgressState[];

  @Field({
    nullable: true,
    description:
      'true: only tasks overdue at `asOf` (past the deadline and not completed: a central task by its own report, an assigned task when any assignment is); false: only tasks that are not.',
  })
  overdue?: boolean;

  @Field({ nullable: true, description: 'Responsible body contains this text, ignoring case and diacritics ("justice" finds "Ministry of Justice").' })
  responsibleBody?: string;

  @Field(() => [ID], { nullable: true, description: 'Only these task codes.' })
  codes?: string[];
}

/** What a task list can be ordered by. */
export enum TaskOrderField {
  PLAN = 'PLAN',
  CODE = 'CODE',
  DEADLINE = 'DEADLINE',
  START = 'START',
  TITLE = 'TITLE',
}
registerEnumType(TaskOrderField, {
  name: 'TaskOrderField',
  description: 'What a task list can be ordered by; ties are broken by plan order.',
  valuesConfig: {
    PLAN: { description: 'Plan order: by group position, then position in the group.' },
    CODE: { description: 'Task code.' },
    DEADLINE: { description: 'Deadline.' },
    START: { description: 'Start of the schedule.' },
    TITLE: { description: 'Title, ignoring case and diacritics.' },
  },
});

@InputType({ description: 'Order of a task list. Default: plan order, ascending.' })
export class TaskOrder {
  @Field(() => TaskOrderField, { defaultValue: TaskOrderField.PLAN, description: 'Sort key.' })
  field: TaskOrderField;

  @Field(() => SortDirection, { defaultValue: SortDirection.ASC, description: 'Sort direction.' })
  direction: SortDirection;
}
