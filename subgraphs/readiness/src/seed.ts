import type { EntityManager } from '@mikro-orm/core';
import { generateReadiness } from './dataset/readiness';
import { Assessment } from './modules/assessment/assessment.entity';
import { Criterion, type CriterionCategory } from './modules/criterion/criterion.entity';
import { ReportingCutoff } from '@kh02/subgraph-kit';
import { CommuneLocality } from './modules/locality/locality.entity';
import { OnlineApplicationDay } from './modules/online-application/online-application.entity';
import { SyncedRecordDay } from './modules/synced-record/synced-record.entity';

/** Options for seeding: the dataset's seed and the share of communes kept (tests use 0.1). */
export interface SeedOptions {
  seed?: number;
  fraction?: number;
}

/** Rows per INSERT: well under SQLite's and PostgreSQL's bound-parameter limits for these tables. */
const CHUNK = 1000;

/**
 * Writes the readiness slice of the default dataset when the database holds no criteria; all or
 * nothing, in one transaction. Returns false when data were already there.
 */
export async function seedReadiness(em: EntityManager, options: SeedOptions = {}): Promise<boolean> {
  const data = generateReadiness(options);
  return em.transactional(async (tx) => {
    if ((await tx.count(Criterion)) > 0) return false;
    const insert = async <T extends object>(entity: new () => T, rows: object[]) => {
      for (let i = 0; i < rows.length; i += CHUNK) await tx.insertMany(entity, rows.slice(i, i + CHUNK) as T[]);
    };
    await insert(
      Criterion,
      data.criteria.map((c) => ({ ...c, category: c.category as CriterionCategory })),
    );
    await insert(
      ReportingCutoff,
      data.cutoffs.map((at) => ({ at })),
    );
    await insert(CommuneLocality, data.localities);
    // Each (commune, criterion) stream numbered 1, 2, … in order (the assessment's `version`).
    const seen = new Map<string, number>();
    await insert(
      Assessment,
      data.assessments.map((a) => {
        const stream = `${a.communeCode}|${a.criterionCode}`;
        const version = (seen.get(stream) ?? 0) + 1;
        seen.set(stream, version);
        return { ...a, version };
      }),
    );
    await insert(OnlineApplicationDay, data.onlineApplications);
    await insert(
      SyncedRecordDay,
      data.syncedRecords.map((r) => ({ communeCode: r.communeCode, day: r.day, provinceCode: r.provinceCode, records: r.count })),
    );
    return true;
  });
}
