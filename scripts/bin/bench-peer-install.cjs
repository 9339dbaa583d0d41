#!/usr/bin/env node
// Installs the benchmark's peer arm (Hive Gateway) into scripts/bench-peer/node_modules from its
// own lockfile, once per lockfile: users who never run the benchmark never download its ~680
// packages (`npm ci` at the root does not), and `npm run bench` stays one command.
'use strict';
const { createHash } = require('node:crypto');
const { execFileSync } = require('node:child_process');
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dir = path.join(__dirname, '..', 'bench-peer');
const stamp = path.join(dir, 'node_modules', '.kh02-lock-sha256');
const hash = createHash('sha256').update(readFileSync(path.join(dir, 'package-lock.json'))).digest('hex');
if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) process.exit(0);
process.stdout.write('Installing the benchmark peer arm (Hive Gateway) into scripts/bench-peer (once)…\n');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, stdio: 'inherit' });
writeFileSync(stamp, hash);
