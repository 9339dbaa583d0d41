import { globalId, ImportResult } from '@kh02/subgraph-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { Assessment } from '../assessment/assessment.entity';
import { AssessmentRecord, OnlineApplicationRowInput, RecordAssessmentInput, RecordAssessmentPayload, SyncedRecordRowInput } from './recording.inputs';
import { importAssessments, importOnlineApplications, importSyncedRecords, recordAssessment } from './recording.service';

const EXACTLY_ONCE =
  'Send an `Idempotency-Key` header to make a retry safe: the same key and input return the first answer without writing again; the same key with another input is IDEMPOTENCY_KEY_REUSED. Every write and refusal is in `auditLog`.';
const IMPORT_RULES =
  'All rows or none: when any row is bad nothing is written and `rowErrors` lists every bad row (row index, field, message). A day already stored, or at or before the latest published cut-off, is replaced only as a correction: give `reason`; admins and officials of the locality only. Partners need the scope named; anyone else is FORBIDDEN (UNAUTHENTICATED without a token). At most 1000 rows per request.';
const REASON = 'Why stored or published days are replaced: mandatory when any row is a correction, ignored otherwise.';

@Resolver()
export class RecordingResolver {
  @Mutation(() => RecordAssessmentPayload, {
    description: `Appends an assessment of one criterion of one commune (append-only). Officials write for their own commune (a province official for the communes of the province), admins anywhere; anyone else gets FORBIDDEN (UNAUTHENTICATED without a token) and nothing is written. A stale \`expectedVersion\` is CONFLICT with \`extensions.currentVersion\`; bad input is BAD_USER_INPUT with \`extensions.field\`. ${EXACTLY_ONCE}`,
  })
  async recordAssessment(
    @Arg('input', () => RecordAssessmentInput, { description: 'The finding.' }) input: RecordAssessmentInput,
    @Ctx() ctx: ReadinessContext,
  ): Promise<RecordAssessmentPayload> {
    const receipt = await recordAssessment(ctx, input);
    const row = await ctx.em.findOneOrFail(Assessment, { id: receipt.assessmentId });
    const criterion = (await ctx.loaders.criteriaCatalogue()).find((c) => c.code === row.criterionCode)!;
    const assessment = Object.assign(new AssessmentRecord(), {
      id: globalId('Assessment', row.id),
      communeCode: row.communeCode,
      criterion,
      met: row.met,
      note: row.note,
      assessedAt: row.assessedAt,
      assessedBy: row.assessedBy,
      version: row.version ?? receipt.version,
      recordedAt: row.recordedAt ?? row.assessedAt,
      correctionReason: row.correctionReason,
      locality: { commune: row.communeCode, province: row.provinceCode },
    });
    return { assessment };
  }

  @Mutation(() => ImportResult, {
    description: `Imports a partner system's daily online-application figures per province (scope write:applications). ${IMPORT_RULES} ${EXACTLY_ONCE}`,
  })
  importOnlineApplications(
    @Arg('rows', () => [OnlineApplicationRowInput], { description: 'The days, one row per province and day.' }) rows: OnlineApplicationRowInput[],
    @Arg('reason', () => String, { nullable: true, description: REASON }) reason: string | null,
    @Ctx() ctx: ReadinessContext,
  ): Promise<ImportResult> {
    return importOnlineApplications(ctx, rows, reason) as Promise<ImportResult>;
  }

  @Mutation(() => ImportResult, {
    description: `Imports a partner system's daily counts of records each commune synchronised on the National Public Service Portal (scope write:synced-records). ${IMPORT_RULES} ${EXACTLY_ONCE}`,
  })
  importSyncedRecords(
    @Arg('rows', () => [SyncedRecordRowInput], { description: 'The days, one row per commune and day.' }) rows: SyncedRecordRowInput[],
    @Arg('reason', () => String, { nullable: true, description: REASON }) reason: string | null,
    @Ctx() ctx: ReadinessContext,
  ): Promise<ImportResult> {
    return importSyncedRecords(ctx, rows, reason) as Promise<ImportResult>;
  }

  @Mutation(() => ImportResult, {
    description: `Appends many assessments at once, all or none (what \`npm run import -- --kind assessments\` sends): each row follows recordAssessment's rules (rights, versions, corrections); when any row is refused nothing is written and \`rowErrors\` lists every refused row with the field at fault ("row" for a refusal of the row as a whole: FORBIDDEN, CONFLICT). At most 1000 rows per request. ${EXACTLY_ONCE}`,
  })
  importAssessments(
    @Arg('rows', () => [RecordAssessmentInput], { description: 'The findings, appended in row order.' }) rows: RecordAssessmentInput[],
    @Ctx() ctx: ReadinessContext,
  ): Promise<ImportResult> {
    return importAssessments(ctx, rows) as Promise<ImportResult>;
  }
}
