import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { DateScalar } from '@kh02/subgraph-kit';
import { Field, ID, ObjectType } from 'type-graphql';

@Entity({ tableName: 'plan' })
@ObjectType({
  description:
    'A monitored plan: Plan No. 02-KH/BCĐTW of the Central Steering Committee on Science, Technology, Innovation and Digital Transformation, with its task groups and tasks.',
})
export class Plan {
  @PrimaryKey({ type: 'string', length: 40 })
  @Field(() => ID, { description: 'Plan number as printed, e.g. "02-KH/BCĐTW".' })
  code: string;

  @Property({ type: 'text' })
  @Field({ description: 'Title in English (a translation).' })
  title: string;

  @Property({ type: 'text' })
  @Field({ description: 'Title in Vietnamese.' })
  titleVi: string;

  @Property({ type: 'text' })
  @Field({ description: 'What the plan is for, and which parts of the data are synthetic.' })
  description: string;

  @Property({ type: 'string', length: 10 })
  @Field(() => DateScalar, { description: 'Date the plan was signed (2025-06-19 for 02-KH/BCĐTW).' })
  issuedOn: string;

  @Property({ type: 'datetime' })
  @Field({
    description:
      'Start of the monitoring history: the earliest `asOf` any figure can be read at. In the default dataset 2025-06-01 00:00 Vietnam time, before the plan was signed, because the tasks it gathered were already being carried out for the 1 July reorganisation (synthetic).',
  })
  monitoringStart: Date;
}
