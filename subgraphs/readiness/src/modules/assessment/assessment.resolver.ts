import { AsOfArgs, compareCoverage, PageArgs, pageFromSlice, pageRequest, rankBy, SortDirection } from '@kh02/subgraph-kit';
import { Arg, Args, Ctx, ID, Int, Query, Resolver } from 'type-graphql';
import type { ReadinessContext } from '../../context';
import { communeRef } from '../commune/commune.types';
import { requireCriterion } from '../criterion/criterion.service';
import { provinceRef } from '../province/province.types';
import { NATION } from '../shared/scope';
import { areaCoverage, failingCommunes, rankingSize } from './assessment.service';
import { FailingCommuneConnection, FailingCommuneEdge, ReadinessRankingEntry } from './assessment.types';

@Resolver()
export class AssessmentResolver {
  @Query(() => [ReadinessRankingEntry], {
    description:
      'Provinces ranked by the coverage of communes fully meeting the basic conditions, or, with `criterion`, by the coverage of that criterion, at `asOf`. Ties share a rank and are listed by province code.',
  })
  async readinessRanking(
    @Ctx() ctx: ReadinessContext,
    @Args() { asOf }: AsOfArgs,
    @Arg('criterion', () => ID, {
      nullable: true,
      description: 'Rank by this criterion\'s coverage instead of full readiness; an unknown code is a BAD_USER_INPUT error naming "criterion".',
    })
    criterion?: string,
    @Arg('order', () => SortDirection, {
      defaultValue: SortDirection.DESC,
      description: 'DESC: highest coverage first (default); ASC: lagging provinces first.',
    })
    order: SortDirection = SortDirection.DESC,
    @Arg('first', () => Int, { nullable: true, description: 'How many entries to return, 1 to 34; default all 34.' }) first?: number,
  ): Promise<ReadinessRankingEntry[]> {
    const size = rankingSize(first);
    const at = await ctx.loaders.asOf(asOf);
    if (criterion != null) requireCriterion(await ctx.loaders.criteriaCatalogue(), criterion);
    const counts = await ctx.loaders.communeCountsByProvince();
    const codes = [...counts.keys()];
    const areas = await Promise.all(codes.map((code) => ctx.loaders.readinessCountsByArea.load({ scope: code, asOf: at })));
    const items = codes.map((code, i) => ({
      code,
      coverage: areaCoverage(criterion != null ? (areas[i].metByCriterion.get(criterion) ?? 0) : areas[i].fullyMet, counts.get(code)!),
    }));
    return rankBy(
      items,
      (a, b) => compareCoverage(a.coverage, b.coverage),
      (x) => x.code,
      order,
    )
      .slice(0, size)
      .map(({ rank, item }) => Object.assign(new ReadinessRankingEntry(), { rank, province: provinceRef(item.code), coverage: item.coverage }));
  }

  @Query(() => FailingCommuneConnection, {
    nullable: true,
    description:
      'The communes of a province that fail a criterion at `asOf` (latest assessment not met, or never assessed), by commune code, paged. Null when this subgraph knows no province with that code.',
  })
  async communesFailingCriterion(
    @Ctx() ctx: ReadinessContext,
    @Arg('provinceCode', () => ID, { description: 'Two-digit province code, e.g. "56".' }) provinceCode: string,
    @Arg('criterion', () => ID, {
      description: 'Criterion code, e.g. "SPECIALISED_DIGITAL_SIGNATURE"; an unknown code is a BAD_USER_INPUT error naming "criterion".',
    })
    criterion: string,
    @Args() { asOf }: AsOfArgs,
    @Args() { first, after }: PageArgs,
  ): Promise<FailingCommuneConnection | null> {
    const page = pageRequest(first, after);
    const at = await ctx.loaders.asOf(asOf);
    requireCriterion(await ctx.loaders.criteriaCatalogue(), criterion);
    if (provinceCode === NATION || !(await ctx.loaders.communeCountsByProvince()).has(provinceCode)) return null;
    const failing = await failingCommunes(ctx.em, provinceCode, criterion, at);
    const slice = failing.slice(page.offset, page.offset + page.limit).map((f) =>
      Object.assign(new FailingCommuneEdge(), {
        node: communeRef(f.communeCode),
        note: f.note,
        assessedAt: f.assessedAt,
        locality: { commune: f.communeCode, province: provinceCode },
      }),
    );
    const result = pageFromSlice(slice, page, failing.length);
    return Object.assign(new FailingCommuneConnection(), {
      edges: result.edges.map((e) => Object.assign(e.node, { cursor: e.cursor })),
      pageInfo: result.pageInfo,
      totalCount: result.totalCount,
    });
  }
}
