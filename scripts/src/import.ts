/**
 * `npm run import -- --kind online-applications --file rows.csv`: sends a CSV file through the
 * gateway, in batches, with a bearer token (`--token` or KH02_TOKEN). Kinds: online-applications,
 * synced-records, assessments, progress. Each batch is one mutation, all rows or none, under an
 * Idempotency-Key derived from the file's content and the batch's place in it: re-running the same
 * file writes nothing new. A progress bar on stderr; a summary on stdout; every refused row on
 * stderr with its line in the file. Exit 0 when every batch landed, 1 when any was refused, 2 on a
 * usage mistake.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

type Value = string | number | boolean | null;
type Column = { name: string; type: 'string' | 'int' | 'float' | 'boolean' | 'datetime'; required: boolean };

/** One kind of import: its CSV columns and the mutation a batch is sent with. */
interface Kind {
  columns: Column[];
  mutation: string;
  field: string;
  /** Whether the mutation takes the import's `reason` (the day imports). */
  reason: boolean;
}

const col = (name: string, type: Column['type'], required = true): Column => ({ name, type, required });
const RESULT = '{ accepted written corrected replayed rowErrors { row field message } }';

/** The kinds `--kind` accepts, with their CSV header. */
export const KINDS: Record<string, Kind> = {
  'online-applications': {
    columns: [col('provinceCode', 'string'), col('date', 'string'), col('received', 'int'), col('submittedOnline', 'int'), col('resultsOnline', 'int')],
    mutation: `mutation Import($rows: [OnlineApplicationRowInput!]!, $reason: String) { result: importOnlineApplications(rows: $rows, reason: $reason) ${RESULT} }`,
    field: 'importOnlineApplications',
    reason: true,
  },
  'synced-records': {
    columns: [col('communeCode', 'string'), col('date', 'string'), col('count', 'int')],
    mutation: `mutation Import($rows: [SyncedRecordRowInput!]!, $reason: String) { result: importSyncedRecords(rows: $rows, reason: $reason) ${RESULT} }`,
    field: 'importSyncedRecords',
    reason: true,
  },
  assessments: {
    columns: [
      col('communeCode', 'string'),
      col('criterionCode', 'string'),
      col('met', 'boolean'),
      col('note', 'string', false),
      col('assessedAt', 'datetime', false),
      col('expectedVersion', 'int', false),
      col('reason', 'string', false),
    ],
    mutation: `mutation Import($rows: [RecordAssessmentInput!]!) { result: importAssessments(rows: $rows) ${RESULT} }`,
    field: 'importAssessments',
    reason: false,
  },
  progress: {
    columns: [
      col('assignmentId', 'int'),
      col('percent', 'float', false),
      col('completed', 'boolean', false),
      col('note', 'string', false),
      col('reportedAt', 'datetime', false),
      col('expectedVersion', 'int', false),
      col('reason', 'string', false),
    ],
    mutation: `mutation Import($rows: [ReportProgressInput!]!) { result: importProgressReports(rows: $rows) ${RESULT} }`,
    field: 'importProgressReports',
    reason: false,
  },
};

/** A usage mistake: one line, exit code 2. */
export class UsageError extends Error {}

export interface ImportOptions {
  kind: string;
  file: string;
  url: string;
  token: string;
  batchSize: number;
  reason?: string;
}

const USAGE = `usage: npm run import -- --kind <${Object.keys(KINDS).join('|')}> --file rows.csv [--token <bearer> | KH02_TOKEN] [--url http://localhost:4000/graphql | KH02_GATEWAY_URL] [--batch 500] [--reason "why stored days are replaced"]`;

