import { COUNTRY_CODE, vietnam, type Country } from './country.types';

/** `_entities` for Country: "VN" is the only country; any other code is null. */
export const countryReference = {
  Country: {
    __resolveReference: (ref: { code: string }): Country | null => (ref.code === COUNTRY_CODE ? vietnam() : null),
  },
};
