import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw new GraphQLError(`DateTime must be an ISO 8601 date-time with a time zone, e.g. "2025-07-31T16:00:00+07:00"; got ${JSON.stringify(value)}.`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return new Date(value);
}

/** An instant, written as ISO 8601 with an explicit offset; serialised in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An instant in time, ISO 8601 with an explicit offset, e.g. "2025-07-31T16:00:00+07:00". Returned in UTC ("2025-07-31T09:00:00.000Z").',
  serialize(value) {
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('DateTime cannot serialise an invalid date');
    return date.toISOString();
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('DateTime must be a string such as "2025-07-31T16:00:00+07:00".', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDateTime(ast.value);
  },
});

/** A calendar date without a time; kept as the string "YYYY-MM-DD" on the server side. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description: 'A calendar date, "YYYY-MM-DD" (e.g. "2025-07-31"). Daily figures are by the Vietnam calendar day (UTC+7).',
  serialize(value) {
    return String(value);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a string such as "2025-07-31".', { extensions: { code: 'BAD_USER_INPUT' } });
    return parseDate(ast.value);
  },
});

function parseDate(value: unknown): string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  const ok =
    m &&
    (() => {
      const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
      return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
    })();
  if (!ok) throw new GraphQLError(`Date must be a real calendar date "YYYY-MM-DD"; got ${JSON.stringify(value)}.`, { extensions: { code: 'BAD_USER_INPUT' } });
  return value as string;
}

/** Scalars the type-graphql classes map to: `Date` fields are instants (`DateTime`). */
export const scalarsMap = [{ type: Date, scalar: DateTimeScalar }];
