import { PageArgs, pageRequest, SortDirection, type Page, globalId, idDescription } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GeographyContext } from '../../context';
import { CommuneConnection } from '../commune/commune.types';
import type { Commune } from '../commune/commune.entity';
import { CommuneFilter, CommuneOrder } from '../commune/commune.inputs';
import { Province, REGION_NAMES } from './province.entity';
import { ProvinceFilter, ProvinceOrder, ProvinceOrderField } from './province.inputs';
import { listProvinces } from './province.service';

@Resolver(() => Province)
export class ProvinceResolver {
  @FieldResolver(() => ID, { description: idDescription('Province', 'code', 'Province:01') })
  id(@Root() item: Province): string {
    return globalId('Province', item.code);
  }

  @Query(() => [Province], { description: 'The 34 provinces and centrally-run cities, filtered and ordered (default: by code).' })
  async provinces(
    @Ctx() ctx: GeographyContext,
    @Arg('filter', () => ProvinceFilter, { nullable: true, description: 'Conditions every returned province meets.' }) filter?: ProvinceFilter,
    @Arg('orderBy', () => ProvinceOrder, { nullable: true, description: 'Sort order; default by code ascending.' }) orderBy?: ProvinceOrder,
  ): Promise<Province[]> {
    const provinces = await listProvinces(ctx.em, filter);
    if (orderBy?.field === ProvinceOrderField.COMMUNE_COUNT) {
      const counts = await ctx.loaders.unitCountsByProvince.loadMany(provinces.map((p) => p.code));
      const total = new Map(provinces.map((p, i) => [p.code, (counts[i] as { total: number }).total]));
      provinces.sort((a, b) => total.get(a.code)! - total.get(b.code)! || a.code.localeCompare(b.code));
    } else if (orderBy?.field === ProvinceOrderField.NAME) {
      provinces.sort((a, b) => a.searchName.localeCompare(b.searchName) || a.code.localeCompare(b.code));
    }
    if (orderBy?.direction === SortDirection.DESC) provinces.reverse();
    for (const p of provinces) ctx.loaders.provinceByCode.prime(p.code, p);
    return provinces;
  }

  @Query(() => Province, { nullable: true, description: 'One province by its official code; null when no province has that code.' })
  province(
    @Ctx() ctx: GeographyContext,
    @Arg('code', () => ID, { description: 'Two-digit province code, e.g. "04".' }) code: string,
  ): Promise<Province | null> {
    return ctx.loaders.provinceByCode.load(code);
  }

  @FieldResolver(() => String, { description: 'Display name of the region.' })
  regionName(@Root() province: Province): string {
    return REGION_NAMES[province.region];
  }

  @FieldResolver(() => Int, { description: 'Number of commune-level units (wards, communes and special zones) in the province.' })
  async communeCount(@Root() province: Province, @Ctx() ctx: GeographyContext): Promise<number> {
    return (await ctx.loaders.unitCountsByProvince.load(province.code)).total;
  }

  @FieldResolver(() => Int, { description: 'Number of urban wards (phường).' })
  async wardCount(@Root() province: Province, @Ctx() ctx: GeographyContext): Promise<number> {
    return (await ctx.loaders.unitCountsByProvince.load(province.code)).wards;
  }

  @FieldResolver(() => Int, { description: 'Number of rural communes (xã), the kind COMMUNE only.' })
  async ruralCommuneCount(@Root() province: Province, @Ctx() ctx: GeographyContext): Promise<number> {
    return (await ctx.loaders.unitCountsByProvince.load(province.code)).communes;
  }

  @FieldResolver(() => Int, { description: 'Number of special zones (đặc khu).' })
  async specialZoneCount(@Root() province: Province, @Ctx() ctx: GeographyContext): Promise<number> {
    return (await ctx.loaders.unitCountsByProvince.load(province.code)).specialZones;
  }

  @FieldResolver(() => CommuneConnection, { description: 'A page of the commune-level units of this province.' })
  communes(
    @Root() province: Province,
    @Ctx() ctx: GeographyContext,
    @Arg('filter', () => CommuneFilter, { nullable: true, description: 'Conditions every returned commune meets (`provinceCodes` is ignored here).' })
    filter: CommuneFilter | undefined,
    @Arg('orderBy', () => CommuneOrder, { nullable: true, description: 'Sort order; default by code ascending.' }) orderBy: CommuneOrder | undefined,
    @Args() { first, after }: PageArgs,
  ): Promise<Page<Commune>> {
    const page = pageRequest(first, after);
    return ctx.loaders.communesOfProvince.load({ provinceCode: province.code, filter: plain(filter), orderBy: plain(orderBy), page });
  }
}

/** Input objects arrive as class instances; the loader keys them by their JSON, so copy to plain data. */
function plain<T>(value: T | undefined): T | null {
  return value == null ? null : (JSON.parse(JSON.stringify(value)) as T);
}
