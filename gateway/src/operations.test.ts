import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'graphql';
import { DEFAULT_OPERATIONS_DIR, loadSavedOperations, MANIFEST_FILE, manifestText, sha256 } from './operations';

// The saved operations and their committed persisted-operation manifest (issue 13).
const operations = loadSavedOperations();

test('operations/manifest.json is current: regenerate it with `npm run operations:manifest`', () => {
  expect(readFileSync(path.join(DEFAULT_OPERATIONS_DIR, MANIFEST_FILE), 'utf8')).toBe(manifestText(operations));
});

test('the manifest is Apollo’s format: SHA-256 ids of the bodies, one named query per file', () => {
  const manifest = JSON.parse(readFileSync(path.join(DEFAULT_OPERATIONS_DIR, MANIFEST_FILE), 'utf8'));
  expect(manifest).toMatchObject({ format: 'apollo-persisted-query-manifest', version: 1 });
  for (const entry of manifest.operations) {
    expect(entry.id).toBe(sha256(entry.body));
    expect(entry.id).toMatch(/^[0-9a-f]{64}$/);
    expect(entry.type).toBe('query');
    expect(parse(entry.body).definitions).toHaveLength(1);
  }
});

test('the questions of the README and docs/DATASET.md are all saved, each described', () => {
  expect(operations.map((o) => o.name)).toEqual([
    'CommuneHistory',
    'GreenCoverageRanking',
    'NationalSummary',
    'OnlineSubmissionRanking',
    'OverdueTasks',
    'ProvinceCriteria',
    'ProvinceOverview',
    'ProvinceUnmetCriteria',
    'ReadinessRanking',
  ]);
  for (const o of operations) expect(o.description.length).toBeGreaterThan(40);
});
