import { AsOfArgs, whenUnavailable } from '@kh02/subgraph-kit';
import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { Assignment } from '../assignment/assignment.types';
import { ProgressStatus } from '../progress/progress.enums';
import type { AssessedAssignment } from '../progress/progress.service';
import { CommuneRef } from './commune.types';

@Resolver(() => CommuneRef)
export class CommuneResolver {
  @FieldResolver(() => ProgressStatus, {
    nullable: true,
    description: whenUnavailable('tasks', "The commune's own colour at `asOf`, from its commune-level assignments (see `ProgressStatus`)."),
  })
  async progressStatus(@Root() commune: CommuneRef, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<ProgressStatus> {
    return (await ctx.loaders.localityProgress.load({ code: commune.code, asOf: await ctx.asOf(asOf, { commune: commune.code }) })).colour as ProgressStatus;
  }

  @FieldResolver(() => Boolean, {
    nullable: true,
    description: whenUnavailable(
      'tasks',
      'Whether the commune counts as green in green coverage at `asOf`: GREEN and at least one report by then (a commune with no report is not green).',
    ),
  })
  async countsAsGreen(@Root() commune: CommuneRef, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<boolean> {
    return (await ctx.loaders.localityProgress.load({ code: commune.code, asOf: await ctx.asOf(asOf, { commune: commune.code }) })).countsAsGreen;
  }

  @FieldResolver(() => Date, {
    nullable: true,
    description: whenUnavailable('tasks', 'When the commune last reported progress on any assignment, at or before `asOf`; null if it never had.'),
  })
  async lastReportedAt(@Root() commune: CommuneRef, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<Date | null> {
    return (await ctx.loaders.localityProgress.load({ code: commune.code, asOf: await ctx.asOf(asOf, { commune: commune.code }) })).lastReportedAt;
  }

  @FieldResolver(() => [Assignment], {
    nullable: true,
    description: whenUnavailable(
      'tasks',
      "The commune's assignments, in assignment order, with their progress at `asOf`. Empty for a code the tasks subgraph does not know.",
    ),
  })
  async assignments(@Root() commune: CommuneRef, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<AssessedAssignment[]> {
    return ctx.loaders.assignmentsOfLocality.load({ code: commune.code, asOf: await ctx.asOf(asOf, { commune: commune.code }) });
  }
}
