import {
  AUDIT_LOG_DESCRIPTION,
  AUDIT_LOG_KEY_DESCRIPTION,
  AuditEntryConnection,
  AuditLogArgs,
  auditListDescription,
  auditLogKey,
  auditLogPage,
  CUTOFF_PUBLICATION_DESCRIPTION,
  CutoffPublished,
  cutoffPublished,
  DateTimeScalar,
  publishCutoffIn,
} from '@kh02/subgraph-kit';
import { Args, Ctx, Directive, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { NAME } from '../../config';

@Directive('@key(fields: "query")')
@ObjectType('AuditLog', {
  description:
    'The audit log, asked with some arguments. Each data service that writes keeps its own log and adds its own list here (the type is shared through Federation, keyed by the arguments).',
})
export class AuditLog {
  @Field({ description: AUDIT_LOG_KEY_DESCRIPTION })
  query: string;
}

@Resolver(() => AuditLog)
export class AuditLogResolver {
  @Directive('@shareable')
  @Query(() => AuditLog, { description: AUDIT_LOG_DESCRIPTION })
  auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: ReadinessContext): AuditLog {
    return auditLogKey(ctx.caller, args);
  }

  @FieldResolver(() => AuditEntryConnection, {
    nullable: true,
    description: auditListDescription('readiness', 'assessments, online-application and synced-record imports, published cut-offs'),
  })
  readiness(@Root() log: AuditLog, @Ctx() ctx: ReadinessContext): Promise<AuditEntryConnection> {
    return auditLogPage(ctx.em, ctx.caller, NAME, log.query);
  }
}

@Directive('@key(fields: "at")')
@ObjectType('CutoffPublication', { description: CUTOFF_PUBLICATION_DESCRIPTION })
export class CutoffPublication {
  @Field(() => DateTimeScalar, { description: 'The cut-off being published.' })
  at: Date;
}

@Resolver(() => CutoffPublication)
export class CutoffPublicationResolver {
  /**
   * Readiness' half of `publishCutoff` (owned by tasks): the planner asks for this field with the
   * cut-off as the entity key, in the same client operation. Publishing is idempotent per `at`, admin
   * only, audited and under the request's Idempotency-Key, so a repeat is harmless.
   */
  @FieldResolver(() => CutoffPublished, { nullable: true, description: 'The cut-off as the readiness data service published it (readiness figures).' })
  async readiness(@Root() publication: CutoffPublication, @Ctx() ctx: ReadinessContext): Promise<CutoffPublished> {
    return cutoffPublished(NAME, await publishCutoffIn(ctx, new Date(publication.at)));
  }
}

/** `AuditLog` and `CutoffPublication` entities: the key is all there is. */
export const writeReferences = {
  AuditLog: { __resolveReference: (ref: { query: string }) => ({ query: ref.query }) },
  CutoffPublication: { __resolveReference: (ref: { at: string | Date }) => ({ at: new Date(ref.at) }) },
};
