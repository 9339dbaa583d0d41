import { DEFAULT_OPERATIONS_DIR, loadSavedOperations, manifestText, MANIFEST_FILE } from '@kh02/gateway/dist/operations';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * `npm run operations:manifest`: writes operations/manifest.json, the persisted-operation manifest
 * (Apollo's format, SHA-256 ids) of the saved operations; `--check` only fails when it is stale.
 */
function main(): void {
  const file = path.join(DEFAULT_OPERATIONS_DIR, MANIFEST_FILE);
  const text = manifestText(loadSavedOperations(DEFAULT_OPERATIONS_DIR));
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    // no manifest yet
  }
  if (process.argv.includes('--check')) {
    if (current !== text) {
      process.stderr.write('operations/manifest.json is stale: run npm run operations:manifest and commit it.\n');
      process.exit(1);
    }
    return;
  }
  if (current !== text) writeFileSync(file, text);
  process.stdout.write(`operations/manifest.json: ${JSON.parse(text).operations.length} operations.\n`);
}

main();
