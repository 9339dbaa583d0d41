import type { SubgraphModule } from '@kh02/subgraph-kit';
import { createSubgraph } from './app';
import { NAME } from './config';
import type { GeographyContext } from './context';
import { migrations } from './migrations';
import { buildGeographySchema } from './schema';
import { seedGeography } from './seed';

/** This package's descriptor: what scripts, the bench, composition and tests use, found through the registry. */
export const subgraphModule: SubgraphModule<GeographyContext> = {
  name: NAME,
  createSubgraph,
  buildSchema: buildGeographySchema,
  seed: seedGeography,
  migrations,
};
