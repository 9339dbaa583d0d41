import type { MikroORM } from '@mikro-orm/core';
import { createBaseContext, type BaseContext, type Caller } from '@kh02/subgraph-kit';
import { createCommuneLoaders } from './modules/commune/commune.loaders';
import { createProvinceLoaders } from './modules/province/province.loaders';

/** Everything one geography request needs; made fresh per request. */
export interface GeographyContext extends BaseContext {
  loaders: ReturnType<typeof createProvinceLoaders> & ReturnType<typeof createCommuneLoaders>;
}

/** Builds a request context: EM fork counting its SQL, fresh loaders, the caller. */
export function createGeographyContext(orm: MikroORM, caller?: Caller): GeographyContext {
  const base = createBaseContext(orm, caller);
  return { ...base, loaders: { ...createProvinceLoaders(base.em), ...createCommuneLoaders(base.em) } };
}
