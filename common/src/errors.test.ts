import { formatError } from './errors';

describe('formatError', () => {
  test('value errors are the caller’s: BAD_USER_INPUT', () => {
    const f = formatError({ message: 'Value "CASTLE" does not exist in "CommuneKind" enum.', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, false);
    expect(f.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('other validation errors keep their code', () => {
    const f = formatError({ message: 'Cannot query field "x" on type "Query".', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, false);
    expect(f.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('production hides internal error text and stack traces', () => {
    const f = formatError({ message: 'select * from secret_table failed', extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] } }, true);
    expect(f).toEqual({ message: 'Internal server error', locations: undefined, path: undefined, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    const dev = formatError({ message: 'select * from secret_table failed', extensions: { code: 'INTERNAL_SERVER_ERROR' } }, false);
    expect(dev.message).toContain('secret_table');
    const bad = formatError({ message: 'Argument "first" must be…', extensions: { code: 'BAD_USER_INPUT', stacktrace: ['at y'] } }, true);
    expect(bad.extensions).toEqual({ code: 'BAD_USER_INPUT' });
  });
});
