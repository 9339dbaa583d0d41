import type { GeographyContext } from '../../context';
import type { Commune } from './commune.entity';

/** `_entities` for Commune: through the per-request loader, so N representations cost one query. */
export const communeReference = {
  Commune: {
    __resolveReference: (ref: { code: string }, ctx: GeographyContext): Promise<Commune | null> => ctx.loaders.communeByCode.load(ref.code),
  },
};
