import type { MikroORM } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/knex';
import { ANONYMOUS, type Caller } from '@kh02/common';
import { requestLoggerContext, SqlStats } from './orm';

/** What every subgraph's request context holds; subgraphs add their loaders. */
export interface BaseContext {
  /** An entity manager for this request only. */
  em: SqlEntityManager;
  /** SQL statements this request ran. */
  sql: SqlStats;
  /** Who is asking, as the gateway's signed identity token says. */
  caller: Caller;
  /**
   * The province of a commune, for a province official reading a commune record that does not
   * carry its province; subgraphs whose records lack it provide one (memoised per request).
   */
  provinceOfCommune?: (communeCode: string) => Promise<string | null>;
  /** The client's `Idempotency-Key` header, forwarded by the gateway; writes run once per key (see `runWrite`). */
  idempotencyKey?: string;
  /** How long idempotency keys are remembered, in hours (IDEMPOTENCY_TTL_HOURS); default 24. */
  idempotencyTtlHours?: number;
}

/** Creates the request-scoped part every subgraph shares: a fresh EM fork that counts its SQL. */
export function createBaseContext(orm: MikroORM, caller: Caller = ANONYMOUS): BaseContext {
  const sql = new SqlStats();
  const em = orm.em.fork({ loggerContext: requestLoggerContext(sql) }) as SqlEntityManager;
  return { em, sql, caller };
}
