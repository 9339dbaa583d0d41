import { momentId, type RecordLocality } from '@kh02/subgraph-kit';
import { Ctx, FieldResolver, Float, ID, Int, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { CommuneRef } from '../commune/commune.types';
import { ProgressState, TaskLevel } from '../progress/progress.enums';
import { ProgressReport } from '../progress/progress.entity';
import type { AssessedAssignment, ReportRow } from '../progress/progress.service';
import { ProvinceRef } from '../province/province.types';
import { Task } from '../task/task.entity';
import { round2 } from '../task/task.service';
import { Assignment } from './assignment.types';

@Resolver(() => Assignment)
export class AssignmentResolver {
  // The moment is part of the identity: the same assignment read at two moments is two objects
  // with different values, and a client cache must never merge them.
  @FieldResolver(() => ID, {
    description:
      'Globally unique identifier of this assignment AT `asOf`: "Assignment:<number>@<asOf in UTC>", e.g. "Assignment:2413@2025-07-31T09:00:00.000Z". The same assignment read at another moment has another id, so client caches keep both readings apart. Opaque; use `number` for the assignment itself.',
  })
  id(@Root() a: AssessedAssignment): string {
    return momentId('Assignment', a.id, a.asOf);
  }

  @FieldResolver(() => Int, { description: 'Assignment number: the same at every `asOf` (the assignment itself, not a reading of it).' })
  number(@Root() a: AssessedAssignment): number {
    return a.id;
  }

  @FieldResolver(() => Int, {
    description:
      "How many progress reports the assignment has, recorded so far — whatever `asOf` (the stream's version, not a reading at a moment). Send it as `expectedVersion` to reportProgress so that a report written against an older state is refused with CONFLICT.",
  })
  version(@Root() a: AssessedAssignment, @Ctx() ctx: TasksContext): Promise<number> {
    return ctx.loaders.assignmentVersions.load(a.id);
  }

  @FieldResolver(() => Task, { description: 'The task assigned.' })
  task(@Root() a: AssessedAssignment): Task {
    return a.task;
  }

  @FieldResolver(() => ProvinceRef, { description: 'The province of the locality (the locality itself for a province-level assignment).' })
  province(@Root() a: AssessedAssignment): ProvinceRef {
    return { code: a.provinceCode };
  }

  @FieldResolver(() => CommuneRef, { nullable: true, description: 'The commune, for a commune-level assignment; null for a province-level one.' })
  commune(@Root() a: AssessedAssignment): CommuneRef | null {
    return a.level === TaskLevel.COMMUNE ? { code: a.localityCode } : null;
  }

  @FieldResolver(() => ProgressState, { description: 'State last reported at or before `asOf`; NOT_STARTED without a report.' })
  state(@Root() a: AssessedAssignment): ProgressState {
    return a.latest?.state ?? ProgressState.NOT_STARTED;
  }

  @FieldResolver(() => Float, { description: 'Percent complete last reported at or before `asOf`, 0–100 (100 once completed, 0 without a report).' })
  percent(@Root() a: AssessedAssignment): number {
    return a.assessment.reportedPercent;
  }

  @FieldResolver(() => Float, { description: 'Percent the linear schedule expects at `asOf`, 0–100, two decimals.' })
  expectedPercent(@Root() a: AssessedAssignment): number {
    return round2(a.assessment.expectedPercent);
  }

  @FieldResolver(() => Float, {
    description:
      'Percentage points behind schedule at `asOf`: expected − reported, never below 0; two decimals. The colour rule compares the largest lag of a locality with its thresholds.',
  })
  lag(@Root() a: AssessedAssignment): number {
    return round2(a.assessment.lag);
  }

  @FieldResolver({
    description:
      'Not completed and `asOf` is after the deadline (at exactly the deadline it is not yet overdue). An overdue assignment makes its locality RED.',
  })
  overdue(@Root() a: AssessedAssignment): boolean {
    return a.assessment.overdue;
  }

  @FieldResolver(() => ProgressReport, { nullable: true, description: 'The report in force at `asOf`; null when nothing was reported by then.' })
  lastReport(@Root() a: AssessedAssignment): ReportRow | null {
    return a.latest && { ...a.latest, locality: localityOf(a) };
  }

  @FieldResolver(() => [ProgressReport], { description: 'Every report up to `asOf`, oldest first (the append-only history).' })
  async reports(@Root() a: AssessedAssignment, @Ctx() ctx: TasksContext): Promise<ReportRow[]> {
    const locality = localityOf(a);
    return (await ctx.loaders.assignmentReports.load({ id: a.id, asOf: a.asOf })).map((r) => ({ ...r, locality }));
  }
}

/** Where an assignment's reports belong, for the access check on `reportedBy`. */
function localityOf(a: AssessedAssignment): RecordLocality {
  return a.level === TaskLevel.COMMUNE ? { province: a.provinceCode, commune: a.localityCode } : { province: a.provinceCode, commune: null };
}
