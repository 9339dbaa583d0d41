import { checkMigrations } from '@kh02/subgraph-kit/testing';
import { subgraphModule } from '../module';
import { migrations } from '.';

test('the migrations create exactly the schema the entities describe, and run once', async () => {
  const { applied, drift, reapplied } = await checkMigrations(subgraphModule);
  expect({ applied, drift, reapplied }).toEqual({
    applied: migrations.map((m) => m.name),
    drift: [],
    reapplied: [],
  });
});
