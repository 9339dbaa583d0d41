import type { GeographyContext } from '../../context';
import type { Province } from './province.entity';

/** `_entities` for Province: through the per-request loader, so N representations cost one query. */
export const provinceReference = {
  Province: {
    __resolveReference: (ref: { code: string }, ctx: GeographyContext): Promise<Province | null> => ctx.loaders.provinceByCode.load(ref.code),
  },
};
