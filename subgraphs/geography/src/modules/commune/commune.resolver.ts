import { PageArgs, pageFromSlice, pageRequest, type Page, globalId, idDescription } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { GeographyContext } from '../../context';
import { Province } from '../province/province.entity';
import { Commune } from './commune.entity';
import { CommuneFilter, CommuneOrder } from './commune.inputs';
import { communeOrderBy, communeWhere } from './commune.service';
import { CommuneConnection } from './commune.types';

@Resolver(() => Commune)
export class CommuneResolver {
  @FieldResolver(() => ID, { description: idDescription('Commune', 'code', 'Commune:00004') })
  id(@Root() item: Commune): string {
    return globalId('Commune', item.code);
  }

  @Query(() => CommuneConnection, { description: 'A page of commune-level units across the country, filtered and ordered (default: by code).' })
  async communes(
    @Ctx() ctx: GeographyContext,
    @Arg('filter', () => CommuneFilter, { nullable: true, description: 'Conditions every returned commune meets.' }) filter: CommuneFilter | undefined,
    @Arg('orderBy', () => CommuneOrder, { nullable: true, description: 'Sort order; default by code ascending.' }) orderBy: CommuneOrder | undefined,
    @Args() { first, after }: PageArgs,
  ): Promise<Page<Commune>> {
    const page = pageRequest(first, after);
    const where = await communeWhere(ctx.em, filter);
    const [rows, total] = await ctx.em.findAndCount(Commune, where, { orderBy: communeOrderBy(orderBy), limit: page.limit, offset: page.offset });
    for (const c of rows) ctx.loaders.communeByCode.prime(c.code, c);
    return pageFromSlice(rows, page, total);
  }

  @Query(() => Commune, { nullable: true, description: 'One commune-level unit by its code; null when no unit has that code.' })
  commune(
    @Ctx() ctx: GeographyContext,
    @Arg('code', () => ID, { description: 'Official five-digit commune code, e.g. "00004" (Phường Ba Đình).' }) code: string,
  ): Promise<Commune | null> {
    return ctx.loaders.communeByCode.load(code);
  }

  @FieldResolver(() => Province, { description: 'The province the unit belongs to.' })
  async province(@Root() commune: Commune, @Ctx() ctx: GeographyContext): Promise<Province> {
    const province = await ctx.loaders.provinceByCode.load(commune.provinceCode);
    if (!province) throw new Error(`Commune ${commune.code} refers to a missing province ${commune.provinceCode}`);
    return province;
  }
}
