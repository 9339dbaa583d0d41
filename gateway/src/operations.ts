import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';

/** The repository's `operations/` folder: the saved operations (this file runs from gateway/dist or gateway/src). */
export const DEFAULT_OPERATIONS_DIR = path.resolve(__dirname, '../../operations');

/** The manifest file, beside the operations it lists. */
export const MANIFEST_FILE = 'manifest.json';

/** One saved operation: what the playground lists, exports run and the safelist admits. */
export interface SavedOperation {
  /** The operation's name, also its file name (`<name>.graphql`). */
  name: string;
  type: 'query' | 'mutation' | 'subscription';
  /** The document as printed by graphql-js (comments dropped): the text the manifest's id hashes. */
  body: string;
  /** SHA-256 (lower-case hex) of `body`: the persisted-operation id. */
  id: string;
  /** The comment at the top of the file: what question the operation answers. */
  description: string;
}

/** Apollo's persisted query manifest format (what `@apollo/generate-persisted-query-manifest` writes). */
export interface PersistedQueryManifest {
  format: 'apollo-persisted-query-manifest';
  version: 1;
  operations: { id: string; name: string; type: SavedOperation['type']; body: string }[];
}

/** SHA-256 of a text, lower-case hex: the id of a persisted operation. */
export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * Reads every `<Name>.graphql` in the folder: exactly one named operation per file, named as
 * the file, without fragments from other files. Sorted by name. Throws on a file that breaks
 * these rules (a saved operation must be what its file name says).
 */
export function loadSavedOperations(dir: string = DEFAULT_OPERATIONS_DIR): SavedOperation[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  return files.map((file) => {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const document = parse(text);
    const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
    const expected = path.basename(file, '.graphql');
    if (operations.length !== 1 || operations[0].name?.value !== expected) {
      throw new Error(`operations/${file} must hold exactly one operation, named ${expected}.`);
    }
    const body = print(document);
    const description = text
      .split('\n')
      .filter((line) => line.startsWith('#'))
      .map((line) => line.replace(/^#\s?/, ''))
      .join(' ')
      .trim();
    return { name: expected, type: operations[0].operation, body, id: sha256(body), description };
  });
}

/** The persisted-operation manifest of the saved operations (ids are SHA-256 of the bodies). */
export function manifestOf(operations: readonly SavedOperation[]): PersistedQueryManifest {
  return {
    format: 'apollo-persisted-query-manifest',
    version: 1,
    operations: operations.map(({ id, name, type, body }) => ({ id, name, type, body })),
  };
}

/** The manifest as committed: two-space JSON with a final newline. */
export function manifestText(operations: readonly SavedOperation[]): string {
  return `${JSON.stringify(manifestOf(operations), null, 2)}\n`;
}
