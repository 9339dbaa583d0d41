import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse, type GraphQLSchema } from 'graphql';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';

/** The schema folder (this file runs from schema/src or schema/dist). */
export const SCHEMA_DIR = path.resolve(__dirname, '..');

/** How to build each subgraph's schema, by its one name. */
const BUILDERS: Record<string, () => Promise<GraphQLSchema>> = {
  geography: async () => (await import('@kh02/geography')).buildGeographySchema(),
  tasks: async () => (await import('@kh02/tasks')).buildTasksSchema(),
  readiness: async () => (await import('@kh02/readiness')).buildReadinessSchema(),
};

interface SupergraphYaml {
  subgraphs: Record<string, { routing_url: string; schema: { file: string } }>;
}

/** The generated files: each subgraph's SDL and the supergraph, by path. */
export interface Composition {
  files: Map<string, string>;
  errors: string[];
}

/** Prints every subgraph's SDL and composes the supergraph from them with `@apollo/composition`. */
export async function compose(): Promise<Composition> {
  const config = parseYaml(readFileSync(path.join(SCHEMA_DIR, 'supergraph.yaml'), 'utf8')) as SupergraphYaml;
  const files = new Map<string, string>();
  const services = [];
  for (const [name, entry] of Object.entries(config.subgraphs)) {
    const build = BUILDERS[name];
    if (!build) return { files, errors: [`supergraph.yaml names subgraph "${name}", which compose.ts does not know how to build`] };
    const sdl = `${printSubgraphSchema(await build()).trim()}\n`;
    files.set(path.join(SCHEMA_DIR, entry.schema.file), sdl);
    services.push({ name, url: entry.routing_url, typeDefs: parse(sdl) });
  }
  const result = composeServices(services);
  if (result.errors) return { files, errors: result.errors.map((e) => e.message) };
  files.set(path.join(SCHEMA_DIR, 'supergraph.graphql'), `${result.supergraphSdl.trim()}\n`);
  return { files, errors: [] };
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
    process.stdout.write('Schema files are up to date.\n');
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
