import { batchKey, formatSummary, KINDS, parseImportArgs, readRows, UsageError } from './import';

describe('npm run import arguments', () => {
  it('reads kind, file, token (flag or KH02_TOKEN), url, batch and reason', () => {
    expect(parseImportArgs(['--kind', 'online-applications', '--file', 'rows.csv'], { KH02_TOKEN: 't' })).toEqual({
      kind: 'online-applications',
      file: 'rows.csv',
      token: 't',
      url: 'http://localhost:4000/graphql',
      batchSize: 500,
      reason: undefined,
    });
    expect(parseImportArgs(['--kind', 'progress', '--file', 'f', '--token', 'x', '--batch', '10', '--url', 'http://h/graphql'], {})).toMatchObject({
      token: 'x',
      batchSize: 10,
      url: 'http://h/graphql',
    });
  });
  it('every mistake is a UsageError saying what to change', () => {
    expect(() => parseImportArgs(['--kind', 'nope', '--file', 'f'], { KH02_TOKEN: 't' })).toThrow(UsageError);
    expect(() => parseImportArgs(['--kind', 'progress'], { KH02_TOKEN: 't' })).toThrow(/--file/);
    expect(() => parseImportArgs(['--kind', 'progress', '--file', 'f'], {})).toThrow(/KH02_TOKEN/);
    expect(() => parseImportArgs(['--kind', 'progress', '--file', 'f', '--batch', '5000'], { KH02_TOKEN: 't' })).toThrow(/--batch/);
    expect(() => parseImportArgs(['--kind', 'progress', '--file', 'f', '--reason', 'x'], { KH02_TOKEN: 't' })).toThrow(/--reason/);
    expect(() => parseImportArgs(['--verbose', 'x'], {})).toThrow(/Unknown argument/);
  });
});

describe('CSV rows', () => {
  it('converts by column type and leaves empty optional cells out', () => {
    expect(readRows('assignmentId,percent,completed,note\n12,40,,first\n13,,yes,\n', KINDS.progress)).toEqual([
      { assignmentId: 12, percent: 40, note: 'first' },
      { assignmentId: 13, completed: true },
    ]);
  });
  it('names the line of a value that does not fit its column, and an unknown or missing column', () => {
    expect(() => readRows('communeCode,date,count\n00004,2025-08-01,many\n', KINDS['synced-records'])).toThrow('Line 2: count "many" is not a whole number.');
    expect(() => readRows('communeCode,date\n00004,2025-08-01\n', KINDS['synced-records'])).toThrow(/lacks count/);
    expect(() => readRows('communeCode,date,count,extra\n00004,2025-08-01,1,x\n', KINDS['synced-records'])).toThrow(/Unknown CSV column/);
  });
  it('derives each batch\u2019s Idempotency-Key from the file, the kind, the batch size and its place', () => {
    const k = batchKey('a,b\n1,2\n', 'progress', 500, 0);
    expect(k).toBe(batchKey('a,b\n1,2\n', 'progress', 500, 0));
    expect(
      new Set([k, batchKey('a,b\n1,3\n', 'progress', 500, 0), batchKey('a,b\n1,2\n', 'progress', 500, 1), batchKey('a,b\n1,2\n', 'progress', 100, 0)]).size,
    ).toBe(4);
  });
  it('summarises', () => {
    expect(formatSummary('progress', { rows: 3, batches: 1, written: 3, corrected: 0, refusedBatches: 0, refusedRows: 0, alreadySent: 0, rowErrors: [] })).toBe(
      'progress: 3 rows in 1 batches — 3 written, 0 corrected, 0 batches already sent before (nothing new), 0 batches refused (0 rows not written).',
    );
  });
});
