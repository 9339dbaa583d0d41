import { createConnectionType } from '@kh02/subgraph-kit';
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { ProgressState } from '../progress/progress.enums';
import { Task } from './task.entity';

@ObjectType('TaskConnection', { description: 'A page of tasks (Relay connection).' })
export class TaskConnection extends createConnectionType(Task, 'Task', 'tasks') {}

@ObjectType({
  description: "Progress of a task at one moment. A central task's comes from its own reports; a province or commune task's from all its assignments.",
})
export class TaskProgress {
  @Field({ description: 'The moment these values hold at.' })
  asOf: Date;

  @Field(() => ProgressState, {
    description:
      'Central: the last reported state. Assigned: COMPLETED when every assignment is, NOT_STARTED while none has reported progress, IN_PROGRESS otherwise.',
  })
  state: ProgressState;

  @Field(() => Float, {
    description:
      'Percent complete, 0–100, two decimals. Central: last reported; assigned: the mean over assignments (an assignment without a report counts 0).',
  })
  percent: number;

  @Field(() => Float, { description: 'What the linear schedule expects at `asOf`, 0–100, two decimals.' })
  expectedPercent: number;

  @Field({
    description:
      'Past its deadline and not completed. Central: its own last report is not COMPLETED after the deadline; assigned: at least one assignment is overdue.',
  })
  overdue: boolean;

  @Field(() => Int, { description: 'Number of assignments; 0 for a central task.' })
  assignmentCount: number;

  @Field(() => Int, { description: 'Assignments reported COMPLETED by `asOf`.' })
  completedAssignments: number;

  @Field(() => Int, { description: 'Assignments overdue at `asOf`.' })
  overdueAssignments: number;
}
