import { AsOfArgs, coverage, Coverage, PageArgs, pageOf, pageRequest, SortDirection, type Page, whenUnavailable } from '@kh02/subgraph-kit';
import { Args, Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { Assignment } from '../assignment/assignment.types';
import { ProgressStatus } from '../progress/progress.enums';
import type { AssessedAssignment } from '../progress/progress.service';
import type { Task } from '../task/task.entity';
import { TaskOrderField } from '../task/task.inputs';
import { sortTasks } from '../task/task.service';
import { TaskConnection } from '../task/task.types';
import { ProvinceRef } from './province.types';

/**
 * A green-coverage figure over geography's denominator. More green communes than geography
 * counts means the two subgraphs' data disagree: reported (the kit's one coverage error,
 * naming `communeCount`), not hidden.
 */
export function greenCoverageOver(green: number, denominator: number, where: string): Coverage {
  return coverage(green, denominator, { argument: 'communeCount', where });
}

@Resolver(() => ProvinceRef)
export class ProvinceResolver {
  @FieldResolver(() => ProgressStatus, {
    nullable: true,
    description: whenUnavailable(
      'tasks',
      "The province's own colour at `asOf`, from its province-level assignments only (see `ProgressStatus`); its communes do not change it.",
    ),
  })
  async progressStatus(@Root() province: ProvinceRef, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<ProgressStatus> {
    const summary = await ctx.loaders.provinceSummary.load({ code: province.code, asOf: await ctx.asOf(asOf, { province: province.code }) });
    return summary.colour as ProgressStatus;
  }

  @Directive('@requires(fields: "communeCount")')
  @FieldResolver(() => Coverage, {
    nullable: true,
    description: whenUnavailable(
      'tasks',
      "Green coverage at `asOf`: communes that are GREEN and have reported at least once, out of ALL the province's communes as geography counts them (`communeCount`), so a commune with no report counts against it.",
    ),
  })
  async greenCoverage(@Root() province: ProvinceRef, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<Coverage> {
    const summary = await ctx.loaders.provinceSummary.load({ code: province.code, asOf: await ctx.asOf(asOf, { province: province.code }) });
    // Through the gateway communeCount always arrives (@requires); called directly without it, the register's count stands in.
    const denominator = province.communeCount ?? (await ctx.localities()).communesByProvince.get(province.code) ?? 0;
    return greenCoverageOver(summary.greenCommunes, denominator, `Province ${province.code}`);
  }

  @FieldResolver(() => TaskConnection, {
    nullable: true,
    description: whenUnavailable(
      'tasks',
      "Tasks with at least one assignment in this province (its own or one of its communes') overdue at `asOf`, ordered by deadline then plan order. Central tasks are not assigned to provinces and never appear here.",
    ),
  })
  async overdueTasks(
    @Root() province: ProvinceRef,
    @Ctx() ctx: TasksContext,
    @Args() { asOf }: AsOfArgs,
    @Args() { first, after }: PageArgs,
  ): Promise<Page<Task>> {
    const page = pageRequest(first, after);
    const summary = await ctx.loaders.provinceSummary.load({ code: province.code, asOf: await ctx.asOf(asOf, { province: province.code }) });
    const { taskByCode } = await ctx.catalog();
    const tasks = summary.overdueTaskCodes.map((c) => taskByCode.get(c)!);
    return pageOf(sortTasks(tasks, { field: TaskOrderField.DEADLINE, direction: SortDirection.ASC }), page);
  }

  @FieldResolver(() => [Assignment], {
    nullable: true,
    description: whenUnavailable('tasks', "The province's own (province-level) assignments, in assignment order, with their progress at `asOf`."),
  })
  async assignments(@Root() province: ProvinceRef, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<AssessedAssignment[]> {
    return ctx.loaders.assignmentsOfLocality.load({ code: province.code, asOf: await ctx.asOf(asOf, { province: province.code }) });
  }
}
