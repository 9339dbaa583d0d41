import type { MikroORM } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import { createBaseContext, createCutoffReader, type BaseContext, type Caller, type RecordLocality, type Timeline } from '@kh02/subgraph-kit';
import { Locality } from './modules/locality/locality.entity';
import { readLocalityIndex, type LocalityIndex } from './modules/locality/locality.loaders';
import { createProgressLoaders, type ProgressLoaders } from './modules/progress/progress.loaders';
import type { ProgressThresholds } from './modules/progress/progress.rule';
import { memo, readCatalog, type Catalog } from './modules/task/task.loaders';

/** Everything one tasks request needs; made fresh per request. */
export interface TasksContext extends BaseContext {
  /** The colour rule's thresholds (from config). */
  thresholds: ProgressThresholds;
  /** Plans, groups and tasks, read once per request. */
  catalog(): Promise<Catalog>;
  /** Per-province commune counts of the tasks subgraph's register, read once per request. */
  localities(): Promise<LocalityIndex>;
  /** Reporting cut-offs and the earliest valid moment (the kit's as-of rule), read once per request. */
  timeline(): Promise<Timeline>;
  /**
   * The moment a field is read at: `asOf`, or the latest cut-off; `BAD_USER_INPUT` before monitoring
   * began; held back to the latest published cut-off for a caller who may not see `where`'s unpublished data.
   */
  asOf(asOf: Date | null | undefined, where?: RecordLocality): Promise<Date>;
  loaders: ProgressLoaders;
}

/** Builds a request context: EM fork counting its SQL, fresh memos and loaders, the caller. */
export function createTasksContext(orm: MikroORM, thresholds: ProgressThresholds, caller?: Caller): TasksContext {
  const base = createBaseContext(orm, caller);
  const catalog = memo(() => readCatalog(base.em));
  const localities = memo(() => readLocalityIndex(base.em));
  const provinceOfCommune = new DataLoader<string, string | null>(async (codes) => {
    const rows = await base.em.find(Locality, { code: { $in: [...codes] } }, { fields: ['code', 'provinceCode'] });
    const byCode = new Map(rows.map((r) => [r.code, r.provinceCode]));
    return codes.map((c) => byCode.get(c) ?? null);
  });
  const withProvinces = { ...base, provinceOfCommune: (code: string) => provinceOfCommune.load(code) };
  const { timeline, asOf } = createCutoffReader(withProvinces);
  return {
    ...withProvinces,
    thresholds,
    catalog,
    localities,
    timeline,
    asOf,
    loaders: createProgressLoaders({ em: base.em, catalog, localities, thresholds }),
  };
}
