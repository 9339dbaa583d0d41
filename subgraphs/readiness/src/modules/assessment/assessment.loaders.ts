import type { SqlEntityManager as EntityManager } from '@mikro-orm/knex';
import DataLoader from 'dataloader';
import type { CriterionLoaders } from '../criterion/criterion.loaders';
import { groupBy, runQuery, toBool, toDate, toInt } from '../shared/sql';
import type { CutoffLoaders } from '../cutoff/cutoff.loaders';
import type { LocalityLoaders } from '../locality/locality.loaders';
import { NATION } from '../shared/scope';
import { buildAreaReadiness, latestAssessments, NO_COUNTS, sumCounts, type AreaCounts, type LatestFinding } from './assessment.service';
import type { AreaReadiness } from './assessment.types';

/** A commune's findings at a moment. */
export interface CommuneAsOf {
  communeCode: string;
  asOf: Date;
}

/** An area's counts at a moment: a province code, or `NATION` (the whole country). */
export interface AreaAsOf {
  scope: string;
  asOf: Date;
}

/** Per-request assessment loaders: one statement per distinct `asOf`, whatever the number of keys. */
export function createAssessmentLoaders(em: EntityManager, criteria: CriterionLoaders) {
  const knex = () => em.getKnex();
  return {
    /** Each commune's assessment-history versions, by criterion (whatever the moment read at): one grouped statement per batch. */
    assessmentVersions: new DataLoader<string, Map<string, number>>(async (communes) => {
      const rows = await runQuery<{ commune_code: string; criterion_code: string; v: unknown }>(
        em,
        knex()('readiness_assessment')
          .select('commune_code', 'criterion_code', knex().raw('max(version) as v'))
          .whereIn('commune_code', [...communes])
          .groupBy('commune_code', 'criterion_code'),
      );
      const found = new Map<string, Map<string, number>>(communes.map((c) => [c, new Map()]));
      for (const r of rows) found.get(r.commune_code)?.set(r.criterion_code, toInt(r.v));
      return communes.map((c) => found.get(c)!);
    }),

    /** Each commune's latest finding per criterion at `asOf` (criteria never assessed are absent). */
    latestFindingsByCommune: new DataLoader<CommuneAsOf, LatestFinding[], string>(
      async (keys) => {
        const found = new Map<string, LatestFinding[]>();
        for (const [time, group] of groupBy(keys, (k) => k.asOf.getTime())) {
          const codes = [...new Set(group.map((k) => k.communeCode))];
          const inner = latestAssessments(em, new Date(time), ['commune_code', 'criterion_code', 'met', 'note', 'assessed_at', 'assessed_by']).whereIn(
            'commune_code',
            codes,
          );
          const rows = await runQuery<Record<string, unknown>>(em, knex().select('*').from(inner.as('latest')).where('rn', 1));
          for (const r of rows) {
            const key = `${r.commune_code}|${time}`;
            const finding: LatestFinding = {
              communeCode: r.commune_code as string,
              criterionCode: r.criterion_code as string,
              met: toBool(r.met),
              note: (r.note as string | null) ?? null,
              assessedAt: toDate(r.assessed_at),
              assessedBy: r.assessed_by as string,
            };
            const list = found.get(key);
            if (list) list.push(finding);
            else found.set(key, [finding]);
          }
        }
        return keys.map((k) => found.get(`${k.communeCode}|${k.asOf.getTime()}`) ?? []);
      },
      { cacheKeyFn: (k) => `${k.communeCode}|${k.asOf.getTime()}` },
    ),

    /**
     * Per area (province or nation) at `asOf`: communes fully meeting the basic conditions and
     * communes meeting each criterion. One grouped statement per distinct `asOf` for all the
     * provinces asked for (all of them when the nation is among the keys).
     */
    readinessCountsByArea: new DataLoader<AreaAsOf, AreaCounts, string>(
      async (keys) => {
        const basic = (await criteria.criteriaCatalogue()).filter((c) => c.basic).map((c) => c.code);
        const results = new Map<string, AreaCounts>();
        for (const [time, group] of groupBy(keys, (k) => k.asOf.getTime())) {
          const scopes = new Set(group.map((k) => k.scope));
          const latest = latestAssessments(em, new Date(time), ['province_code', 'commune_code', 'criterion_code', 'met']);
          if (!scopes.has(NATION)) latest.whereIn('province_code', [...scopes]);
          const k = knex();
          const fullCommunes = k('latest')
            .select('province_code', 'commune_code')
            .where('rn', 1)
            .whereRaw('met')
            .whereIn('criterion_code', basic)
            .groupBy('province_code', 'commune_code')
            .havingRaw('count(*) = ?', [basic.length]);
          const byCriterion = k
            .select('province_code', 'criterion_code as k', k.raw('count(*) as n'))
            .from('latest')
            .where('rn', 1)
            .whereRaw('met')
            .groupBy('province_code', 'criterion_code');
          const fullyMet = k.select('province_code', k.raw("'*' as k"), k.raw('count(*) as n')).from(fullCommunes.as('full_communes')).groupBy('province_code');
          // Each side wrapped in a derived table: SQLite rejects GROUP BY before UNION ALL otherwise.
          const query = k
            .with('latest', latest)
            .select('*')
            .from(byCriterion.as('by_criterion'))
            .unionAll(k.select('*').from(fullyMet.as('fully_met')));
          const byProvince = new Map<string, { fullyMet: number; metByCriterion: Map<string, number> }>();
          for (const r of await runQuery<{ province_code: string; k: string; n: unknown }>(em, query)) {
            let counts = byProvince.get(r.province_code);
            if (!counts) byProvince.set(r.province_code, (counts = { fullyMet: 0, metByCriterion: new Map() }));
            if (r.k === '*') counts.fullyMet = toInt(r.n);
            else counts.metByCriterion.set(r.k, toInt(r.n));
          }
          for (const scope of scopes) {
            results.set(`${scope}|${time}`, scope === NATION ? sumCounts([...byProvince.values()]) : (byProvince.get(scope) ?? NO_COUNTS));
          }
        }
        return keys.map((k) => results.get(`${k.scope}|${k.asOf.getTime()}`)!);
      },
      { cacheKeyFn: (k) => `${k.scope}|${k.asOf.getTime()}` },
    ),
  };
}

