/**
 * Global object identifiers: `<Type>:<key>`, e.g. "Province:01", and for an object whose values
 * are read at a moment, `<Type>:<key>@<instant in UTC>`, e.g.
 * "Assignment:2413@2025-07-31T09:00:00.000Z". Client caches (Apollo Client, Relay) normalise on
 * them: an id never names two different sets of values.
 */
export function globalId(typename: string, key: string | number): string {
  return `${typename}:${key}`;
}

/** The id of an object read at a moment: the moment is part of its identity. */
export function momentId(typename: string, key: string | number, at: Date): string {
  return `${globalId(typename, key)}@${at.toISOString()}`;
}

/** The description of every `id` field, for the type it is on. */
export function idDescription(typename: string, key: string, example: string): string {
  return `Globally unique, stable identifier "${typename}:<${key}>", e.g. "${example}": what client caches normalise on. Opaque: read codes from \`${key}\`, not from the id.`;
}
