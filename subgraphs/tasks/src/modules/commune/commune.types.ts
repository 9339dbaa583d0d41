import { Directive, Field, ID, ObjectType } from 'type-graphql';

@Directive('@key(fields: "code")')
@ObjectType('Commune', {
  description: 'A commune-level unit (owned by geography). The tasks subgraph adds its plan progress: its own colour and its assignments.',
})
export class CommuneRef {
  @Field(() => ID, { description: 'Official five-digit commune code, e.g. "00004" (Phường Ba Đình).' })
  code: string;
}
