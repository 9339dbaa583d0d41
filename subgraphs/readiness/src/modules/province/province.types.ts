import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';

/** Geography's Province, extended here with readiness, online applications and synced records. */
@Directive('@key(fields: "code")')
@ObjectType('Province', {
  simpleResolvers: true,
  description:
    'A province or centrally-run city (owned by the geography subgraph); readiness, online-application and synced-record figures come from the readiness subgraph.',
})
export class ProvinceRef {
  @Field(() => ID, { description: 'Official two-digit administrative code, e.g. "01" Hà Nội.' })
  code: string;

  @Directive('@external')
  @Field(() => Int, { description: 'Number of commune-level units, owned by geography; the denominator of readiness coverage.' })
  communeCount?: number;
}

/** A Province reference for `code` (geography resolves the rest). */
export function provinceRef(code: string): ProvinceRef {
  const p = new ProvinceRef();
  p.code = code;
  return p;
}
