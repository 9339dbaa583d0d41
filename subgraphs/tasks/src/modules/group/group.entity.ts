import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@Entity({ tableName: 'task_group' })
@ObjectType('TaskGroup', {
  description:
    'A group of tasks of the plan, e.g. "Completing institutions and the legal architecture". The three groups the article names are real; the others are synthetic, after the plan\'s structure.',
})
export class TaskGroup {
  @PrimaryKey({ type: 'string', length: 40 })
  @Field(() => ID, { description: 'Stable code, e.g. "INSTITUTIONS", "INFRASTRUCTURE", "RESOURCES".' })
  code: string;

  /** Code of the plan the group belongs to. */
  @Property({ type: 'string', length: 40, index: true })
  planCode: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: 'Order of the group in the plan, from 1.' })
  position: number;

  @Property({ type: 'text' })
  @Field({ description: 'Name in English.' })
  name: string;

  @Property({ type: 'text' })
  @Field({ description: 'Name in Vietnamese.' })
  nameVi: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the group covers, and whether its name comes from the article or is synthetic.' })
  description: string;
}
