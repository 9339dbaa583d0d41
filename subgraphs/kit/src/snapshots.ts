/** What a snapshot is kept per: the entity manager's driver, shared by its forks (one database). */
interface HasDriver {
  getDriver(): unknown;
}

/**
 * Figures as of a PUBLISHED reporting cut-off, computed once per process and database and then
 * read by every request (issue 16). A published cut-off freezes its figures: a later write about
 * an earlier moment is a correction that never moves them (ARCHITECTURE.md), so what was computed
 * for a published cut-off stays right. Any other moment is computed per request, as before.
 * Kept per database (the entity manager's driver: tests run several databases in one process),
 * at most {@link MAX_SNAPSHOTS} per database, the oldest computed dropped first.
 */
const stores = new WeakMap<object, Map<string, Promise<unknown>>>();

/** Snapshots kept per database: a few cut-offs of each kind (commune findings, area counts). */
export const MAX_SNAPSHOTS = 16;

/** Whether `time` is one of the `published` cut-offs (those whose figures are frozen). */
export function isPublished(published: readonly Date[], time: number): boolean {
  return published.some((d) => d.getTime() === time);
}

/**
 * The value of `kind` at the published cut-off `time`: the process's snapshot, computed by the
 * first reader. Only for a cut-off {@link isPublished} says is published. Concurrent first
 * readers share one computation; a failed computation is not kept.
 */
export function atPublishedCutoff<T>(em: HasDriver, kind: string, time: number, compute: () => Promise<T>): Promise<T> {
  const driver = em.getDriver() as object;
  let store = stores.get(driver);
  if (!store) stores.set(driver, (store = new Map()));
  const key = `${kind}|${time}`;
  let value = store.get(key) as Promise<T> | undefined;
  if (!value) {
    if (store.size >= MAX_SNAPSHOTS) store.delete(store.keys().next().value!);
    value = compute();
    store.set(key, value);
    value.catch(() => store.delete(key));
  }
  return value;
}
