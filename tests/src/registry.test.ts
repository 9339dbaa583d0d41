import { SUBGRAPHS } from '@kh02/common';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { subgraphModules } from './harness';

// Adding a subgraph is one registry entry plus its package; these are the other places that must
// know the package (build order and module resolution), checked rather than trusted.
const ROOT = path.resolve(__dirname, '../..');
const json = (file: string) => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8'));

test('every registered subgraph is a workspace package named after it, exporting its descriptor', async () => {
  const workspaces: string[] = json('package.json').workspaces;
  const modules = await subgraphModules();
  for (const [i, entry] of SUBGRAPHS.entries()) {
    const folder = `subgraphs/${entry.name}`;
    expect(workspaces).toContain(folder);
    expect(json(`${folder}/package.json`).name).toBe(entry.package);
    expect(modules[i].name).toBe(entry.name);
    expect(modules[i].migrations.length).toBeGreaterThan(0);
  }
});

test('the workspaces that load subgraphs by registry depend on every registered package', () => {
  for (const consumer of ['schema', 'scripts', 'tests']) {
    const dependencies = Object.keys(json(`${consumer}/package.json`).dependencies);
    const references = (json(`${consumer}/tsconfig.json`).references as { path: string }[]).map((r) => path.join(consumer, r.path));
    for (const entry of SUBGRAPHS) {
      expect({ consumer, dependency: dependencies.includes(entry.package) }).toEqual({ consumer, dependency: true });
      expect({ consumer, reference: references.includes(`subgraphs/${entry.name}`) }).toEqual({ consumer, reference: true });
    }
  }
});
