import { GraphQLError } from 'graphql';
import { decodeCursor, encodeCursor, pageOf, pageRequest } from './connection';

describe('connections', () => {
  test('cursors round-trip and are opaque', () => {
    expect(decodeCursor(encodeCursor(0))).toBe(0);
    expect(decodeCursor(encodeCursor(4321))).toBe(4321);
    expect(encodeCursor(7)).not.toContain('7');
  });

  test.each(['', 'abc', '!!', Buffer.from('kh02:-1').toString('base64url'), Buffer.from('other:3').toString('base64url')])(
    'malformed cursor %j is BAD_USER_INPUT naming after',
    (cursor) => {
      try {
        decodeCursor(cursor);
        throw new Error('no error');
      } catch (error) {
        expect(error).toBeInstanceOf(GraphQLError);
        expect((error as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
        expect((error as GraphQLError).message).toContain('"after"');
      }
    },
  );

  test('first must be 1..500', () => {
    expect(pageRequest(undefined, undefined)).toEqual({ offset: 0, limit: 50 });
    expect(pageRequest(500, encodeCursor(9))).toEqual({ offset: 10, limit: 500 });
    for (const bad of [0, -1, 501, 10000]) expect(() => pageRequest(bad, null)).toThrow(/"first" must be between 1 and 500/);
  });

  test('pages of a list have no gaps or overlaps', () => {
    const items = Array.from({ length: 23 }, (_, i) => i);
    const seen: number[] = [];
    let after: string | null = null;
    for (;;) {
      const page: ReturnType<typeof pageOf<number>> = pageOf(items, pageRequest(5, after));
      expect(page.totalCount).toBe(23);
      seen.push(...page.edges.map((e) => e.node));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(items);
    const empty = pageOf([], pageRequest(5, null));
    expect(empty.pageInfo).toMatchObject({ hasNextPage: false, startCursor: null, endCursor: null });
  });
});
