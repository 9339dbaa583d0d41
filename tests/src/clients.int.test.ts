import { createHash } from 'node:crypto';
import { startPlatform, type Platform } from './harness';

// Issue #12: what a frontend cache, a code generator and a browser on another origin rely on.
const JUNE_20 = '2025-06-20T16:00:00+07:00';
const JULY_31 = '2025-07-31T16:00:00+07:00';

let platform: Platform;
let communeCode: string;
beforeAll(async () => {
  platform = await startPlatform({ fraction: 0.1 });
  const found = await platform.query(
    `{ tasks(filter: { levels: [COMMUNE] }, first: 1) { edges { node { assignments(first: 1) { edges { node { commune { code } } } } } } } }`,
  );
  communeCode = found.data.tasks.edges[0].node.assignments.edges[0].node.commune.code;
});
afterAll(() => platform?.close());

async function post(body: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

test('one id never carries two readings: the same commune at two moments in one request', async () => {
  const result = await platform.query(
    `query ($c: ID!) {
    a: commune(code: $c) { assignments(asOf: "${JUNE_20}") { id number percent } }
    b: commune(code: $c) { assignments(asOf: "${JULY_31}") { id number percent } }
  }`,
    { c: communeCode },
  );
  expect(result.errors).toBeUndefined();
  const percentById = new Map<string, number>();
  const rows = [...result.data.a.assignments, ...result.data.b.assignments];
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    if (percentById.has(row.id)) expect(percentById.get(row.id)).toBe(row.percent);
    percentById.set(row.id, row.percent);
  }
  // Both readings of one assignment are there, under different ids, with the same number.
  expect(result.data.a.assignments[0].number).toBe(result.data.b.assignments[0].number);
  expect(result.data.a.assignments[0].id).not.toBe(result.data.b.assignments[0].id);
});

test('every entity has a global id: 34 distinct province ids, and the other types', async () => {
  const result = await platform.query(`{
    provinces { id }
    country { id }
    criteria { id }
    plan { id groups { id } tasks(first: 3) { edges { node { id } } } }
    commune(code: "${communeCode}") { id }
  }`);
  expect(result.errors).toBeUndefined();
  const ids = result.data.provinces.map((p: { id: string }) => p.id);
  expect(ids).toHaveLength(34);
  expect(new Set(ids).size).toBe(34);
  expect(ids).toContain('Province:01');
  expect(result.data.country.id).toBe('Country:VN');
  expect(result.data.commune.id).toBe(`Commune:${communeCode}`);
  expect(result.data.plan.id).toMatch(/^Plan:/);
  for (const c of result.data.criteria) expect(c.id).toMatch(/^Criterion:/);
  for (const g of result.data.plan.groups) expect(g.id).toMatch(/^TaskGroup:/);
});

test('asOf takes LATEST, a calendar date (end of that Vietnam day) or a date-time', async () => {
  const result = await platform.query(`{
    latest: country { progress(asOf: "LATEST") { asOf } }
    byDefault: country { progress { asOf } }
    day: country { progress(asOf: "2025-07-25") { asOf } }
    reportingCutoffs
  }`);
  expect(result.errors).toBeUndefined();
  expect(result.data.latest.progress.asOf).toBe(new Date(JULY_31).toISOString());
  expect(result.data.byDefault.progress.asOf).toBe(new Date(JULY_31).toISOString());
  expect(result.data.day.progress.asOf).toBe(new Date('2025-07-25T23:59:59.999+07:00').toISOString());
  expect(result.data.reportingCutoffs.at(-1)).toBe(new Date(JULY_31).toISOString());
});

test('one bad asOf literal is one error, HTTP 400, naming the argument, before any subgraph is called', async () => {
  platform.resetCounters();
  const result = await platform.query(`{ provinces { greenCoverage(asOf: "2025-05-01") { percent } } }`);
  expect(result.status).toBe(400);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(result.errors![0].extensions.argument).toBe('asOf');
  expect(result.errors![0].locations).toBeDefined();
  expect(platform.subgraphFetches()).toBe(0);
});

test('one bad DateTime/AsOf variable is one error with locations and HTTP 400', async () => {
  platform.resetCounters();
  const result = await platform.query(`query ($at: AsOf) { country { progress(asOf: $at) { green } readiness(asOf: $at) { asOf } } }`, { at: 'yesterday' });
  expect(result.status).toBe(400);
  expect(result.errors).toHaveLength(1);
  expect(result.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  expect(result.errors![0].locations).toBeDefined();
  expect(platform.subgraphFetches()).toBe(0);
});

test('a wrong persisted-query hash is a BAD_REQUEST; an unknown one PERSISTED_QUERY_NOT_FOUND', async () => {
  const query = '{ country { code } }';
  const wrong = await post({ query, extensions: { persistedQuery: { version: 1, sha256Hash: 'f'.repeat(64) } } });
  expect(wrong.status).toBe(400);
  expect(wrong.body.errors[0].extensions.code).toBe('BAD_REQUEST');
  const unknown = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: createHash('sha256').update('{ nothing }').digest('hex') } } });
  expect(unknown.body.errors[0].extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');
});

test('CORS: an allowed origin gets Access-Control-Allow-Origin on the preflight and the answer; another origin does not', async () => {
  const preflight = (origin: string) =>
    fetch(platform.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
  const allowed = await preflight('http://localhost:5173');
  expect(allowed.status).toBe(204);
  expect(allowed.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
  expect(allowed.headers.get('access-control-allow-headers')).toContain('content-type');
  const other = await preflight('https://evil.example');
  expect(other.headers.get('access-control-allow-origin')).toBeNull();
  const answer = await post({ query: '{ country { code } }' }, { origin: 'http://localhost:5173' });
  expect(answer.status).toBe(200);
});
