import { SUBGRAPHS } from '@kh02/common';
import path from 'node:path';
import { compose, SCHEMA_DIR, staleFiles, unacknowledgedBreakingChanges } from './compose';

test('the committed subgraph SDL files, supergraph.yaml, the supergraph and the client API match the code and the registry (run npm run schema:compose)', async () => {
  const composition = await compose();
  expect(composition.errors).toEqual([]);
  expect([...composition.files.keys()].map((f) => path.relative(SCHEMA_DIR, f))).toEqual([
    ...SUBGRAPHS.map((s) => `${s.name}.graphql`),
    'supergraph.yaml',
    'supergraph.graphql',
    'api.graphql',
  ]);
  expect(staleFiles(composition)).toEqual([]);
});

test('no breaking change against the released client API is left unacknowledged in schema/CHANGELOG.md', async () => {
  expect(await unacknowledgedBreakingChanges(await compose())).toEqual([]);
});
