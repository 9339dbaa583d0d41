/** The Node.js major versions the platform supports (LTS lines; better-sqlite3 13 needs 22 or later). */
export const SUPPORTED_NODE_MAJORS: readonly number[] = Object.freeze([22, 24]);

/**
 * The one line an unsupported runtime gets, or undefined when `version` is supported.
 * @param version a `process.versions.node` string, e.g. `"24.21.0"`
 */
export function unsupportedNodeMessage(version: string = process.versions.node): string | undefined {
  const major = Number(version.split('.')[0]);
  if (SUPPORTED_NODE_MAJORS.includes(major)) return undefined;
  return `KH02 needs Node.js ${SUPPORTED_NODE_MAJORS.join(' or ')} (LTS); this is Node.js ${version}.`;
}

/** Exits the process with that one line on stderr when the runtime is not supported; used first by every `main`. */
export function exitOnUnsupportedNode(): void {
  const message = unsupportedNodeMessage();
  if (message) {
    process.stderr.write(`${message}\n`);
    process.exit(1);
  }
}
