import { AsOfArgs, Coverage, pageRequest, SortDirection, whenUnavailable } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, Directive, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../context';
import { greenCoverageOver } from '../province/province.resolver';
import { ProvinceCoverage } from '../province/province.types';
import { countColours, coverageBands, provinceCoverages, rankByCoverage } from './country.service';
import { CountryProgress, CountryRef, CoverageBands } from './country.types';

@Resolver(() => CountryRef)
export class CountryResolver {
  @FieldResolver(() => CountryProgress, {
    nullable: true,
    description: whenUnavailable('tasks', 'Provinces by their own colour at `asOf` (green + yellow + red = all provinces).'),
  })
  async progress(@Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<CountryProgress> {
    const at = await ctx.asOf(asOf);
    const summaries = await ctx.loaders.allProvinces(at);
    return { asOf: at, ...countColours(summaries.map((s) => s.colour)) };
  }

  @Directive('@requires(fields: "communeCount")')
  @FieldResolver(() => Coverage, {
    nullable: true,
    description: whenUnavailable(
      'tasks',
      "National green coverage at `asOf`: communes counting as green (GREEN and reported at least once), out of all the country's communes as geography counts them.",
    ),
  })
  async greenCoverage(@Root() country: CountryRef, @Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<Coverage> {
    const summaries = await ctx.loaders.allProvinces(await ctx.asOf(asOf));
    const green = summaries.reduce((sum, s) => sum + s.greenCommunes, 0);
    const denominator = country.communeCount ?? (await ctx.localities()).communeCount;
    return greenCoverageOver(green, denominator, 'Country');
  }

  @FieldResolver(() => CoverageBands, {
    nullable: true,
    description: whenUnavailable('tasks', 'Provinces by band of green coverage at `asOf` (see `CoverageBands`).'),
  })
  async coverageBands(@Ctx() ctx: TasksContext, @Args() { asOf }: AsOfArgs): Promise<CoverageBands> {
    const at = await ctx.asOf(asOf);
    const entries = await provinceCoverages(ctx, at);
    return { asOf: at, ...coverageBands(entries.map((e) => e.coverage)) };
  }

  @Query(() => [ProvinceCoverage], {
    description:
      "Provinces ranked by green coverage at `asOf` (communes counting as green ÷ the province's communes). Ties share a rank and are listed by province code. Answered here because the figure belongs to the tasks subgraph.",
  })
  async greenCoverageRanking(
    @Ctx() ctx: TasksContext,
    @Args() { asOf }: AsOfArgs,
    @Arg('order', () => SortDirection, { defaultValue: SortDirection.DESC, description: 'DESC (default): highest coverage first; ASC: lowest first.' })
    order: SortDirection = SortDirection.DESC,
    @Arg('first', () => Int, { nullable: true, description: 'How many provinces to return, 1 to 500; default 50 (all 34).' }) first?: number,
  ): Promise<ProvinceCoverage[]> {
    const { limit } = pageRequest(first, null);
    const at = await ctx.asOf(asOf);
    const ranked = rankByCoverage(await provinceCoverages(ctx, at), order);
    return ranked.slice(0, limit).map((e) => ({ rank: e.rank, province: { code: e.provinceCode }, coverage: e.coverage }));
  }
}
