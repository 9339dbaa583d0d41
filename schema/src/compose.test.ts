import { SUBGRAPHS } from '@kh02/common';
import path from 'node:path';
import { compose, SCHEMA_DIR, staleFiles } from './compose';

test('the committed subgraph SDL files, supergraph.yaml and the supergraph match the code and the registry (run npm run schema:compose)', async () => {
  const composition = await compose();
  expect(composition.errors).toEqual([]);
  expect([...composition.files.keys()].map((f) => path.relative(SCHEMA_DIR, f))).toEqual([
    ...SUBGRAPHS.map((s) => `${s.name}.graphql`),
    'supergraph.yaml',
    'supergraph.graphql',
  ]);
  expect(staleFiles(composition)).toEqual([]);
});
