import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { ArgumentValuesRule, DateScalar } from '@kh02/common';

const schema = buildSchema(`
  scalar Date
  enum Order { ASC DESC }
  type Query { stats(from: Date!, order: Order, sizes: [Int!]): Int }
`);
Object.assign(schema.getType('Date')!, { parseLiteral: DateScalar.parseLiteral, parseValue: DateScalar.parseValue });

const errorsOf = (query: string) =>
  validate(schema, parse(query), [...specifiedRules, ArgumentValuesRule]).filter((e) => e.extensions.code === 'BAD_USER_INPUT');

describe('ArgumentValuesRule', () => {
  test('names the argument whose literal does not fit', () => {
    // graphql-js's own error for the same literal follows; ours, naming the argument, comes first.
    expect(errorsOf('{ stats(from: "2025-02-30") }')[0].message).toBe(
      'Argument "from" has an invalid value: Date must be a real calendar date "YYYY-MM-DD"; got "2025-02-30".',
    );
    expect(errorsOf('{ stats(from: "2025-02-28", order: UP) }')[0].extensions.argument).toBe('order');
    expect(errorsOf('{ stats(from: "2025-02-28", sizes: [1, "two"]) }')[0].extensions.argument).toBe('sizes');
  });

  test('is silent on values that fit, variables and nulls', () => {
    expect(errorsOf('{ stats(from: "2025-02-28", order: ASC, sizes: [1, 2]) }')).toEqual([]);
    expect(errorsOf('query($d: Date!) { stats(from: $d, order: null) }')).toEqual([]);
  });
});
