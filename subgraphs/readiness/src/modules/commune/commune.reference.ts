import { communeRef, type CommuneRef } from './commune.types';

/** `_entities` for Commune: no database access; the fields batch their own reads through loaders. */
export const communeReference = {
  Commune: {
    __resolveReference: (ref: { code: string }): CommuneRef => communeRef(ref.code),
  },
};
