import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType('Commune', {
  description: 'A commune-level unit (owned by geography). The tasks subgraph adds its plan progress: its own colour and its assignments.',
})
export class CommuneRef {
  @Field(() => ID, { description: 'Five-digit commune code, e.g. "04001" (synthetic in the default dataset).' })
  code: string;
}
