import { checkMigrations } from '@kh02/subgraph-kit/testing';
import { subgraphModule } from '../module';
import { migrations } from '.';

test('the migrations create exactly the schema the entities describe, and run once', async () => {
  expect(await checkMigrations(subgraphModule)).toEqual({ applied: migrations.map((m) => m.name), drift: [], reapplied: [] });
});
