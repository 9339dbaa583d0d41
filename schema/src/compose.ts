import { composeServices } from '@apollo/composition';
import composition from '@apollo/composition/package.json';
import { printSubgraphSchema } from '@apollo/subgraph';
import { SUBGRAPHS, type SubgraphEntry } from '@kh02/common';
import { subgraphModuleOf } from '@kh02/subgraph-kit';
import { parse } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';
import { apiSchemaOf, breakingChanges, unacknowledged } from './api';

/** The schema folder (this file runs from schema/src or schema/dist). */
export const SCHEMA_DIR = path.resolve(__dirname, '..');

/** The Federation version Rover composes with: the one `@apollo/composition` here implements. */
const FEDERATION_VERSION = composition.version;

/** A subgraph's routing URL on a laptop (the gateway's `<NAME>_URL` overrides it). */
function routingUrl(entry: SubgraphEntry): string {
  return `http://127.0.0.1:${entry.defaultPort}/graphql`;
}

/**
 * `schema/supergraph.yaml`, Rover's config, written from the registry: one entry per subgraph,
 * its SDL file and its default routing URL.
 */
export function supergraphYaml(entries: readonly SubgraphEntry[] = SUBGRAPHS): string {
  const header = [
    '# Generated from the subgraph registry (common/src/registry.ts) by `npm run schema:compose`; do not edit.',
    '# Rover-compatible: `rover supergraph compose --config schema/supergraph.yaml` gives the same',
    "# supergraph as `npm run schema:compose` (which prints each subgraph's SDL first).",
  ];
  const config = {
    federation_version: `=${FEDERATION_VERSION}`,
    subgraphs: Object.fromEntries(entries.map((e) => [e.name, { routing_url: routingUrl(e), schema: { file: `./${e.name}.graphql` } }])),
  };
  return `${header.join('\n')}\n${stringify(config)}`;
}

/** The generated files: each subgraph's SDL and the supergraph, by path. */
export interface Composition {
  files: Map<string, string>;
  errors: string[];
}

/**
 * Prints every registered subgraph's SDL (each package's `subgraphModule.buildSchema()`), composes
 * the supergraph from them with `@apollo/composition`, and writes Rover's `supergraph.yaml`.
 */
export async function compose(): Promise<Composition> {
  const files = new Map<string, string>();
  const services = [];
  for (const entry of SUBGRAPHS) {
    const module = subgraphModuleOf(await import(entry.package), entry);
    const sdl = `${printSubgraphSchema(await module.buildSchema()).trim()}\n`;
    files.set(path.join(SCHEMA_DIR, `${entry.name}.graphql`), sdl);
    services.push({ name: entry.name, url: routingUrl(entry), typeDefs: parse(sdl) });
  }
  files.set(path.join(SCHEMA_DIR, 'supergraph.yaml'), supergraphYaml());
  const result = composeServices(services);
  if (result.errors) return { files, errors: result.errors.map((e) => e.message) };
  files.set(path.join(SCHEMA_DIR, 'supergraph.graphql'), `${result.supergraphSdl.trim()}\n`);
  files.set(path.join(SCHEMA_DIR, 'api.graphql'), apiSchemaOf(result.supergraphSdl));
  return { files, errors: [] };
}

/** The last released client API (`schema/released/api.graphql`) and the changelog acknowledging breaking changes since. */
export const RELEASED_API = path.join(SCHEMA_DIR, 'released', 'api.graphql');
export const CHANGELOG = path.join(SCHEMA_DIR, 'CHANGELOG.md');

/**
 * Breaking changes from the released API to the composed one that `schema/CHANGELOG.md` does not
 * acknowledge (format: `acknowledgedPaths` in api.ts), as lines to print; empty when all is well.
 */
export async function unacknowledgedBreakingChanges(composition: Composition): Promise<string[]> {
  const current = composition.files.get(path.join(SCHEMA_DIR, 'api.graphql'));
  if (!current) return [];
  const changes = await breakingChanges(readFileSync(RELEASED_API, 'utf8'), current);
  return unacknowledged(changes, readFileSync(CHANGELOG, 'utf8')).map((c) => `${c.path}: ${c.message}`);
}

/** Files whose committed content differs from what composition produces now. */
export function staleFiles(composition: Composition): string[] {
  return [...composition.files]
    .filter(([file, content]) => {
      try {
        return readFileSync(file, 'utf8') !== content;
      } catch {
        return true;
      }
    })
    .map(([file]) => path.relative(SCHEMA_DIR, file));
}

async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const composition = await compose();
  if (composition.errors.length > 0) {
    process.stderr.write(`Composition failed with ${composition.errors.length} error(s):\n${composition.errors.map((e) => `  - ${e}`).join('\n')}\n`);
    process.exit(1);
  }
  if (check) {
    const stale = staleFiles(composition);
    if (stale.length > 0) {
      process.stderr.write(`Stale schema files: ${stale.join(', ')}. Run npm run schema:compose and commit them.\n`);
      process.exit(1);
    }
    const breaking = await unacknowledgedBreakingChanges(composition);
    if (breaking.length > 0) {
      process.stderr.write(
        `${breaking.length} breaking change(s) against schema/released/api.graphql not acknowledged in schema/CHANGELOG.md (add "- BREAKING \`<path>\`: <what clients do>" under "## Unreleased"):\n${breaking.map((b) => `  - ${b}`).join('\n')}\n`,
      );
      process.exit(1);
    }
    process.stdout.write('Schema files are up to date; no unacknowledged breaking change against the released API.\n');
    return;
  }
  for (const [file, content] of composition.files) writeFileSync(file, content);
  process.stdout.write(`Wrote ${[...composition.files.keys()].map((f) => path.relative(process.cwd(), f)).join(', ')}\n`);
}

if (require.main === module) {
  main().catch((error) => {
    process.stderr.write(`${(error as Error).stack}\n`);
    process.exit(1);
  });
}
