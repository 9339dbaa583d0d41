import {
  AUDIT_LOG_DESCRIPTION,
  AUDIT_LOG_KEY_DESCRIPTION,
  AuditEntryConnection,
  AuditLogArgs,
  auditListDescription,
  auditLogKey,
  auditLogPage,
} from '@kh02/subgraph-kit';
import { Args, Ctx, Directive, Field, FieldResolver, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
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
  auditLog(@Args() args: AuditLogArgs, @Ctx() ctx: TasksContext): AuditLog {
    return auditLogKey(ctx.caller, args);
  }

  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: auditListDescription('tasks', 'progress reports, published cut-offs') })
  tasks(@Root() log: AuditLog, @Ctx() ctx: TasksContext): Promise<AuditEntryConnection> {
    return auditLogPage(ctx.em, ctx.caller, NAME, log.query);
  }
}

/** `AuditLog` entities: the key is all there is. */
export const auditLogReference = { AuditLog: { __resolveReference: (ref: { query: string }) => ({ query: ref.query }) } };
