import { ProvinceRef } from './province.types';

/**
 * `_entities` for Province: no database access, the representation is all the fields need
 * (`communeCount` arrives in it when a `@requires` field is asked for); the figures themselves
 * are batched by the field resolvers' loaders.
 */
export const provinceReference = {
  Province: {
    __resolveReference: (ref: { code: string; communeCount?: number }): ProvinceRef =>
      Object.assign(new ProvinceRef(), { code: ref.code, communeCount: ref.communeCount }),
  },
};
