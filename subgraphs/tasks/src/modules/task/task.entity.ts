import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { TaskLevel } from '../progress/progress.enums';

@Entity({ tableName: 'task' })
@ObjectType({
  description:
    'A task of the plan: what must be done, by which level, by when. Central tasks report their own progress; province and commune tasks are assigned to every province or commune, each assignment reporting separately.',
})
export class Task {
  @PrimaryKey({ type: 'string', length: 40 })
  @Field(() => ID, { description: 'Task code, e.g. "KH02-1.1" (group number, then position in the group). Synthetic numbering in the default dataset.' })
  code: string;

  /** Code of the plan. */
  @Property({ type: 'string', length: 40, index: true })
  planCode: string;

  /** Code of the task group. */
  @Property({ type: 'string', length: 40, index: true })
  groupCode: string;

  /** Order within the group, from 1. */
  @Property({ type: 'integer' })
  position: number;

  @Enum({ items: () => TaskLevel, type: 'string', columnType: 'varchar(16)' })
  @Field(() => TaskLevel, { description: 'Carried out centrally, by every province, or by every commune.' })
  level: TaskLevel;

  @Property({ type: 'text' })
  @Field({ description: 'What must be done (English).' })
  title: string;

  @Property({ type: 'text' })
  @Field({ description: 'Who carries it out and where the text comes from (synthetic or named in the article).' })
  description: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: 'Body responsible for the task, e.g. "Ministry of Justice", "Provincial People\'s Committee".' })
  responsibleBody: string;

  @Property({ type: 'datetime' })
  @Field({ description: 'Start of the schedule: progress is expected from this instant (0 % before it).' })
  startsAt: Date;

  @Property({ type: 'datetime' })
  @Field({
    description:
      'Deadline: the end of the due day, 23:59:59 Vietnam time. The schedule expects 100 % here; a task or assignment not completed strictly after it is overdue.',
  })
  deadline: Date;

  @Property({ type: 'boolean' })
  @Field({
    description:
      'True when the task is invented for the default dataset; false when it paraphrases a task the article names. Schedules, assignments and progress are synthetic either way.',
  })
  synthetic: boolean;
}