/** Reads the command line (and KH02_TOKEN, KH02_GATEWAY_URL, GATEWAY_PORT); every mistake is a {@link UsageError}. */
export function parseImportArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): ImportOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (!['--kind', '--file', '--token', '--url', '--batch', '--reason'].includes(flag)) throw new UsageError(`Unknown argument ${flag}. ${USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value. ${USAGE}`);
    values.set(flag, value);
  }
  const kind = values.get('--kind');
  if (!kind || !KINDS[kind]) throw new UsageError(`--kind must be one of ${Object.keys(KINDS).join(', ')}. ${USAGE}`);
  const file = values.get('--file');
  if (!file) throw new UsageError(`--file is required. ${USAGE}`);
  const token = values.get('--token') ?? env.KH02_TOKEN;
  if (!token) throw new UsageError('A bearer token is required: --token <token> or KH02_TOKEN (e.g. KH02_TOKEN=$(npm run -s token -- --role admin)).');
  const batch = Number(values.get('--batch') ?? 500);
  if (!Number.isInteger(batch) || batch < 1 || batch > 1000) throw new UsageError('--batch must be a whole number from 1 to 1000.');
  const reason = values.get('--reason');
  if (reason !== undefined && !KINDS[kind].reason)
    throw new UsageError(`--reason is for online-applications and synced-records; ${kind} rows carry their own reason column.`);
  const url = values.get('--url') ?? env.KH02_GATEWAY_URL ?? `http://localhost:${env.GATEWAY_PORT || 4000}/graphql`;
  return { kind, file, url, token, batchSize: batch, reason };
}

function convert(value: string, column: Column, line: number): Value {
  const v = value.trim();
  if (v === '') {
    if (column.required) throw new UsageError(`Line ${line}: ${column.name} is empty.`);
    return null;
  }
  switch (column.type) {
    case 'int':
    case 'float': {
      const n = Number(v);
      if (!Number.isFinite(n) || (column.type === 'int' && !Number.isInteger(n)))
        throw new UsageError(`Line ${line}: ${column.name} "${v}" is not a ${column.type === 'int' ? 'whole ' : ''}number.`);
      return n;
    }
    case 'boolean':
      if (/^(true|1|yes)$/i.test(v)) return true;
      if (/^(false|0|no)$/i.test(v)) return false;
      throw new UsageError(`Line ${line}: ${column.name} "${v}" is not true/false.`);
    default:
      return v;
  }
}

/**
 * The file's rows as the mutation's input objects. A row whose values do not fit the column types
 * (a count that is not a number) is a {@link UsageError} naming its line: the server could not even
 * be asked. Everything else (codes, ranges, rights) is the server's to judge, row by row.
 */
export function readRows(text: string, kind: Kind): Record<string, Value>[] {
  const records = parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  const header = records.length > 0 ? Object.keys(records[0]) : [];
  const missing = kind.columns.filter((c) => c.required && !header.includes(c.name)).map((c) => c.name);
  if (records.length > 0 && missing.length > 0)
    throw new UsageError(`The CSV header lacks ${missing.join(', ')} (expected: ${kind.columns.map((c) => c.name).join(',')}).`);
  const unknown = header.filter((h) => !kind.columns.some((c) => c.name === h));
  if (unknown.length > 0) throw new UsageError(`Unknown CSV column(s) ${unknown.join(', ')} (expected: ${kind.columns.map((c) => c.name).join(',')}).`);
  return records.map((record, i) => {
    const row: Record<string, Value> = {};
    for (const column of kind.columns) {
      if (record[column.name] === undefined) continue;
      const value = convert(record[column.name], column, i + 2);
      if (value !== null) row[column.name] = value;
    }
    return row;
  });
}

/** The Idempotency-Key of one batch: the file's content, the kind, the batch size and its place. */
export function batchKey(content: string, kind: string, batchSize: number, index: number): string {
  const digest = createHash('sha256').update(content).digest('hex').slice(0, 32);
  return `kh02-import-${kind}-${digest}-${batchSize}-${index}`;
}

