import { registerEnumType } from 'type-graphql';

/** Sort direction for every `orderBy` and ranking. */
export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}

registerEnumType(SortDirection, {
  name: 'SortDirection',
  description: 'Sort direction.',
  valuesConfig: {
    ASC: { description: 'Smallest first (A→Z, 0→9, oldest first).' },
    DESC: { description: 'Largest first (Z→A, 9→0, newest first).' },
  },
});
