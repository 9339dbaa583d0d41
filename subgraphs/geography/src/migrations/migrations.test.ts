import { migrate, schemaDrift } from '@kh02/subgraph-kit';
import { createTestDatabase } from '@kh02/subgraph-kit/testing';
import { createSubgraph } from '../app';

test('the migrations create exactly the schema the entities describe, and run once', async () => {
  const database = await createTestDatabase('geography');
  const subgraph = await createSubgraph({ databaseUrl: database.url });
  try {
    expect(await migrate(subgraph.orm)).toEqual(['Migration20250801000000Init']);
    expect(await schemaDrift(subgraph.orm)).toEqual([]);
    expect(await migrate(subgraph.orm)).toEqual([]);
  } finally {
    await subgraph.close();
    await database.drop();
  }
});
