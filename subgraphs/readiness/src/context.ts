import type { MikroORM } from '@mikro-orm/core';
import { createBaseContext, type BaseContext, type Caller } from '@kh02/subgraph-kit';
import { createAssessmentLoaders } from './modules/assessment/assessment.loaders';
import { createCriterionLoaders } from './modules/criterion/criterion.loaders';
import { createCutoffLoaders } from './modules/cutoff/cutoff.loaders';
import { createLocalityLoaders } from './modules/locality/locality.loaders';
import { createOnlineApplicationLoaders } from './modules/online-application/online-application.loaders';
import { createSyncedRecordLoaders } from './modules/synced-record/synced-record.loaders';

/** Every per-request loader of the readiness subgraph. */
export function createReadinessLoaders(em: BaseContext['em']) {
  const criteria = createCriterionLoaders(em);
  return {
    ...criteria,
    ...createCutoffLoaders(em),
    ...createLocalityLoaders(em),
    ...createAssessmentLoaders(em, criteria),
    ...createOnlineApplicationLoaders(em),
    ...createSyncedRecordLoaders(em),
  };
}

/** Everything one readiness request needs; made fresh per request. */
export interface ReadinessContext extends BaseContext {
  loaders: ReturnType<typeof createReadinessLoaders>;
}

/** Builds a request context: EM fork counting its SQL, fresh loaders, the caller. */
export function createReadinessContext(orm: MikroORM, caller?: Caller): ReadinessContext {
  const base = createBaseContext(orm, caller);
  return { ...base, loaders: createReadinessLoaders(base.em) };
}
