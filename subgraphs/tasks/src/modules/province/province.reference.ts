import type { ProvinceRef } from './province.types';

/**
 * `_entities` for Province: a plain object, no database access; fields load through the
 * per-request loaders. `communeCount` arrives when a `@requires` field is asked for.
 */
export const provinceReference = {
  Province: {
    __resolveReference: (ref: { code: string; communeCount?: number }): ProvinceRef => ({ code: ref.code, communeCount: ref.communeCount }),
  },
};
