import { execFileSync } from 'node:child_process';
import path from 'node:path';

// The gateway knows subgraphs by URL only: loading it must not load an ORM, a database driver or
// the dataset (CONVENTIONS: "packages load what they use"). Checked on the built package, as a
// process runs it, so that a stray import anywhere in its graph fails here.
test('loading the gateway loads no ORM, database driver, subgraph kit or dataset', () => {
  const entry = path.join(__dirname, '../dist/index.js');
  const script = `require(${JSON.stringify(entry)}); process.stdout.write(JSON.stringify(Object.keys(require.cache)));`;
  const loaded = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' })) as string[];
  expect(loaded.some((f) => f.includes(`${path.sep}@apollo${path.sep}gateway${path.sep}`))).toBe(true);
  const heavy = loaded.filter((f) => /[\\/](@mikro-orm|pg|better-sqlite3|knex|subgraph-kit|kit[\\/]dist)[\\/]|[\\/]dataset[\\/]/.test(f));
  expect(heavy).toEqual([]);
});
