import { databaseUrlVariable, portVariable, SUBGRAPHS, subgraphEntry } from '@kh02/common';
import { migrate, subgraphModuleOf, type SubgraphModule } from '@kh02/subgraph-kit';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { subgraphService } from '../start';
import { freePort, HOST, spawnNode, waitForHttp, type Proc } from './common';

/** What the bench needs of a subgraph package: its descriptor. */
export type SubgraphPackage = SubgraphModule;

/** Loads the registered subgraph `name`'s descriptor from its package. */
export async function loadSubgraphPackage(name: string): Promise<SubgraphPackage> {
  const entry = subgraphEntry(name);
  return subgraphModuleOf(await import(entry.package), entry);
}

/** Every registered subgraph's descriptor, in registry order (a subgraph joins the bench when it joins the registry). */
export async function loadSubgraphPackages(): Promise<SubgraphPackage[]> {
  const packages: SubgraphPackage[] = [];
  for (const entry of SUBGRAPHS) packages.push(await loadSubgraphPackage(entry.name));
  return packages;
}

/** One data set: a SQLite file per subgraph, seeded with `fraction` of the communes. */
export interface DataSet {
  fraction: number;
  /** `sqlite:<file>` by subgraph name. */
  urls: Record<string, string>;
}

/** A fresh temporary folder for the run's databases; removed by `cleanup()`. */
export function tempDataDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kh02-bench-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Migrates and seeds one SQLite file per subgraph (the processes then start with SEED=false). */
export async function seedDataSet(packages: SubgraphPackage[], dir: string, fraction: number): Promise<DataSet> {
  const urls: Record<string, string> = {};
  for (const pkg of packages) {
    const url = `sqlite:${path.join(dir, `${pkg.name}-${Math.round(fraction * 100)}.sqlite`)}`;
    const subgraph = await pkg.createSubgraph({ databaseUrl: url });
    try {
      await migrate(subgraph.orm);
      await pkg.seed(subgraph.orm.em.fork(), { fraction });
    } finally {
      // The server was never started: close the database only (tasks' close() insists on a started server).
      await subgraph.orm.close();
    }
    urls[pkg.name] = url;
  }
  return { fraction, urls };
}

/**
 * Starts one process per subgraph on a data set's files (as `npm start` runs them, with `env`),
 * waits until each answers `/health`, and resolves with each one's `/graphql` URL and process.
 */
export async function startSubgraphProcesses(
  packages: SubgraphPackage[],
  data: DataSet,
  env: Record<string, string>,
  nodeOptions: (name: string) => string[] = () => [],
  label = '',
): Promise<{ urls: Record<string, string>; procs: Proc[] }> {
  const urls: Record<string, string> = {};
  const procs: Proc[] = [];
  await Promise.all(
    packages.map(async (pkg) => {
      const port = await freePort();
      const proc = spawnNode(
        `${pkg.name}${label}`,
        [subgraphService(subgraphEntry(pkg.name)).entry],
        { ...env, KH02_SERVICE: pkg.name, [portVariable(pkg.name)]: String(port), [databaseUrlVariable(pkg.name)]: data.urls[pkg.name] },
        nodeOptions(pkg.name),
      );
      await waitForHttp(`http://${HOST}:${port}/health`, proc);
      urls[pkg.name] = `http://${HOST}:${port}/graphql`;
      procs.push(proc);
    }),
  );
  return { urls, procs };
}
