import { COUNTRY_CODE, CountryRef } from './country.types';

/** `_entities` for Country: "VN" is the only country; any other code is null. No database access. */
export const countryReference = {
  Country: {
    __resolveReference: (ref: { code: string; communeCount?: number }): CountryRef | null =>
      ref.code === COUNTRY_CODE ? Object.assign(new CountryRef(), { code: ref.code, communeCount: ref.communeCount }) : null,
  },
};
