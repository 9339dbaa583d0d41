#!/usr/bin/env node
// Builds the monitoring page (web/, issue 14) into web/dist, which the gateway serves at `/`:
// installs web/ from its own lockfile once (scripts/bin/install-isolated.cjs web — ~400 packages
// that the root `npm ci` never downloads), then GraphQL Code Generator from schema/api.graphql, a
// type-check and `vite build`. Skipped when web/dist is newer than every source, the lockfile and
// the schema. `npm start` runs it before the platform starts; the browser test runs it too.
// Usage: node scripts/bin/build-web.cjs [--force]
'use strict';
const { execFileSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const WEB = path.join(ROOT, 'web');
const BUILT = path.join(WEB, 'dist', 'index.html');
const INPUTS = [
  path.join(WEB, 'src'),
  path.join(WEB, 'public'),
  path.join(WEB, 'index.html'),
  path.join(WEB, 'vite.config.ts'),
  path.join(WEB, 'codegen.yml'),
  path.join(WEB, 'tsconfig.json'),
  path.join(WEB, 'package.json'),
  path.join(WEB, 'package-lock.json'),
  path.join(ROOT, 'schema', 'api.graphql'),
];

/** The newest modification time under a file or folder (generated code excluded: codegen rewrites it). */
function newest(file) {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(file)) {
    if (entry === 'gql') continue;
    latest = Math.max(latest, newest(path.join(file, entry)));
  }
  return latest;
}

const force = process.argv.includes('--force');
const installed = existsSync(path.join(WEB, 'node_modules', '.kh02-lock-sha256'));
if (!force && installed && existsSync(BUILT) && statSync(BUILT).mtimeMs >= Math.max(...INPUTS.map(newest))) process.exit(0);

execFileSync(process.execPath, [path.join(__dirname, 'install-isolated.cjs'), 'web'], { cwd: ROOT, stdio: 'inherit' });
process.stdout.write('Building the monitoring page (web/dist)…\n');
const bin = (name) => path.join(WEB, 'node_modules', '.bin', name);
// Always a production build: a NODE_ENV of the caller's (jest's "test", the platform's "development")
// would otherwise give React's development build.
const env = { ...process.env, NODE_ENV: 'production' };
const run = (name, args) => execFileSync(bin(name), args, { cwd: WEB, env, stdio: ['ignore', 'ignore', 'inherit'] });
run('graphql-codegen', ['--config', 'codegen.yml', '--silent']);
run('tsc', ['--noEmit', '-p', 'tsconfig.json']);
run('vite', ['build', '--logLevel', 'warn']);
process.stdout.write('Built web/dist.\n');
