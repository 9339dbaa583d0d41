import type { SubgraphModule } from '@kh02/subgraph-kit';
import { createSubgraph } from './app';
import { NAME } from './config';
import type { ReadinessContext } from './context';
import { migrations } from './migrations';
import { buildReadinessSchema } from './schema';
import { seedReadiness } from './seed';

/** This package's descriptor: what scripts, the bench, composition and tests use, found through the registry. */
export const subgraphModule: SubgraphModule<ReadinessContext> = {
  name: NAME,
  createSubgraph,
  buildSchema: buildReadinessSchema,
  seed: seedReadiness,
  migrations,
};
