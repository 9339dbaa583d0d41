import { migrate, type Subgraph } from '@kh02/subgraph-kit';
import type { EntityManager } from '@mikro-orm/core';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** What the bench needs of a subgraph package (loaded by name, so a subgraph joins when it lands). */
export interface SubgraphPackage {
  name: string;
  createSubgraph(options: { databaseUrl?: string; production?: boolean }): Promise<Subgraph<any>>;
  seed(em: EntityManager, options: { fraction?: number }): Promise<unknown>;
}

/** Loads `@kh02/<name>`: its `createSubgraph` and its `seed<Name>` function. */
export async function loadSubgraphPackage(name: string): Promise<SubgraphPackage> {
  const specifier = `@kh02/${name}`;
  const mod = (await import(specifier)) as Record<string, unknown>;
  const seedName = `seed${name[0].toUpperCase()}${name.slice(1)}`;
  const seed = mod[seedName] as SubgraphPackage['seed'] | undefined;
  const createSubgraph = mod.createSubgraph as SubgraphPackage['createSubgraph'] | undefined;
  if (!seed || !createSubgraph) throw new Error(`${specifier} exports no createSubgraph/${seedName}`);
  return { name, createSubgraph, seed };
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
