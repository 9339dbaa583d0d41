import { prepareDatabase, runSubgraphMain, serveSubgraph } from '@kh02/subgraph-kit';
import { createSubgraph } from './app';
import { loadConfig } from './config';
import { seedReadiness } from './seed';

void runSubgraphMain(loadConfig, async (config) => {
  const subgraph = await createSubgraph(config);
  try {
    // Development: migrate and seed; production: only check that `npm run migrate` has been run.
    const seeded = await prepareDatabase(subgraph, config, (em) => seedReadiness(em));
    const served = await serveSubgraph(subgraph, config);
    return { subgraph, served, seeded };
  } catch (error) {
    await subgraph.close();
    throw error;
  }
});
