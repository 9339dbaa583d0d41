import { globalId, idDescription } from '@kh02/subgraph-kit';
import { raw } from '@mikro-orm/core';
import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import { Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { GeographyContext } from '../../context';
import { Commune, CommuneKind } from '../commune/commune.entity';
import { Province } from '../province/province.entity';
import { addCount, type UnitCounts } from '../province/province.loaders';
import { Country, vietnam } from './country.types';

/** National unit counts: two statements, memoised on the request context. */
function nationalCounts(ctx: GeographyContext): Promise<UnitCounts & { provinces: number }> {
  const memo = ctx as GeographyContext & { nationalCounts?: Promise<UnitCounts & { provinces: number }> };
  memo.nationalCounts ??= countNation(ctx.em);
  return memo.nationalCounts;
}

async function countNation(em: EntityManager): Promise<UnitCounts & { provinces: number }> {
  const rows: { kind: CommuneKind; n: string | number }[] = await em
    .createQueryBuilder(Commune)
    .select(['kind', raw('count(*) as n')])
    .groupBy('kind')
    .execute('all');
  const counts = rows.reduce((acc, r) => addCount(acc, r.kind, Number(r.n)), { total: 0, wards: 0, communes: 0, specialZones: 0 });
  return { ...counts, provinces: await em.count(Province) };
}

@Resolver(() => Country)
export class CountryResolver {
  @FieldResolver(() => ID, { description: idDescription('Country', 'code', 'Country:VN') })
  id(@Root() item: Country): string {
    return globalId('Country', item.code);
  }

  @Query(() => Country, { description: 'Vietnam: national figures and roll-ups.' })
  country(): Country {
    return vietnam();
  }

  @FieldResolver(() => Int, { description: 'Number of provinces and centrally-run cities (34).' })
  async provinceCount(@Ctx() ctx: GeographyContext): Promise<number> {
    return (await nationalCounts(ctx)).provinces;
  }

  @FieldResolver(() => Int, { description: 'Number of commune-level units: wards, communes and special zones (3,321).' })
  async communeCount(@Ctx() ctx: GeographyContext): Promise<number> {
    return (await nationalCounts(ctx)).total;
  }

  @FieldResolver(() => Int, { description: 'Number of urban wards.' })
  async wardCount(@Ctx() ctx: GeographyContext): Promise<number> {
    return (await nationalCounts(ctx)).wards;
  }

  @FieldResolver(() => Int, { description: 'Number of rural communes (kind COMMUNE only).' })
  async ruralCommuneCount(@Ctx() ctx: GeographyContext): Promise<number> {
    return (await nationalCounts(ctx)).communes;
  }

  @FieldResolver(() => Int, { description: 'Number of special zones.' })
  async specialZoneCount(@Ctx() ctx: GeographyContext): Promise<number> {
    return (await nationalCounts(ctx)).specialZones;
  }
}
