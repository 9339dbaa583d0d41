import { createServiceMetrics, Gauge, Histogram, inSpan, recordFinishedSpan, STATEMENT_BUCKETS, tracingEnabled, type ServiceMetrics } from '@kh02/common';
import type { MikroORM } from '@mikro-orm/core';
import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import { sqlStatsOf } from './orm';

/** A subgraph's Prometheus metrics: the shared request metrics plus SQL statement timings and the connection pool. */
export interface SubgraphMetrics extends ServiceMetrics {
  /** `kh02_db_statement_duration_seconds{outcome}`: every SQL statement the ORM runs. */
  statementDuration: Histogram<'outcome'>;
}

/** The knex pool (tarn) under MikroORM's SQL drivers, when there is one. */
interface PoolLike {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max?: number;
}

function poolOf(orm: MikroORM): PoolLike | undefined {
  try {
    const connection = orm.em.getConnection() as unknown as { getKnex?: () => { client?: { pool?: PoolLike } } };
    return connection.getKnex?.().client?.pool;
  } catch {
    return undefined;
  }
}

/**
 * Builds a subgraph's metrics and hooks the ORM's statement logger into them: each statement's
 * duration (MikroORM's `took`) into a histogram, and — when tracing is on — an SQL span.
 */
export function createSubgraphMetrics(name: string, orm: MikroORM): SubgraphMetrics {
  const base = createServiceMetrics(name);
  const statementDuration = new Histogram({
    name: 'kh02_db_statement_duration_seconds',
    help: 'SQL statements run by the subgraph, by outcome (ok, error), as MikroORM measured them.',
    labelNames: ['outcome'] as const,
    buckets: STATEMENT_BUCKETS,
    registers: [base.registry],
  });
  new Gauge({
    name: 'kh02_db_pool_connections',
    help: 'Database connections of the pool by state: used, free, pending (acquisitions waiting), max.',
    labelNames: ['state'] as const,
    registers: [base.registry],
    collect() {
      const pool = poolOf(orm);
      if (!pool) return;
      this.set({ state: 'used' }, pool.numUsed());
      this.set({ state: 'free' }, pool.numFree());
      this.set({ state: 'pending' }, pool.numPendingAcquires());
      if (typeof pool.max === 'number') this.set({ state: 'max' }, pool.max);
    },
  });
  const kind = orm.config.get('driver')?.name?.toLowerCase().includes('postgre') ? 'postgresql' : 'sqlite';
  sqlStatsOf(orm).onStatement = (tookMs, failed, sql) => {
    statementDuration.observe({ outcome: failed ? 'error' : 'ok' }, tookMs / 1000);
    recordFinishedSpan(
      `sql ${/^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? 'statement'}`,
      tookMs,
      { 'db.system': kind, 'db.query.text': sql.length > 2000 ? `${sql.slice(0, 2000)}…` : sql, 'kh02.service': name },
      failed,
    );
  };
  return { ...base, statementDuration };
}

/**
 * When tracing is on, wraps the resolvers of the root fields (`Query.*`, `_entities`,
 * `Mutation.*`) in a `resolve <Type>.<field>` span, active while the field resolves so its SQL
 * spans are its children. Root fields only: a span per field would cost the national drill-down
 * 36k spans. Off, the schema is left as it is.
 */
export function traceRootResolvers(schema: GraphQLSchema): void {
  if (!tracingEnabled()) return;
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (!type) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve = field.resolve ?? defaultFieldResolver;
      if ((resolve as { kh02Traced?: boolean }).kh02Traced) continue;
      const traced: typeof resolve = (source, args, ctx, info) =>
        inSpan(`resolve ${type.name}.${field.name}`, { 'graphql.field.path': `${type.name}.${field.name}` }, () => resolve(source, args, ctx, info));
      (traced as { kh02Traced?: boolean }).kh02Traced = true;
      field.resolve = traced;
    }
  }
}
