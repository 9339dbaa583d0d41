import { migrate, runSubgraphMain, serveSubgraph } from '@kh02/subgraph-kit';
import { createSubgraph } from './app';
import { loadConfig } from './config';
import { seedTasks } from './seed';

void runSubgraphMain(loadConfig, async (config) => {
  const subgraph = await createSubgraph(config);
  await migrate(subgraph.orm);
  const seeded = config.seed ? await seedTasks(subgraph.orm.em.fork()) : false;
  const served = await serveSubgraph(subgraph, config);
  return { subgraph, served, seeded };
});
