import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startPlatform, type Platform } from './harness';

/**
 * `npm run import` end to end: the compiled command against a platform the harness started,
 * through the gateway with a bearer token (KH02_TOKEN), in batches, all or nothing per batch, and
 * a re-run of the same file writing nothing new.
 */
let p: Platform;
let dir: string;
beforeAll(async () => {
  p = await startPlatform({ fraction: 0.1 });
  dir = mkdtempSync(path.join(os.tmpdir(), 'kh02-import-'));
}, 600_000);
afterAll(async () => {
  await p?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const script = path.resolve(__dirname, '../../scripts/dist/import.js');

/** Runs the command; resolves with its exit code, stdout and stderr (a non-zero exit is not an exception). */
function runImport(args: string[], token?: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [script, '--url', p.url, ...args],
      { env: { PATH: process.env.PATH, ...(token ? { KH02_TOKEN: token } : {}) }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

function csv(name: string, lines: string[]): string {
  const file = path.join(dir, name);
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

const AUGUST = `{ province(code: "01") { onlineApplications(from: "2025-08-01", to: "2025-08-31") { received } } }`;

test('online applications: a batch with a bad row writes nothing and names the line; the others land; a re-run writes nothing new', async () => {
  const partner = await p.token(['--role', 'partner', '--scopes', 'write:applications']);
  const admin = await p.token(['--role', 'admin']);
  const header = 'provinceCode,date,received,submittedOnline,resultsOnline';
  const days = Array.from({ length: 9 }, (_, i) => `01,2025-08-0${i + 1},100,40,5`);
  // Batches of 4: rows 1–4, 5–8 (the bad one, line 7: 90 online of 10 received), 9.
  const bad = [...days.slice(0, 5), '01,2025-08-06,10,90,5', ...days.slice(6)];
  const first = await runImport(['--kind', 'online-applications', '--file', csv('bad.csv', [header, ...bad]), '--batch', '4'], partner);
  expect(first.code).toBe(1);
  expect(first.stderr).toContain('line 7, submittedOnline:');
  expect(first.stderr).toMatch(/3\/3 batches, 9\/9 rows/);
  expect(first.stdout).toContain(
    '9 rows in 3 batches — 5 written, 0 corrected, 0 batches already sent before (nothing new), 1 batches refused (4 rows not written).',
  );
  expect((await p.query(AUGUST, {}, { authorization: `Bearer ${admin}` })).data.province.onlineApplications.received).toBe(500);

  const file = csv('good.csv', [header, ...days]);
  const second = await runImport(['--kind', 'online-applications', '--file', file, '--batch', '4'], partner);
  // Batches 1 and 3 re-send stored days (a correction the partner may not make); batch 2's days were refused the first time, so they land now.
  expect(second.stderr).toMatch(/line 2, row: .*already stored/);
  expect([second.code, second.stdout]).toEqual([
    1,
    expect.stringContaining('4 written, 0 corrected, 0 batches already sent before (nothing new), 2 batches refused (5 rows not written)'),
  ]);
  expect((await p.query(AUGUST, {}, { authorization: `Bearer ${admin}` })).data.province.onlineApplications.received).toBe(900);

  const fresh = csv('fresh.csv', [header, ...['10', '11', '12'].map((d) => `01,2025-08-${d},100,40,5`)]);
  const third = await runImport(['--kind', 'online-applications', '--file', fresh], partner);
  expect([third.code, third.stdout.trim()]).toEqual([
    0,
    'online-applications: 3 rows in 1 batches — 3 written, 0 corrected, 0 batches already sent before (nothing new), 0 batches refused (0 rows not written).',
  ]);
  const again = await runImport(['--kind', 'online-applications', '--file', fresh], partner);
  expect([again.code, again.stdout.trim()]).toEqual([
    0,
    'online-applications: 3 rows in 1 batches — 0 written, 0 corrected, 1 batches already sent before (nothing new), 0 batches refused (0 rows not written).',
  ]);
  expect((await p.query(AUGUST, {}, { authorization: `Bearer ${admin}` })).data.province.onlineApplications.received).toBe(1200);
}, 120_000);

test('progress and assessments from CSV as an admin; synced records; usage mistakes exit 2; a missing right stops the run', async () => {
  const admin = await p.token(['--role', 'admin']);
  const c = await p.query(`{ province(code: "04") { communes(first: 1) { edges { node { code } } } } }`);
  const commune = c.data.province.communes.edges[0].node.code;
  const a = await p.query(`query($c: ID!) { commune(code: $c) { assignments { number } } }`, { c: commune });
  const numbers = a.data.commune.assignments.map((x: any) => x.number).slice(0, 2);
  const progress = await runImport(
    ['--kind', 'progress', '--file', csv('progress.csv', ['assignmentId,percent,completed,note', `${numbers[0]},40,,first`, `${numbers[1]},,true,done`])],
    admin,
  );
  expect([progress.code, progress.stdout]).toEqual([0, expect.stringContaining('2 written')]);
  const criteria = await p.query(`{ criteria { code } }`);
  const code = criteria.data.criteria[0].code;
  const assessments = await runImport(
    ['--kind', 'assessments', '--file', csv('assessments.csv', ['communeCode,criterionCode,met,note', `${commune},${code},true,ok`, `${commune},NOPE,false,`])],
    admin,
  );
  expect(assessments.code).toBe(1);
  expect(assessments.stderr).toContain('line 3, criterionCode:');
  const synced = await runImport(['--kind', 'synced-records', '--file', csv('synced.csv', ['communeCode,date,count', `${commune},2025-08-01,7`])], admin);
  expect([synced.code, synced.stdout]).toEqual([0, expect.stringContaining('1 written')]);

  expect((await runImport(['--kind', 'nope', '--file', 'x.csv'], admin)).code).toBe(2);
  expect((await runImport(['--kind', 'progress', '--file', csv('p.csv', ['assignmentId,percent'])])).stderr).toContain('KH02_TOKEN');
  const notNumber = await runImport(['--kind', 'synced-records', '--file', csv('nan.csv', ['communeCode,date,count', `${commune},2025-08-02,many`])], admin);
  expect([notNumber.code, notNumber.stderr.trim()]).toEqual([2, 'Line 2: count "many" is not a whole number.']);
  const analyst = await p.token(['--role', 'analyst']);
  const forbidden = await runImport(['--kind', 'synced-records', '--file', csv('s2.csv', ['communeCode,date,count', `${commune},2025-08-03,1`])], analyst);
  expect([forbidden.code, forbidden.stderr]).toEqual([1, expect.stringContaining('FORBIDDEN')]);
}, 120_000);
