import { assembleSubgraph, type Subgraph, type SubgraphOptions } from '@kh02/subgraph-kit';
import { NAME } from './config';
import { createGeographyContext, type GeographyContext } from './context';
import { migrations } from './migrations';
import { Commune } from './modules/commune/commune.entity';
import { Province } from './modules/province/province.entity';
import { buildGeographySchema } from './schema';

/** Entities, listed by hand. */
export const entities = [Province, Commune];

/** How to build the subgraph; defaults run on a laptop. */
export type GeographyOptions = SubgraphOptions;

/** Builds the geography subgraph. It never listens, migrates or seeds: `main.ts` does. */
export function createSubgraph(options: GeographyOptions = {}): Promise<Subgraph<GeographyContext>> {
  return assembleSubgraph({ name: NAME, entities, migrations, buildSchema: buildGeographySchema, createContext: createGeographyContext }, options);
}
