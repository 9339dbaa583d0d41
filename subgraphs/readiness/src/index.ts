export { createSubgraph, entities, type ReadinessOptions } from './app';
export { loadConfig, NAME, DEFAULT_PORT } from './config';
export { createReadinessContext, createReadinessLoaders, type ReadinessContext, type ReadinessLoaders } from './context';
export { buildReadinessSchema } from './schema';
export { seedReadiness, type SeedOptions } from './seed';
export { migrations } from './migrations';
export { subgraphModule } from './module';
export {
  areaCoverage,
  buildAreaReadiness,
  buildCommuneReadiness,
  failingCommunes,
  sumCounts,
  type AreaCounts,
  type FailingCommune,
  type LatestFinding,
} from './modules/assessment/assessment.service';
export { filterCriteria, requireCriterion } from './modules/criterion/criterion.service';
export { onlineStats, sumTotals, type OnlineTotals } from './modules/online-application/online-application.service';
export { syncedStats } from './modules/synced-record/synced-record.service';
export { dayRange, groupSeries, periodStart, MAX_RANGE_DAYS, SyncedRecordGrouping, type DayRange, type Period } from './modules/shared/dates';
