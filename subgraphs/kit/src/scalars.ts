import { DateTimeScalar } from '@kh02/common';

/** Scalars the type-graphql classes map to: `Date` fields are instants (`DateTime`). */
export const scalarsMap = [{ type: Date, scalar: DateTimeScalar }];
