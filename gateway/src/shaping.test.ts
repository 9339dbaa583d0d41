import { buildSchema, operationFromDocument } from '@apollo/federation-internals';
import { Kind, parse } from 'graphql';
import {
  computeResponse,
  installFastShaping,
  installOperationMemo,
  libraryComputeResponse,
  libraryOperationFromDocument,
  type ComputeResponseArgs,
} from './shaping';

const schema = buildSchema(`
  type Query { country: Country provinces: [Province!]! node(code: ID!): Node strict: Province! }
  interface Node { code: ID! }
  enum Colour { GREEN YELLOW RED }
  scalar DateTime
  type Country implements Node { code: ID! communeCount: Int! rate: Float colour: Colour }
  type Province implements Node { code: ID! name: String! colour: Colour communes: [Commune] at: DateTime flag: Boolean }
  type Commune implements Node { code: ID! name: String! colour: Colour! criteria: [Int!] }
`);

const query = `
  query Q($withName: Boolean!, $skipAt: Boolean = true) {
    country { code n: communeCount rate colour __typename }
    provinces {
      __typename code name @include(if: $withName) colour at @skip(if: $skipAt) flag
      communes { code label: name colour criteria ... on Node { code } }
    }
    node(code: "01") { __typename code ... on Province { name } ... on Country { communeCount } }
    strict { code name }
  }`;

function both(input: Record<string, unknown>, variables: Record<string, unknown>) {
  expect(installFastShaping()).toBe(true);
  const operation = operationFromDocument(schema, parse(query), { validate: true });
  const args: ComputeResponseArgs = { operation, variables, input, introspectionHandling: () => null };
  const clone = () => JSON.parse(JSON.stringify(input)) as Record<string, unknown>;
  const ours = computeResponse({ ...args, input: clone() });
  const theirs = libraryComputeResponse!({ ...args, input: clone() });
  const shape = (r: { data: unknown; errors: { message: string; path?: readonly (string | number)[] }[] }) =>
    JSON.stringify({ data: r.data, errors: r.errors.map((e) => ({ message: e.message, path: e.path })) });
  return { ours: shape(ours), theirs: shape(theirs) };
}

const commune = (code: string, extra: Record<string, unknown> = {}) => ({
  __typename: 'Commune',
  code,
  name: `C ${code}`,
  colour: 'GREEN',
  criteria: [1, 2],
  ...extra,
});
const good = {
  country: { __typename: 'Country', code: 'VN', n: 3321, rate: 0.5, colour: 'RED', extra: 'dropped' },
  provinces: [
    { __typename: 'Province', code: '01', name: 'Hà Nội', colour: null, at: '2025-07-31', flag: true, communes: [commune('00004'), null, commune('00008')] },
    { __typename: 'Province', code: '04', name: 'Cao Bằng', colour: 'YELLOW', flag: false, communes: [] },
  ],
  node: { __typename: 'Province', code: '01', name: 'Hà Nội' },
  strict: { code: '01', name: 'x' },
};

test('the compiled shaping answers exactly as @apollo/gateway: aliases, typenames, fragments, @skip/@include, nulls in lists', () => {
  for (const variables of [{ withName: true }, { withName: false, skipAt: false }]) {
    const { ours, theirs } = both(good, variables);
    expect(ours).toBe(theirs);
  }
});

test('… and on bad subgraph data: null bubbling, invalid enum and number values, unknown __typename', () => {
  const bad = {
    ...good,
    country: { __typename: 'Country', code: 'VN', n: 1.5, rate: 'x', colour: 'BLUE' },
    provinces: [
      { __typename: 'Province', code: '01', name: null, communes: [commune('00004', { colour: null }), commune('00005', { criteria: [1, null] })] },
      { __typename: 'Nope', code: '02', name: 'n' },
    ],
    node: { __typename: 'Country', code: 'VN', communeCount: 'many' },
    strict: null,
  };
  for (const variables of [{ withName: true }, { withName: false }]) {
    const { ours, theirs } = both(bad, variables);
    expect(ours).toBe(theirs);
    expect(JSON.parse(ours).errors.length).toBeGreaterThan(0);
  }
  const partly = { ...good, provinces: [{ ...good.provinces[0], communes: [commune('1', { colour: null })] }] };
  const { ours, theirs } = both(partly, { withName: true });
  expect(ours).toBe(theirs);
});

