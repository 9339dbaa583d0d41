import type { Knex, SqlEntityManager } from '@mikro-orm/knex';

/**
 * Runs a knex query through the request's entity manager, so that it joins the request's
 * transaction and is counted in the request's statement counter like every ORM query.
 */
export async function runQuery<T>(em: SqlEntityManager, query: Knex.QueryBuilder | Knex.Raw): Promise<T[]> {
  return (await em.execute(query as Knex.QueryBuilder, [], 'all', em.getLoggerContext())) as T[];
}

/** A Date as the database stores it (milliseconds on SQLite, a timestamp on PostgreSQL), for raw queries. */
export function dateParam(em: SqlEntityManager, date: Date): unknown {
  return em.getPlatform().processDateProperty(date);
}

/** A datetime read by a raw query: a number (SQLite), a Date (PostgreSQL) or text. */
export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : (value as string | number));
}

/** A boolean read by a raw query: 1/0 on SQLite, true/false on PostgreSQL. */
export function toBool(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 't';
}

/** A count or sum read by a raw query (PostgreSQL returns bigints as text). */
export function toInt(value: unknown): number {
  return value == null ? 0 : Number(value);
}

/** Groups DataLoader keys by a part of them (e.g. `asOf`), so each distinct value costs one query. */
export function groupBy<K, G>(keys: readonly K[], part: (key: K) => G): Map<G, K[]> {
  const groups = new Map<G, K[]>();
  for (const key of keys) {
    const g = part(key);
    const list = groups.get(g);
    if (list) list.push(key);
    else groups.set(g, [key]);
  }
  return groups;
}
