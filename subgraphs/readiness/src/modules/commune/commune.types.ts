import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** Geography's Commune, extended here with readiness and synced records. */
@Directive('@key(fields: "code")')
@ObjectType('Commune', {
  simpleResolvers: true,
  description: 'A commune-level unit (owned by the geography subgraph); readiness and synced-record figures come from the readiness subgraph.',
})
export class CommuneRef {
  @Field(() => ID, { description: 'Official five-digit commune code, e.g. "00004" (Phường Ba Đình).' })
  code: string;
}

/** A Commune reference for `code` (geography resolves the rest). */
export function communeRef(code: string): CommuneRef {
  const c = new CommuneRef();
  c.code = code;
  return c;
}
