import { ImportResult } from '@kh02/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { TasksContext } from '../../context';
import type { AssessedAssignment, ReportRow } from '../progress/progress.service';
import { readAssignments, assessRows } from '../progress/progress.service';
import { ProgressReport } from '../progress/progress.entity';
import { ReportProgressInput, ReportProgressPayload } from './report.inputs';
import { importProgressReports, localityOfAssignment, reportProgress } from './report.service';

@Resolver()
export class ReportResolver {
  @Mutation(() => ReportProgressPayload, {
    description:
      'Appends a progress report to an assignment (append-only: nothing is updated in place). Officials write for their own locality (a province official for the province and its communes), admins anywhere; anyone else gets FORBIDDEN (UNAUTHENTICATED without a token) and nothing is written. A stale `expectedVersion` is CONFLICT with `extensions.currentVersion`; bad input is BAD_USER_INPUT with `extensions.field`. Send an `Idempotency-Key` header to make a retry safe: the same key and input return the first answer without writing again; the same key with another input is IDEMPOTENCY_KEY_REUSED. Every write and refusal is in `auditLog`.',
  })
  async reportProgress(
    @Arg('input', () => ReportProgressInput, { description: 'The report.' }) input: ReportProgressInput,
    @Ctx() ctx: TasksContext,
  ): Promise<ReportProgressPayload> {
    const receipt = await reportProgress(ctx, input);
    const now = new Date();
    const [{ taskByCode }, rows, report] = await Promise.all([
      ctx.catalog(),
      readAssignments(ctx.em, now, { column: 'id', values: [String(receipt.assignmentId)] }),
      ctx.em.findOneOrFail(ProgressReport, { id: receipt.reportId }),
    ]);
    const [assignment] = assessRows(rows, taskByCode, now) as AssessedAssignment[];
    const row: ReportRow = { ...report, locality: localityOfAssignment(assignment) };
    return { assignment: assignment as never, report: row as never };
  }

  @Mutation(() => ImportResult, {
    description:
      'Appends many progress reports at once, all or none (what `npm run import -- --kind progress` sends): each row follows reportProgress\'s rules (rights, versions, corrections); when any row is refused nothing is written and `rowErrors` lists every refused row with the field at fault ("row" for a refusal of the row as a whole: FORBIDDEN, CONFLICT). At most 1000 rows per request. Send an `Idempotency-Key` header to make a retry safe.',
  })
  importProgressReports(
    @Arg('rows', () => [ReportProgressInput], { description: 'The reports, appended in row order.' }) rows: ReportProgressInput[],
    @Ctx() ctx: TasksContext,
  ): Promise<ImportResult> {
    return importProgressReports(ctx, rows) as Promise<ImportResult>;
  }
}