/** The assessment loaders' type. */
export type AssessmentLoaders = ReturnType<typeof createAssessmentLoaders>;

/** What {@link areaReadiness} reads through: the request's criterion, cut-off, locality and assessment loaders. */
export type AreaReadinessLoaders = CriterionLoaders & CutoffLoaders & LocalityLoaders & AssessmentLoaders;

/**
 * Readiness of an area (a province code, or `NATION`) at `asOf`, through the request's
 * loaders. `communeCount` is geography's (via `@requires`); called straight, without the gateway,
 * it is absent and this subgraph's own locality count stands in.
 */
export async function areaReadiness(
  loaders: AreaReadinessLoaders,
  scope: string,
  asOf: Date | null | undefined,
  communeCount: number | undefined,
): Promise<AreaReadiness> {
  const at = await loaders.asOf(asOf, scope === NATION ? undefined : { province: scope });
  const ownCount = async () => {
    const counts = await loaders.communeCountsByProvince();
    return scope === NATION ? [...counts.values()].reduce((a, b) => a + b, 0) : (counts.get(scope) ?? 0);
  };
  const [catalogue, counts, denominator] = await Promise.all([
    loaders.criteriaCatalogue(),
    loaders.readinessCountsByArea.load({ scope, asOf: at }),
    communeCount ?? ownCount(),
  ]);
  return buildAreaReadiness(catalogue, counts, denominator, at);
}