test('response names that are also Object.prototype properties stay data ("constructor", "toString", "__proto__")', () => {
  expect(installFastShaping()).toBe(true);
  for (const text of ['{ provinces { constructor: code toString: name } }', '{ provinces { __proto__: code name } country { code } }']) {
    const operation = operationFromDocument(schema, parse(text), { validate: true });
    const input = () => ({ provinces: [{ constructor: '01', toString: 'Hà Nội', __proto__: '01', name: 'Hà Nội' }], country: { code: 'VN' } });
    const args = { operation, variables: {}, introspectionHandling: () => null };
    const fix = (o: Record<string, unknown>) => JSON.parse(JSON.stringify(o, (_k, v: unknown) => v)) as unknown;
    const inputs = [input(), input()].map((i) => {
      // A JSON-parsed answer keeps "__proto__" as an own key.
      return JSON.parse(JSON.stringify(i).replace('"constructor":"01"', '"constructor":"01","__proto__":"01"')) as Record<string, unknown>;
    });
    const ours = computeResponse({ ...args, input: inputs[0] });
    const theirs = libraryComputeResponse!({ ...args, input: inputs[1] });
    expect(JSON.stringify(ours)).toBe(JSON.stringify(theirs));
    expect(fix(ours.data)).toEqual(fix(theirs.data));
  }
});

test('one operation shaped again and again (as the memo hands it out) answers as the library each time, @skip/@include following each request’s variables', () => {
  expect(installFastShaping()).toBe(true);
  const conditional = operationFromDocument(schema, parse(query), { validate: true });
  const plain = operationFromDocument(schema, parse('{ provinces { code label: name communes { code } } country { code } }'), { validate: true });
  const runs: [typeof conditional, Record<string, unknown>, Record<string, unknown>][] = [
    [conditional, good, { withName: true }],
    [conditional, good, { withName: false, skipAt: false }],
    [conditional, good, { withName: true, skipAt: true }],
    [plain, good, {}],
    [plain, { ...good, provinces: [good.provinces[1]] }, {}],
  ];
  for (const [operation, input, variables] of runs) {
    const args = { operation, variables, introspectionHandling: () => null };
    const ours = computeResponse({ ...args, input: JSON.parse(JSON.stringify(input)) as Record<string, unknown> });
    const theirs = libraryComputeResponse!({ ...args, input: JSON.parse(JSON.stringify(input)) as Record<string, unknown> });
    expect(JSON.stringify(ours.data)).toBe(JSON.stringify(theirs.data));
  }
  const named = (variables: Record<string, unknown>) =>
    computeResponse({
      operation: conditional,
      variables,
      introspectionHandling: () => null,
      input: JSON.parse(JSON.stringify(good)) as Record<string, unknown>,
    }).data as {
      provinces: { name?: string }[];
    };
  expect(named({ withName: true }).provinces[0].name).toBe('Hà Nội');
  expect(named({ withName: false }).provinces[0]).not.toHaveProperty('name');
});

test('installOperationMemo: executeQueryPlan’s unvalidated conversion of the same definitions returns the same Operation; anything else converts afresh', () => {
  expect(installOperationMemo()).toBe(true);
  expect(installOperationMemo()).toBe(true); // twice is harmless
  const document = parse(`${query} fragment F on Province { code } query Other { country { code } }`);
  const [operationNode, fragmentNode] = document.definitions;
  // As executeQueryPlan builds it: a fresh document object around the cached definitions.
  const asExecutor = (definitions: typeof document.definitions) => operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions }, { validate: false });
  const first = asExecutor([operationNode, fragmentNode]);
  expect(asExecutor([operationNode, fragmentNode])).toBe(first);
  expect(asExecutor([operationNode])).not.toBe(first);
  expect(asExecutor([operationNode])).toBe(asExecutor([operationNode]));
  // Another parse of the same text is another document: converted afresh, same meaning.
  const again = parse(query).definitions[0];
  expect(asExecutor([again])).not.toBe(asExecutor([operationNode]));
  expect(asExecutor([again]).toString()).toBe(asExecutor([operationNode]).toString());
  // Validating calls (the planner's) and calls naming an operation are never memoised.
  const validating = operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [operationNode] }, { validate: true });
  expect(validating).not.toBe(asExecutor([operationNode]));
  expect(operationFromDocument(schema, { kind: Kind.DOCUMENT, definitions: [operationNode] }, { validate: true })).not.toBe(validating);
  expect(operationFromDocument(schema, document, { validate: false, operationName: 'Other' }).toString()).toContain('country');
  // A conversion that fails fails every time (nothing is remembered).
  const broken = parse('{ provinces { ...G } } fragment G on Nowhere { code }').definitions;
  for (let i = 0; i < 2; i++) expect(() => asExecutor(broken)).toThrow(/Unknown type "Nowhere"/);
  expect(libraryOperationFromDocument).toBeDefined();
});
