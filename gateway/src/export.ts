import { HeaderMap, type ApolloServer, type BaseContext, type ContextThunk } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { SavedOperation } from './operations';
import { requestIdFrom } from './plugins/logging';

/** Folder of exceljs, installed on demand with its own lockfile (`gateway/xlsx`): it is ~190 packages. */
export const DEFAULT_XLSX_DIR = path.resolve(__dirname, '../xlsx');

/** The command that installs exceljs for the `.xlsx` exports. */
export const XLSX_INSTALL_COMMAND = 'node scripts/bin/install-isolated.cjs gateway/xlsx';

/** A cell of an exported table. */
export type Cell = string | number | boolean | null;

/** The rows of a table flattened from a GraphQL answer, with one column per leaf field, named by its path. */
export interface Table {
  columns: string[];
  rows: Cell[][];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const isObject = (v: Json | undefined): v is { [key: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The first list in the answer, in field order, preferring a list of objects (the table an operation is about). */
function firstList(data: Json): { key: string; list: Json[] } | undefined {
  let scalarList: { key: string; list: Json[] } | undefined;
  const visit = (value: Json, key: string): { key: string; list: Json[] } | undefined => {
    if (Array.isArray(value)) {
      if (value.some(isObject)) return { key, list: value };
      scalarList ??= { key, list: value };
      return undefined;
    }
    if (isObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        const found = visit(v, k);
        if (found) return found;
      }
    }
    return undefined;
  };
  return visit(data, '') ?? scalarList;
}

/** The leaves of one value by path; a list inside a row joins its values with "; " (one cell per leaf path). */
function leaves(value: Json, prefix: string, out: Map<string, Cell[]>): void {
  if (Array.isArray(value)) {
    for (const item of value) leaves(item, prefix, out);
    return;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
    return;
  }
  const key = prefix || 'value';
  const cells = out.get(key) ?? [];
  cells.push(value);
  out.set(key, cells);
}

/**
 * Flattens a GraphQL answer into a table: the rows are the items of its first list (of objects,
 * else any list; without a list, the whole answer is one row), the columns every leaf field of an
 * item, named by its path from the item ("greenCoverage.percent"); a Relay connection's `edges`
 * are read through their `node`. Columns appear in the order fields first occur.
 */
export function flatten(data: Json): Table {
  const found = firstList(data);
  const items: Json[] = found ? found.list : [data];
  const byRow = items.map((item) => {
    const out = new Map<string, Cell[]>();
    // An edge's own fields (e.g. a failing commune's `note`) sit beside its node's; the cursor is paging plumbing.
    const { node, cursor: _cursor, ...edge } = found?.key === 'edges' && isObject(item) && isObject(item.node) ? item : { node: item };
    leaves(node as Json, '', out);
    leaves(edge as Json, '', out);
    return out;
  });
  const seen: string[] = [];
  for (const row of byRow) for (const key of row.keys()) if (!seen.includes(key)) seen.push(key);
  // A null object (e.g. a nullable field's absent value) is no column of its own where other rows show its fields.
  const columns = seen.filter((key) => !seen.some((other) => other.startsWith(`${key}.`)));
  const rows = byRow.map((row) =>
    columns.map((column) => {
      const cells = row.get(column);
      if (!cells || cells.length === 0) return null;
      return cells.length === 1 ? cells[0] : cells.map((c) => (c === null ? '' : String(c))).join('; ');
    }),
  );
  return { columns, rows };
}

/** One CSV field (RFC 4180): quoted when it holds a quote, a comma or a line break. */
export function csvField(cell: Cell): string {
  if (cell === null) return '';
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The table as CSV: UTF-8 with a byte-order mark (so Excel reads Vietnamese names right), CRLF line ends. */
export function toCsv(table: Table): Buffer {
  const lines = [table.columns, ...table.rows].map((row) => row.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** Whether a column holds percentages 0–100 (`percent`, `expectedPercent`) or a Coverage's rate 0–1 (`rate`). */
export function percentKind(column: string): 'percent' | 'rate' | undefined {
  const leaf = column.split('.').pop() ?? '';
  if (/^percent$|Percent$/.test(leaf)) return 'percent';
  if (leaf === 'rate') return 'rate';
  return undefined;
}

/** The little of exceljs the export uses (the package is loaded at run time from `gateway/xlsx`). */
interface ExcelJs {
  Workbook: new () => {
    creator: string;
    addWorksheet(
      name: string,
      options?: { views?: { state: 'frozen'; ySplit: number }[] },
    ): {
      columns: { header: string; key: string; width: number; style?: { numFmt?: string } }[];
      addRow(values: Cell[]): unknown;
      getRow(n: number): { font: unknown };
    };
    xlsx: { writeBuffer(): Promise<ArrayBuffer | Buffer> };
  };
}

/** exceljs from its isolated folder, or undefined when it is not installed. */
export function loadExcelJs(dir: string = DEFAULT_XLSX_DIR): ExcelJs | undefined {
  try {
    return createRequire(path.join(dir, 'package.json'))('exceljs') as ExcelJs;
  } catch {
    return undefined;
  }
}

/** The table as an XLSX workbook: one sheet, a bold frozen header, numbers as number cells, percentages formatted as such. */
export async function toXlsx(excel: ExcelJs, sheetName: string, table: Table): Promise<Buffer> {
  const workbook = new excel.Workbook();
  workbook.creator = 'KH02 platform';
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  const kinds = table.columns.map(percentKind);
  sheet.columns = table.columns.map((column, i) => ({
    header: column,
    key: `c${i}`,
    width: Math.min(60, Math.max(10, column.length + 2, ...table.rows.map((r) => String(r[i] ?? '').length + 2))),
    ...(kinds[i] ? { style: { numFmt: '0.00%' } } : {}),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of table.rows) {
    // A percentage is stored as the fraction Excel's percent format expects: 32.73 → 0.3273, shown "32.73%".
    sheet.addRow(row.map((cell, i) => (kinds[i] === 'percent' && typeof cell === 'number' ? cell / 100 : cell)));
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer);
}

/** A GraphQL operation run through the gateway's own pipeline for an HTTP request; resolves with the HTTP status and the JSON body. */
export type RunOperation = (
  req: Request,
  res: Response,
  body: { query: string; operationName: string; variables: Record<string, unknown> },
) => Promise<{ status: number; body: string }>;

/**
 * Runs an operation through Apollo Server exactly as `/graphql` does — the same parsing,
 * validation, limits, cost budget, plugins and caller (the context function of `/graphql`) —
 * but from inside the gateway, for the exports.
 */
export function runThrough<TContext extends BaseContext>(
  server: ApolloServer<TContext>,
  context: (req: Request, res: Response) => Promise<TContext>,
): RunOperation {
  return async (req, res, body) => {
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(key, value);
    headers.set('content-type', 'application/json');
    headers.set('accept', 'application/json');
    const response = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers, search: '', body },
      context: (() => context(req, res)) as ContextThunk<TContext>,
    });
    if (response.body.kind !== 'complete') throw new Error('An exported operation answered incrementally.');
    return { status: response.status ?? 200, body: response.body.string };
  };
}

/** The HTTP status of an export whose operation answered errors: the most telling of their codes. */
export function statusOfErrors(errors: { extensions?: { code?: unknown } }[], graphqlStatus: number): number {
  if (graphqlStatus >= 400) return graphqlStatus;
  const codes = new Set(errors.map((e) => e.extensions?.code));
  if (codes.has('UNAUTHENTICATED')) return 401;
  if (codes.has('FORBIDDEN')) return 403;
  if (codes.has('BAD_USER_INPUT')) return 400;
  if (codes.has('SUBGRAPH_UNAVAILABLE') || codes.has('SUBGRAPH_ERROR')) return 502;
  return 500;
}

const FILE = /^([A-Za-z_][A-Za-z0-9_]*)\.(csv|xlsx)$/;

/**
 * `GET /export/<OperationName>.csv|.xlsx?variables=<json>`: runs a saved operation (with the
 * caller's identity, under the same limits) and answers its first list as a table. An operation
 * that answers any error is an HTTP error carrying the GraphQL errors as JSON — never a partial
 * file; an unknown operation is 404.
 */
export function exportHandler(options: { operations: readonly SavedOperation[]; run: RunOperation; xlsxDir?: string }): RequestHandler {
  const byName = new Map(options.operations.map((o) => [o.name, o]));
  let excel: ExcelJs | undefined;
  const fail = (res: Response, status: number, errors: unknown[]) => res.status(status).set('cache-control', 'no-store').json({ errors });
  return async (req, res, next) => {
    try {
      const match = FILE.exec(String(req.params.file));
      const operation = match ? byName.get(match[1]) : undefined;
      if (!match || !operation || operation.type !== 'query') {
        const names = [...byName.keys()].join(', ');
        return fail(res, 404, [
          { message: `No saved operation "${req.params.file}": export one of ${names} as .csv or .xlsx.`, extensions: { code: 'NOT_FOUND' } },
        ]);
      }
      let variables: Record<string, unknown> = {};
      if (typeof req.query.variables === 'string' && req.query.variables !== '') {
        try {
          variables = JSON.parse(req.query.variables) as Record<string, unknown>;
        } catch {
          variables = null as never;
        }
        if (typeof variables !== 'object' || variables === null || Array.isArray(variables)) {
          return fail(res, 400, [
            {
              message: 'The variables parameter must be a JSON object, e.g. ?variables={"provinceCode":"04"}.',
              extensions: { code: 'BAD_USER_INPUT', argument: 'variables' },
            },
          ]);
        }
      }
      const format = match[2] as 'csv' | 'xlsx';
      if (format === 'xlsx') {
        excel ??= loadExcelJs(options.xlsxDir);
        if (!excel) {
          return fail(res, 503, [
            {
              message: `XLSX export needs exceljs, which is installed on demand: run \`${XLSX_INSTALL_COMMAND}\` (npm start does it), or export .csv.`,
              extensions: { code: 'XLSX_UNAVAILABLE' },
            },
          ]);
        }
      }
      const answer = await options.run(req, res, { query: operation.body, operationName: operation.name, variables });
      if (res.headersSent) return; // refused before the operation ran (e.g. authentication)
      let result: { data?: Json; errors?: { extensions?: { code?: unknown } }[] };
      try {
        result = JSON.parse(answer.body);
      } catch {
        return fail(res, 502, [{ message: 'The operation did not answer JSON.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }]);
      }
      if (result.errors?.length || result.data == null) {
        const errors = result.errors ?? [{ message: 'The operation answered no data.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }];
        return fail(res, statusOfErrors(errors, answer.status), errors);
      }
      const table = flatten(result.data);
      const file = `${operation.name}.${format}`;
      res
        .set('content-disposition', `attachment; filename="${file}"`)
        .set('cache-control', 'no-store')
        .set('x-request-id', requestIdFrom(req.headers['x-request-id']));
      if (format === 'csv') {
        res.type('text/csv; charset=utf-8').send(toCsv(table));
      } else {
        res.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await toXlsx(excel!, operation.name, table));
      }
    } catch (error) {
      next(error);
    }
  };
}
