import type { MikroORM } from '@mikro-orm/core';
import { ANONYMOUS, createBaseContext, dayVisibility, type BaseContext, type Caller, type DayVisibility } from '@kh02/subgraph-kit';
import { createAssessmentLoaders, type AssessmentLoaders } from './modules/assessment/assessment.loaders';
import { createCriterionLoaders, type CriterionLoaders } from './modules/criterion/criterion.loaders';
import { createCutoffLoaders, type CutoffLoaders } from './modules/cutoff/cutoff.loaders';
import { createLocalityLoaders, type LocalityLoaders } from './modules/locality/locality.loaders';
import { createOnlineApplicationLoaders, type OnlineApplicationLoaders } from './modules/online-application/online-application.loaders';
import { createSyncedRecordLoaders, type SyncedRecordLoaders } from './modules/synced-record/synced-record.loaders';

/** Every per-request loader of the readiness subgraph; each module's loaders file exports its own type. */
export type ReadinessLoaders = CriterionLoaders & CutoffLoaders & LocalityLoaders & AssessmentLoaders & OnlineApplicationLoaders & SyncedRecordLoaders;

/** Makes every per-request loader of the readiness subgraph. */
export function createReadinessLoaders(em: BaseContext['em'], caller: Caller = ANONYMOUS): ReadinessLoaders {
  const criteria = createCriterionLoaders(em);
  const localities = createLocalityLoaders(em);
  const cutoffs = createCutoffLoaders({ em, caller, provinceOfCommune: (code) => localities.provinceOfCommune.load(code) });
  let visibility: Promise<DayVisibility | null> | undefined;
  const visible = () => (visibility ??= cutoffs.timeline().then((t) => dayVisibility(caller, t.latestCutoff)));
  return {
    ...criteria,
    ...cutoffs,
    ...localities,
    ...createAssessmentLoaders(em, criteria),
    ...createOnlineApplicationLoaders(em, visible),
    ...createSyncedRecordLoaders(em, visible),
  };
}

/** Everything one readiness request needs; made fresh per request. */
export interface ReadinessContext extends BaseContext {
  loaders: ReadinessLoaders;
}

/** Builds a request context: EM fork counting its SQL, fresh loaders, the caller. */
export function createReadinessContext(orm: MikroORM, caller?: Caller): ReadinessContext {
  const base = createBaseContext(orm, caller);
  const loaders = createReadinessLoaders(base.em, base.caller);
  return { ...base, loaders, provinceOfCommune: (code) => loaders.provinceOfCommune.load(code) };
}
