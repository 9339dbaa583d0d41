#!/usr/bin/env node
// The same rule as common/src/runtime.ts (which every main() applies), in plain CommonJS so that it
// runs before anything is compiled, on any Node: the one line a user on an
// unsupported runtime sees instead of a native-module crash later (better-sqlite3 13 needs >= 22).
'use strict';
const SUPPORTED = [22, 24];
const major = Number(process.versions.node.split('.')[0]);
if (!SUPPORTED.includes(major)) {
  process.stderr.write(
    `KH02 needs Node.js 22 or 24 (LTS); this is Node.js ${process.versions.node}. See "Contributing" in the README for a one-line install.\n`,
  );
  process.exit(1);
}
