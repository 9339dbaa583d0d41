import { buildFederatedSchema } from '@kh02/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { AssignmentResolver } from './modules/assignment/assignment.resolver';
import { communeReference } from './modules/commune/commune.reference';
import { CommuneResolver } from './modules/commune/commune.resolver';
import { countryReference } from './modules/country/country.reference';
import { CountryResolver } from './modules/country/country.resolver';
import { CountryRef } from './modules/country/country.types';
import { GroupResolver } from './modules/group/group.resolver';
import { PlanResolver } from './modules/plan/plan.resolver';
import { provinceReference } from './modules/province/province.reference';
import { ProvinceResolver } from './modules/province/province.resolver';
import { TaskResolver } from './modules/task/task.resolver';
import { ProgressReportResolver } from './modules/progress/progress.resolver';
import { TimelineResolver } from './modules/timeline/timeline.resolver';
import { PublicationResolver } from './modules/timeline/publication.resolver';
import { ReportResolver } from './modules/report/report.resolver';
import { AuditLogResolver, auditLogReference } from './modules/audit/audit.resolver';

/** The tasks subgraph's schema, built from its resolver classes (listed by hand). */
export function buildTasksSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        PlanResolver,
        GroupResolver,
        TaskResolver,
        AssignmentResolver,
        ProvinceResolver,
        CommuneResolver,
        CountryResolver,
        TimelineResolver,
        ProgressReportResolver,
        ReportResolver,
        PublicationResolver,
        AuditLogResolver,
      ],
      // No field of this subgraph returns Country: it is reached only through _entities.
      orphanedTypes: [CountryRef],
    },
    { ...countryReference, ...provinceReference, ...communeReference, ...auditLogReference },
  );
}
