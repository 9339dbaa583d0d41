import type { CommuneRef } from './commune.types';

/** `_entities` for Commune: a plain object, no database access; fields load through the per-request loaders. */
export const communeReference = {
  Commune: {
    __resolveReference: (ref: { code: string }): CommuneRef => ({ code: ref.code }),
  },
};
