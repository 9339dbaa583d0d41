import { GraphQLError, type GraphQLFormattedError } from 'graphql';

/**
 * Error codes a client can act on; every error the platform raises carries one in
 * `extensions.code`. The README's "Error codes" table says what each means and what to do.
 */
export type ErrorCode =
  | 'BAD_USER_INPUT'
  | 'BAD_REQUEST'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_NOT_SUPPORTED'
  | 'NOT_FOUND'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'CONFLICT'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'SUBGRAPH_ERROR'
  | 'INTERNAL_SERVER_ERROR';

/** Apollo Server's text when an automatic persisted query's hash is not the query's (it gives it no code). */
const PERSISTED_QUERY_MISMATCH = 'provided sha does not match query';

/**
 * Bad input from the caller. `argument` names the offending argument so that a client (or a
 * person in the playground) can see at once what to change; it is also put in `extensions`.
 */
export class BadUserInputError extends GraphQLError {
  constructor(message: string, argument?: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code: 'BAD_USER_INPUT', ...(argument ? { argument } : {}), ...extra } });
  }
}

/** The caller must identify itself (a bearer token) to see this. */
export class UnauthenticatedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'UNAUTHENTICATED' } });
  }
}

/** The caller is not allowed to do this. */
export class ForbiddenError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'FORBIDDEN' } });
  }
}

/**
 * A write's input is wrong in one field: `extensions.field` names it (a path into the input, e.g.
 * "input.percent"), so a form can put the message beside the field.
 */
export class FieldInputError extends BadUserInputError {
  constructor(field: string, message: string, extra: Record<string, unknown> = {}) {
    super(message, undefined, { field, ...extra });
  }
}

/** A versioned write named a stale `expectedVersion`: `extensions.currentVersion` is the version now. */
export class ConflictError extends GraphQLError {
  constructor(message: string, currentVersion: number) {
    super(message, { extensions: { code: 'CONFLICT', currentVersion } });
  }
}

/** The `Idempotency-Key` was used before with another body (or another operation). */
export class IdempotencyKeyReusedError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: 'IDEMPOTENCY_KEY_REUSED' } });
  }
}

/** Message prefixes graphql-js uses when a literal or variable does not fit its declared type. */
const VALUE_ERRORS = [
  /^Argument "[^"]+" has an invalid value/,
  /^Expected value of type/,
  /^Variable "\$[^"]+" got invalid value/,
  /^Value "[^"]*" does not exist in "/,
  /^Enum "[^"]*" cannot represent/,
  /^Argument "[^"]+" of (required|non-null) type/,
  /^Field "[^"]+" of required type/,
  /^Int cannot represent/,
  /^Date must be/,
  /^DateTime must be/,
  /^asOf /,
];

/**
 * Normalises errors before they leave a server: input that does not fit the schema's types is
 * the caller's mistake (`BAD_USER_INPUT`), not a "validation failure" of the operation; and in
 * production, unexpected errors lose their stack traces and internal text.
 */
export function formatError(formatted: GraphQLFormattedError, production: boolean): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (formatted.message === PERSISTED_QUERY_MISMATCH) {
    return {
      message: 'The persistedQuery sha256Hash is not the hash of the query sent: send the SHA-256 (lower-case hex) of the exact query text.',
      extensions: { code: 'BAD_REQUEST' },
    };
  }
  if ((code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT') && VALUE_ERRORS.some((re) => re.test(formatted.message))) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  if (production && (code === undefined || code === 'INTERNAL_SERVER_ERROR')) {
    return { message: 'Internal server error', locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  }
  if (production && formatted.extensions && 'stacktrace' in formatted.extensions) {
    const { stacktrace: _stack, ...rest } = formatted.extensions;
    return { ...formatted, extensions: rest };
  }
  return formatted;
}
