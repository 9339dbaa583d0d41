import type { ReadinessContext } from '../../context';
import type { Criterion } from './criterion.entity';

/** `_entities` for Criterion: through the per-request loader (the catalogue, read once). */
export const criterionReference = {
  Criterion: {
    __resolveReference: (ref: { code: string }, ctx: ReadinessContext): Promise<Criterion | null> => ctx.loaders.criterionByCode.load(ref.code),
  },
};
