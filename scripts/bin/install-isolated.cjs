#!/usr/bin/env node
// Installs a folder that keeps its own package.json and lockfile outside the workspaces —
// scripts/bench-peer (the benchmark's peer arm, ~680 packages) or examples (the client examples
// with GraphQL Code Generator and Apollo Client) — once per lockfile. Users who never run the
// benchmark or the examples' tests never download them (`npm ci` at the root does not).
// Usage: node scripts/bin/install-isolated.cjs <folder relative to the repository root>
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const folder = process.argv[2];
if (!folder) {
  process.stderr.write('usage: install-isolated.cjs <folder>\n');
  process.exit(2);
}
const dir = path.resolve(__dirname, '..', '..', folder);
const lock = path.join(dir, 'package-lock.json');
if (!existsSync(lock)) {
  process.stderr.write(`${folder} has no package-lock.json\n`);
  process.exit(2);
}
const stamp = path.join(dir, 'node_modules', '.kh02-lock-sha256');
const hash = createHash('sha256').update(readFileSync(lock)).digest('hex');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);
process.stdout.write(`Installing ${folder} from its own lockfile (once)…\n`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
// A registry reached through a proxy fails now and then (a reset, once a certificate error seen in
// CI that the next attempt did not repeat): three attempts, a pause between them, then the error.
const ATTEMPTS = 3;
for (let attempt = 1; ; attempt++) {
  try {
    execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
    break;
  } catch (error) {
    if (attempt >= ATTEMPTS) throw error;
    process.stderr.write(`npm ci in ${folder} failed (attempt ${attempt} of ${ATTEMPTS}); trying again in ${5 * attempt} s\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000 * attempt);
  }
}
writeFileSync(stamp, hash);
