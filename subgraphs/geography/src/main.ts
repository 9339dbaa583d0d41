import { migrate, serveSubgraph } from '@kh02/subgraph-kit';
import { createSubgraph } from './app';
import { loadConfig } from './config';
import { seedGeography } from './seed';
import { runSubgraphMain } from '@kh02/subgraph-kit';

void runSubgraphMain(loadConfig, async (config) => {
  const subgraph = await createSubgraph(config);
  await migrate(subgraph.orm);
  const seeded = config.seed ? await seedGeography(subgraph.orm.em.fork()) : false;
  const served = await serveSubgraph(subgraph, config);
  return { subgraph, served, seeded };
});
