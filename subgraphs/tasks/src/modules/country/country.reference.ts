import { COUNTRY_CODE, type CountryRef } from './country.types';

/** `_entities` for Country: "VN" is the only country; any other code is null. */
export const countryReference = {
  Country: {
    __resolveReference: (ref: { code: string; communeCount?: number }): CountryRef | null =>
      ref.code === COUNTRY_CODE ? { code: ref.code, communeCount: ref.communeCount } : null,
  },
};
