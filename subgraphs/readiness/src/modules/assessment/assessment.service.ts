import { BadUserInputError, coverage, knownAsOf, type Coverage } from '@kh02/subgraph-kit';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import type { Criterion } from '../criterion/criterion.entity';
import { dateParam, runQuery, toDate } from '../shared/sql';
import { AreaReadiness, CommuneReadiness, CriterionAssessment, CriterionCoverage } from './assessment.types';

/** The latest assessment of one criterion of one commune at or before a moment. */
export interface LatestFinding {
  communeCode: string;
  criterionCode: string;
  met: boolean;
  note: string | null;
  assessedAt: Date;
  assessedBy: string;
}

/**
 * A commune's readiness from its latest findings: every criterion of the catalogue, in order; a
 * criterion without a finding was never assessed and is not met. `communeCode` says where the
 * assessments belong, for the access check on `note` and `assessedBy`.
 */
export function buildCommuneReadiness(catalogue: readonly Criterion[], findings: readonly LatestFinding[], asOf: Date, communeCode?: string): CommuneReadiness {
  const byCriterion = new Map(findings.map((f) => [f.criterionCode, f]));
  // One object shared by the commune's criteria: nothing per criterion beyond a reference.
  const locality = { commune: communeCode ?? null };
  const result = new CommuneReadiness();
  result.asOf = asOf;
  result.criteria = catalogue.map((criterion) => {
    const f = byCriterion.get(criterion.code);
    return Object.assign(new CriterionAssessment(), {
      criterion,
      met: f?.met ?? false,
      note: f?.note ?? null,
      assessedAt: f?.assessedAt ?? null,
      assessedBy: f?.assessedBy ?? null,
      locality,
    });
  });
  result.unmetCriteria = result.criteria.filter((a) => a.criterion.basic && !a.met).map((a) => a.criterion);
  result.meetsBasicConditions = result.unmetCriteria.length === 0;
  return result;
}

/** Counts behind an area's readiness: communes fully meeting the basic conditions, and communes meeting each criterion. */
export interface AreaCounts {
  fullyMet: number;
  metByCriterion: ReadonlyMap<string, number>;
}

/** No commune meets anything. */
export const NO_COUNTS: AreaCounts = Object.freeze({ fullyMet: 0, metByCriterion: new Map<string, number>() });

/** Adds up the counts of several areas (provinces into the country). */
export function sumCounts(parts: readonly AreaCounts[]): AreaCounts {
  const metByCriterion = new Map<string, number>();
  let fullyMet = 0;
  for (const part of parts) {
    fullyMet += part.fullyMet;
    for (const [code, n] of part.metByCriterion) metByCriterion.set(code, (metByCriterion.get(code) ?? 0) + n);
  }
  return { fullyMet, metByCriterion };
}

/**
 * A coverage over an area's communes. A numerator above the denominator means the denominator
 * sent (geography's `communeCount`) does not describe the same communes: reported (the kit's one
 * coverage error, naming `communeCount`), not hidden.
 */
export function areaCoverage(numerator: number, denominator: number): Coverage {
  return coverage(numerator, denominator, { argument: 'communeCount' });
}

/** An area's readiness from its counts, over `denominator` communes (geography's `communeCount`). */
export function buildAreaReadiness(catalogue: readonly Criterion[], counts: AreaCounts, denominator: number, asOf: Date): AreaReadiness {
  const result = new AreaReadiness();
  result.asOf = asOf;
  result.fullyMet = areaCoverage(counts.fullyMet, denominator);
  result.criteria = catalogue.map((criterion) =>
    Object.assign(new CriterionCoverage(), { criterion, coverage: areaCoverage(counts.metByCriterion.get(criterion.code) ?? 0, denominator) }),
  );
  return result;
}

/** The number of provinces; rankings return at most this many entries. */
export const PROVINCE_COUNT = 34;

/** Validates a ranking's `first`: 1 to {@link PROVINCE_COUNT}, default all. */
export function rankingSize(first: number | null | undefined): number {
  const n = first ?? PROVINCE_COUNT;
  if (!Number.isInteger(n) || n < 1 || n > PROVINCE_COUNT) {
    throw new BadUserInputError(`Argument "first" must be between 1 and ${PROVINCE_COUNT} (got ${first}).`, 'first', { min: 1, max: PROVINCE_COUNT });
  }
  return n;
}

/** A commune failing a criterion at a moment, with the finding that says so (none when never assessed). */
export interface FailingCommune {
  communeCode: string;
  note: string | null;
  assessedAt: Date | null;
}

/**
 * The communes of a province whose latest finding on `criterionCode` at or before `asOf` is
 * "not met", or which were never assessed on it, by code. One statement: the province's
 * communes (this subgraph's locality copy) left-joined to their latest findings.
 */
export async function failingCommunes(em: SqlEntityManager, provinceCode: string, criterionCode: string, asOf: Date): Promise<FailingCommune[]> {
  const knex = em.getKnex();
  const latest = latestAssessments(em, asOf, ['commune_code', 'met', 'note', 'assessed_at'])
    .where('province_code', provinceCode)
    .where('criterion_code', criterionCode);
  const query = knex
    .select('l.code', 'f.met', 'f.note', 'f.assessed_at')
    .from('commune_locality as l')
    .leftJoin(knex.select('*').from(latest.as('x')).where('rn', 1).as('f'), 'f.commune_code', 'l.code')
    .where('l.province_code', provinceCode)
    .andWhere((q) => q.whereNull('f.met').orWhereRaw('not f.met'))
    .orderBy('l.code');
  const rows = await runQuery<{ code: string; met: unknown; note: string | null; assessed_at: unknown }>(em, query);
  return rows.map((r) => ({ communeCode: r.code, note: r.note ?? null, assessedAt: r.assessed_at == null ? null : toDate(r.assessed_at) }));
}

/**
 * The latest assessment of each (commune, criterion) at or before `asOf`, as a subquery with
 * `rn = 1` on the latest row (window function: SQLite ≥ 3.25 and PostgreSQL). Uses the
 * (commune, criterion, assessed_at) and (province, criterion, assessed_at) indexes.
 */
export function latestAssessments(em: SqlEntityManager, asOf: Date, columns: string[]): Knex.QueryBuilder {
  const knex = em.getKnex();
  return knex('readiness_assessment')
    .select([...columns, knex.raw('row_number() over (partition by commune_code, criterion_code order by assessed_at desc, id desc) as rn')])
    .where('assessed_at', '<=', dateParam(em, asOf) as Knex.Value)
    .andWhere(knownAsOf(knex, 'recorded_at', dateParam(em, asOf)));
}
