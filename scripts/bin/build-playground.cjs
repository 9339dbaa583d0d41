#!/usr/bin/env node
// Builds the offline playground (GraphiQL + React, bundled by Vite) into playground/dist, which
// the gateway serves at /graphql to browsers. Installs playground/ from its own lockfile first
// (once per lockfile: scripts/bin/install-isolated.cjs), and skips the build when dist is newer
// than every source. `npm start` runs it; so does the playground's browser test.
// Usage: node scripts/bin/build-playground.cjs [--force]
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..');
const dir = path.join(root, 'playground');
const built = path.join(dir, 'dist', 'index.html');

/** The newest modification time under a file or folder. */
function newest(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(file).reduce((max, name) => Math.max(max, newest(path.join(file, name))), stat.mtimeMs);
}

execFileSync(process.execPath, [path.join(__dirname, 'install-isolated.cjs'), 'playground'], { stdio: 'inherit' });
const sources = ['index.html', 'src', 'vite.config.mjs', 'package-lock.json', path.join('node_modules', '.kh02-lock-sha256')].map((f) => path.join(dir, f));
const upToDate = existsSync(built) && statSync(built).mtimeMs >= Math.max(...sources.filter(existsSync).map(newest));
if (upToDate && !process.argv.includes('--force')) process.exit(0);
process.stdout.write('Building the playground (GraphiQL) into playground/dist…\n');
execFileSync(process.execPath, [path.join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: dir, stdio: 'inherit' });
