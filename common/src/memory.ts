import v8 from 'node:v8';
import vm from 'node:vm';

/** Runs one garbage collection that gives freed memory back to the operating system. */
export type MemoryCollector = () => void;

/**
 * V8's most thorough collection (`gc({ flavor: 'last-resort' })`, what V8 itself runs before it
 * gives up on an allocation): full collections until nothing more is freed, compacting, the young
 * generation shrunk and the pages V8 keeps pooled for reuse returned to the operating system. A
 * regular full collection frees the objects but keeps those pages, so the process's RSS stays
 * where the load left it (measured on Node 24: 422 MiB before and after a regular collection,
 * 116 MiB after this one; Node 22: 350 against 101).
 *
 * The `gc` function is taken the way jest's leak detector takes it: `--expose-gc` set for as long
 * as it takes to read `gc` from a fresh context, then unset, so no other context gets a global
 * `gc`. Undefined when this V8 refuses it (the caller then collects nothing).
 */
export function lastResortCollector(): MemoryCollector | undefined {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as unknown;
    if (typeof gc !== 'function') return undefined;
    return () => (gc as (options: object) => void)({ type: 'major', execution: 'sync', flavor: 'last-resort' });
  } catch {
    return undefined;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}

/** Options of {@link IdleMemoryRelease}. */
export interface IdleMemoryReleaseOptions {
  /** Quiet time after the last request ends before collecting. */
  idleMs: number;
  /** Collect only when RSS has grown by at least this much since the last collection (or since start); 0: always. */
  minGrowthBytes: number;
  collect: MemoryCollector;
  /** The process's resident set size in bytes (default `process.memoryUsage.rss`). */
  rss?: () => number;
  /** Called after each collection with the bytes of RSS it gave back and how long it took. */
  onCollect?: (freedBytes: number, durationMs: number) => void;
}

/**
 * Gives a server's memory back once a burst of requests is over. A process that served a few large
 * answers (the national drill-down: 4 MB each, ~100 MB of heap in flight at 4 concurrent) keeps the
 * heap it grew: once idle it allocates nothing, so V8 has no reason to collect, and its own memory
 * reducer waits for 8 s of quiet (longer when it first fires mid-load). This collects with
 * {@link lastResortCollector} when no request (health checks and scrapes on the same server
 * included) has been in flight for `idleMs` and RSS has grown by `minGrowthBytes` since the last
 * collection: one pause per quiet spell after a burst (0.25 s measured for a 73 MB live heap),
 * never while a request is in flight, none after the small requests of a steady trickle.
 *
 * The price: the next heavy request starts from a small heap and regrows it (the young generation
 * from 1 MB), so it is slower (the national drill-down's p50 ×1.17 right after a collection, issue
 * 16). The gateway therefore runs this only when asked (IDLE_GC_MS).
 *
 * Call {@link requestStarted} and {@link requestEnded} around every request (see `track` for
 * Node's HTTP server).
 */
export class IdleMemoryRelease {
  private inFlight = 0;
  private timer: NodeJS.Timeout | undefined;
  private baseline: number;
  private readonly rss: () => number;
  private stopped = false;

  constructor(private readonly options: IdleMemoryReleaseOptions) {
    this.rss = options.rss ?? (() => process.memoryUsage.rss());
    this.baseline = this.rss();
  }

  requestStarted(): void {
    this.inFlight++;
  }

  requestEnded(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (this.inFlight > 0 || this.stopped) return;
    // One timer, re-armed by every request that leaves the server idle: cheap per request.
    if (this.timer) this.timer.refresh();
    else this.timer = setTimeout(() => this.quiet(), this.options.idleMs).unref();
  }

  /** Counts a request from now until its response `res` is finished or its connection closed. */
  track(res: { once(event: 'close', listener: () => void): unknown }): void {
    this.requestStarted();
    res.once('close', () => this.requestEnded());
  }

  /** No collection after this. */
  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  private quiet(): void {
    if (this.inFlight > 0 || this.stopped) return;
    const before = this.rss();
    if (this.options.minGrowthBytes > 0 && before - this.baseline < this.options.minGrowthBytes) return;
    const started = performance.now();
    this.options.collect();
    const durationMs = performance.now() - started;
    this.baseline = this.rss();
    this.options.onCollect?.(before - this.baseline, durationMs);
  }
}
