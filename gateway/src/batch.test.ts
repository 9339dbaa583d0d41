import { parse } from 'graphql';
import { createMerger, mergeQueries, mergeVariables, splitBody } from './batch';

const provinces =
  'query Q__tasks__1($representations:[_Any!]!){_entities(representations:$representations){...on Province{greenCoverage{...a} progressStatus}}} fragment a on Coverage{numerator denominator}';
const communes =
  'query Q__tasks__2($representations:[_Any!]!,$asOf:AsOf){_entities(representations:$representations){...on Commune{progressStatus(asOf:$asOf) x:countsAsGreen}}} fragment a on Coverage{rate}';

test('two entity fetches merge into one query, each under its own prefix, fragments and variables kept apart', () => {
  const merged = mergeQueries([provinces, communes])!;
  expect(merged.operationName).toBe('Q__tasks__1__batch2');
  const doc = parse(merged.query);
  expect(doc.definitions).toHaveLength(3);
  expect(merged.query).toContain('_b0__entities:_entities(representations:$_b0_representations)');
  expect(merged.query).toContain('_b1__entities:_entities(representations:$_b1_representations)');
  expect(merged.query).toContain('progressStatus(asOf:$_b1_asOf)');
  expect(merged.query).toContain('fragment _b0_a on Coverage{numerator denominator}');
  expect(merged.query).toContain('fragment _b1_a on Coverage{rate}');
  expect(mergeVariables([{ representations: [1] }, { representations: [2], asOf: 'LATEST' }])).toEqual({
    _b0_representations: [1],
    _b1_representations: [2],
    _b1_asOf: 'LATEST',
  });
});

test('mutations are never merged', () => {
  expect(mergeQueries([provinces, 'mutation M { a }'])).toBeUndefined();
  const merge = createMerger();
  expect(merge([provinces, 'mutation M { a }'])).toBeUndefined();
  expect(merge([provinces, communes])).toBe(merge([provinces, communes]));
});

test("a merged answer splits back into each fetch's data and errors, paths restored", () => {
  const parts = splitBody(
    {
      data: { _b0__entities: [{ a: 1 }], _b1__entities: [null] },
      errors: [{ message: 'x', path: ['_b1__entities', 0, 'progressStatus'] }, { message: 'no path' }],
    },
    2,
  );
  expect(parts[0]).toEqual({ data: { _entities: [{ a: 1 }] }, errors: [{ message: 'no path' }] });
  expect(parts[1]).toEqual({ data: { _entities: [null] }, errors: [{ message: 'x', path: ['_entities', 0, 'progressStatus'] }] });
  expect(splitBody({ data: null, errors: [{ message: 'y', path: ['_b1__entities'] }] }, 2)).toEqual([
    { data: null },
    { data: null, errors: [{ message: 'y', path: ['_entities'] }] },
  ]);
});
