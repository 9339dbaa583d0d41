import { compose, staleFiles } from './compose';

test('the committed subgraph SDL files and the supergraph match the code (run npm run schema:compose)', async () => {
  const composition = await compose();
  expect(composition.errors).toEqual([]);
  expect(composition.files.size).toBeGreaterThanOrEqual(2);
  expect(staleFiles(composition)).toEqual([]);
});
