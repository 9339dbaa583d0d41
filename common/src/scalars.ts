import { GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * The start of monitoring under Plan No. 02-KH/BCĐTW: 00:00 on 1 June 2025, Vietnam time. Nothing
 * was reported before it, so it is the earliest valid `asOf` everywhere. A rule of the platform,
 * not of the generated data; here (not in the kit) because the gateway enforces it too.
 */
export const MONITORING_START = new Date('2025-06-01T00:00:00+07:00');

/** Where the `DateTime` format is specified (RFC 3339 date-time with a mandatory offset). */
export const DATE_TIME_SPEC = 'https://scalars.graphql.org/andimarek/date-time';
/** Where the `Date` format is specified (RFC 3339 full-date). */
export const DATE_SPEC = 'https://scalars.graphql.org/andimarek/local-date';

/** The word `asOf` accepts for "the latest reporting cut-off" (the same as leaving it out). */
export const LATEST = 'LATEST';

function invalid(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

function parseDateTime(value: unknown): Date {
  if (typeof value !== 'string' || !DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalid(`DateTime must be an ISO 8601 date-time with a time zone, e.g. "2025-07-31T16:00:00+07:00"; got ${JSON.stringify(value)}.`);
  }
  return new Date(value);
}

function isCalendarDate(value: unknown): value is string {
  const m = typeof value === 'string' ? DATE.exec(value) : null;
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function parseDate(value: unknown): string {
  if (!isCalendarDate(value)) throw invalid(`Date must be a real calendar date "YYYY-MM-DD"; got ${JSON.stringify(value)}.`);
  return value;
}

/** How many instants {@link isoString} remembers before it starts again (about 8 MB when full). */
export const ISO_MEMO_LIMIT = 100_000;
const isoMemo = new Map<number, string>();

/**
 * `date.toISOString()` for a valid date's time value, remembered: on Node 24 `toISOString` costs
 * about 1 µs, a Map lookup a quarter of that, and the national drill-down serialises some 40,000
 * assessment instants per request, the same ones every time (measured in PERFORMANCE.md, round
 * two, part four). Bounded: when full, the memo is emptied and fills again.
 */
export function isoString(time: number): string {
  let text = isoMemo.get(time);
  if (text === undefined) {
    text = new Date(time).toISOString();
    if (isoMemo.size >= ISO_MEMO_LIMIT) isoMemo.clear();
    isoMemo.set(time, text);
  }
  return text;
}

/** An instant, written as ISO 8601 with an explicit offset; serialised in UTC. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description:
    'An instant in time, RFC 3339 / ISO 8601 with an explicit offset, e.g. "2025-07-31T16:00:00+07:00". Returned in UTC ("2025-07-31T09:00:00.000Z"). Clients can treat it as a string.',
  specifiedByURL: DATE_TIME_SPEC,
  serialize(value) {
    const time = value instanceof Date ? value.getTime() : new Date(value as string).getTime();
    if (Number.isNaN(time)) throw new GraphQLError('DateTime cannot serialise an invalid date');
    return isoString(time);
  },
  parseValue: parseDateTime,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('DateTime must be a string such as "2025-07-31T16:00:00+07:00".');
    return parseDateTime(ast.value);
  },
});

/** A calendar date without a time; kept as the string "YYYY-MM-DD" on the server side. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  description:
    'A calendar date, "YYYY-MM-DD" (e.g. "2025-07-31"; RFC 3339 full-date). Daily figures are by the Vietnam calendar day (UTC+7). Clients can treat it as a string.',
  specifiedByURL: DATE_SPEC,
  serialize(value) {
    return String(value);
  },
  parseValue: parseDate,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('Date must be a string such as "2025-07-31".');
    return parseDate(ast.value);
  },
});

/** The last millisecond of a Vietnam calendar day (UTC+7), e.g. "2025-07-25" → 2025-07-25T23:59:59.999+07:00. */
export function endOfVietnamDay(day: string): Date {
  return new Date(new Date(`${day}T00:00:00+07:00`).getTime() + 24 * 3600_000 - 1);
}

/**
 * What an `asOf` value means: `null` for the latest cut-off ("LATEST"), otherwise the instant.
 * A calendar date is the end of that day in Vietnam time. Before {@link MONITORING_START}: an error.
 */
export function parseAsOf(value: unknown): Date | null {
  if (value === LATEST) return null;
  let moment: Date;
  if (isCalendarDate(value)) moment = endOfVietnamDay(value);
  else if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) moment = new Date(value);
  else
    throw invalid(
      `asOf must be "LATEST", a calendar date "YYYY-MM-DD" (the end of that day, Vietnam time) or an ISO 8601 date-time with a time zone, e.g. "2025-07-31T16:00:00+07:00"; got ${JSON.stringify(value)}.`,
    );
  if (moment.getTime() < MONITORING_START.getTime()) {
    throw invalid(`asOf ${JSON.stringify(value)} is before ${MONITORING_START.toISOString()}, when monitoring data begin; nothing was reported then.`);
  }
  return moment;
}

/**
 * The moment a history is read at. Input only in practice; parsed to the instant it names (or to
 * null for "LATEST", which the subgraphs read as their latest reporting cut-off).
 */
export const AsOfScalar = new GraphQLScalarType<Date | null, string>({
  name: 'AsOf',
  description:
    'A moment to read the monitoring history at, as a string: "LATEST" (the latest reporting cut-off, the same as leaving `asOf` out); a calendar date "YYYY-MM-DD", meaning the END of that day in Vietnam time (23:59:59.999+07:00), so "2025-07-25" includes the 16:00 cut-off of that day; or an ISO 8601 date-time with an explicit offset, e.g. "2025-07-25T16:00:00+07:00". Anything before 2025-06-01T00:00:00+07:00, when monitoring began, is a BAD_USER_INPUT error. Clients can treat it as a string.',
  serialize(value) {
    if (value == null) return LATEST;
    const date = value instanceof Date ? value : new Date(value as string);
    if (Number.isNaN(date.getTime())) throw new GraphQLError('AsOf cannot serialise an invalid date');
    return date.toISOString();
  },
  parseValue: parseAsOf,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw invalid('asOf must be a string such as "LATEST", "2025-07-25" or "2025-07-31T16:00:00+07:00".');
    return parseAsOf(ast.value);
  },
});

/** The platform's custom scalars, by name: one definition for the subgraphs and the gateway. */
export const SCALARS: readonly GraphQLScalarType[] = [DateTimeScalar, DateScalar, AsOfScalar];

/**
 * Gives a schema built from SDL (the gateway's, whose custom scalars accept anything) the
 * platform's parsing rules, in place, so that a bad literal or variable is refused once, before
 * any subgraph is called. Serialisation is left alone: the gateway passes subgraph values through.
 */
export function enforceScalars(schema: GraphQLSchema): void {
  for (const scalar of SCALARS) {
    const target = schema.getType(scalar.name);
    if (target instanceof GraphQLScalarType) {
      target.parseValue = scalar.parseValue;
      target.parseLiteral = scalar.parseLiteral;
    }
  }
}