/** A one-line progress bar, redrawn in place on a terminal and printed per batch otherwise. */
function progress(out: NodeJS.WritableStream & { isTTY?: boolean }, done: number, total: number, rows: number, totalRows: number): void {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  const line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} batches, ${rows}/${totalRows} rows`;
  out.write(out.isTTY ? `\r${line}${done === total ? '\n' : ''}` : `${line}\n`);
}

/** What an import did. */
export interface ImportSummary {
  rows: number;
  batches: number;
  written: number;
  corrected: number;
  refusedBatches: number;
  refusedRows: number;
  /** Batches the server had answered before (same file, same key): nothing written now. */
  alreadySent: number;
  rowErrors: { line: number; field: string; message: string }[];
}

/** Runs an import: reads, batches, sends, reports. Network and GraphQL errors (FORBIDDEN, …) stop it. */
export async function runImport(
  options: ImportOptions,
  io: { stderr: NodeJS.WritableStream & { isTTY?: boolean } } = { stderr: process.stderr },
): Promise<ImportSummary> {
  const kind = KINDS[options.kind];
  let content: string;
  try {
    content = readFileSync(options.file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read ${options.file}: ${(error as Error).message}`);
  }
  const rows = readRows(content, kind);
  const batches: Record<string, Value>[][] = [];
  for (let i = 0; i < rows.length; i += options.batchSize) batches.push(rows.slice(i, i + options.batchSize));
  const summary: ImportSummary = {
    rows: rows.length,
    batches: batches.length,
    written: 0,
    corrected: 0,
    refusedBatches: 0,
    refusedRows: 0,
    alreadySent: 0,
    rowErrors: [],
  };
  progress(io.stderr, 0, batches.length, 0, rows.length);
  let sent = 0;
  for (const [index, batch] of batches.entries()) {
    const variables: Record<string, unknown> = { rows: batch };
    if (kind.reason) variables.reason = options.reason ?? null;
    const response = await fetch(options.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${options.token}`,
        'idempotency-key': batchKey(content, options.kind, options.batchSize, index),
      },
      body: JSON.stringify({ query: kind.mutation, variables }),
    });
    const body = (await response.json().catch(() => ({}))) as {
      data?: {
        result?: { accepted: boolean; written: number; corrected: number; replayed: boolean; rowErrors: { row: number; field: string; message: string }[] };
      };
      errors?: { message: string; extensions?: { code?: string } }[];
    };
    const result = body.data?.result;
    if (!result) {
      const error = body.errors?.[0];
      throw new Error(
        `Batch ${index + 1} of ${batches.length} failed (HTTP ${response.status}${error?.extensions?.code ? `, ${error.extensions.code}` : ''}): ${error?.message ?? 'no answer'}`,
      );
    }
    if (result.accepted && result.replayed) {
      summary.alreadySent++;
    } else if (result.accepted) {
      summary.written += result.written;
      summary.corrected += result.corrected;
    } else {
      summary.refusedBatches++;
      summary.refusedRows += batch.length;
      for (const e of result.rowErrors) summary.rowErrors.push({ line: index * options.batchSize + e.row + 2, field: e.field, message: e.message });
    }
    sent += batch.length;
    progress(io.stderr, index + 1, batches.length, sent, rows.length);
  }
  return summary;
}

/** The summary as printed on stdout. */
export function formatSummary(kind: string, s: ImportSummary): string {
  const lines = [
    `${kind}: ${s.rows} rows in ${s.batches} batches — ${s.written} written, ${s.corrected} corrected, ${s.alreadySent} batches already sent before (nothing new), ${s.refusedBatches} batches refused (${s.refusedRows} rows not written).`,
  ];
  return lines.join('\n');
}

export async function main(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const options = parseImportArgs(argv, env);
  const summary = await runImport(options);
  for (const e of summary.rowErrors) process.stderr.write(`line ${e.line}, ${e.field}: ${e.message}\n`);
  process.stdout.write(`${formatSummary(options.kind, summary)}\n`);
  return summary.refusedBatches > 0 ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(error instanceof UsageError ? 2 : 1);
    },
  );
}
