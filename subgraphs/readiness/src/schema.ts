import { buildFederatedSchema } from '@kh02/subgraph-kit';
import type { GraphQLSchema } from 'graphql';
import { AssessmentResolver } from './modules/assessment/assessment.resolver';
import { communeReference } from './modules/commune/commune.reference';
import { CommuneResolver } from './modules/commune/commune.resolver';
import { CommuneRef } from './modules/commune/commune.types';
import { countryReference } from './modules/country/country.reference';
import { CountryResolver } from './modules/country/country.resolver';
import { CountryRef } from './modules/country/country.types';
import { Criterion } from './modules/criterion/criterion.entity';
import { criterionReference } from './modules/criterion/criterion.reference';
import { CriterionResolver } from './modules/criterion/criterion.resolver';
import { CutoffResolver } from './modules/cutoff/cutoff.resolver';
import { OnlineApplicationResolver } from './modules/online-application/online-application.resolver';
import { provinceReference } from './modules/province/province.reference';
import { ProvinceResolver } from './modules/province/province.resolver';
import { ProvinceRef } from './modules/province/province.types';
import { SyncedRecordStatsResolver } from './modules/synced-record/synced-record.resolver';
import { RecordingResolver } from './modules/recording/recording.resolver';
import { CriterionAssessmentVersionResolver } from './modules/recording/version.resolver';
import { AuditLogResolver, CutoffPublication, CutoffPublicationResolver, writeReferences } from './modules/audit/audit.resolver';

/** The readiness subgraph's schema, built from its resolver classes (listed by hand). */
export function buildReadinessSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      // Country is reached only through `_entities`, so it is listed here to be part of the schema.
      orphanedTypes: [CountryRef, ProvinceRef, CommuneRef, Criterion, CutoffPublication],
      resolvers: [
        CriterionResolver,
        CutoffResolver,
        AssessmentResolver,
        OnlineApplicationResolver,
        SyncedRecordStatsResolver,
        CountryResolver,
        ProvinceResolver,
        CommuneResolver,
        RecordingResolver,
        CriterionAssessmentVersionResolver,
        AuditLogResolver,
        CutoffPublicationResolver,
      ],
    },
    { ...countryReference, ...provinceReference, ...communeReference, ...criterionReference, ...writeReferences },
  );
}
