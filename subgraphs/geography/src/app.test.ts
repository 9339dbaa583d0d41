import { startTestGeography, type TestGeography } from './testing';

let geo: TestGeography;
beforeAll(async () => {
  geo = await startTestGeography();
});
afterAll(() => geo?.close());

test('smoke', async () => {
  const r = await geo.run(`{ country { provinceCount communeCount } province(code: "04") { name communeCount communes(first: 3) { totalCount edges { node { code name kind province { name } } } } } }`);
  console.log(JSON.stringify(r, null, 1));
  expect(r.errors).toBeUndefined();
});
