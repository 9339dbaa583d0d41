import { globalId } from '@kh02/subgraph-kit';
import { FieldResolver, ID, Resolver, Root } from 'type-graphql';
import { ProgressReport } from './progress.entity';
import type { ReportRow } from './progress.service';

@Resolver(() => ProgressReport)
export class ProgressReportResolver {
  @FieldResolver(() => ID)
  id(@Root() report: ReportRow): string {
    return globalId('ProgressReport', report.id);
  }
}
