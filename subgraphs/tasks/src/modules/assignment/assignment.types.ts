import { createConnectionType } from '@kh02/subgraph-kit';
import { Field, ID, ObjectType } from 'type-graphql';
import { TaskLevel } from '../progress/progress.enums';

@ObjectType({
  description:
    'A province- or commune-level task assigned to one locality, with its progress at the moment asked about (`asOf`). Synthetic in the default dataset.',
})
export class Assignment {
  /** Assignment number (the same at every moment); the GraphQL `id` adds the moment, see the resolver. */
  id: number;

  @Field(() => TaskLevel, { description: 'PROVINCE or COMMUNE: the level of the locality.' })
  level: TaskLevel;

  @Field(() => ID, { description: 'Code of the locality: 2 digits for a province, 5 for a commune.' })
  localityCode: string;

  @Field({ description: 'The moment the progress values below hold at.' })
  asOf: Date;
}

@ObjectType('AssignmentConnection', { description: 'A page of assignments (Relay connection).' })
export class AssignmentConnection extends createConnectionType(Assignment, 'Assignment', 'assignments') {}
