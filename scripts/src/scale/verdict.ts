/** What the scale run measured, and whether it passes: pure functions, unit-tested. */

/** One HTTP request the load driver sent. */
export interface Outcome {
  kind: 'read' | 'write' | 'verify' | 'replay';
  /** Where it went: `gateway` (the load balancer) or `gateway-1`/`gateway-2` (one replica). */
  target: string;
  start: number;
  end: number;
  ok: boolean;
  /** Why it failed: a network error, an HTTP status or the first GraphQL error code. */
  error?: string;
}

/** A process the run killed with SIGKILL, and when it was serving again. */
export interface Kill {
  process: string;
  at: number;
  readyAt?: number;
}

/** A write the platform acknowledged. */
export interface AckedWrite {
  key: string;
  note: string;
  assignment: number;
  percent: number;
  version?: number;
}

/** The tally. */
export interface Tally {
  requests: number;
  failed: number;
  /** Failed requests that were in flight when some process was killed. */
  failedInFlight: number;
  /** Failed requests with no kill to explain them. */
  unexplained: Outcome[];
  lostWrites: number;
  staleReads: number;
  acked: number;
  /** Writes never acknowledged, even after the client's retries with the same Idempotency-Key. */
  unacked: number;
}

/** A failure is explained when a process was killed while the request was in flight. */
export function inFlightOnKill(outcome: Outcome, kills: readonly Kill[]): boolean {
  return kills.some((k) => outcome.start <= k.at && k.at <= outcome.end);
}

/**
 * Lost writes: acknowledged writes not in the database exactly once (`rowsByNote`: how many
 * report rows carry each write's note, counted in the database itself).
 */
export function lostWrites(acked: readonly AckedWrite[], rowsByNote: ReadonlyMap<string, number>): AckedWrite[] {
  return acked.filter((w) => rowsByNote.get(w.note) !== 1);
}

/** Counts everything; `pass` only with no unexplained failure, no lost write, no stale read and every write acknowledged. */
export function tally(
  outcomes: readonly Outcome[],
  kills: readonly Kill[],
  acked: readonly AckedWrite[],
  rowsByNote: ReadonlyMap<string, number>,
  staleReads: number,
  unacked: number,
): Tally & { pass: boolean } {
  const failed = outcomes.filter((o) => !o.ok);
  const unexplained = failed.filter((o) => !inFlightOnKill(o, kills));
  const lost = lostWrites(acked, rowsByNote).length;
  const t: Tally = {
    requests: outcomes.length,
    failed: failed.length,
    failedInFlight: failed.length - unexplained.length,
    unexplained,
    lostWrites: lost,
    staleReads,
    acked: acked.length,
    unacked,
  };
  return { ...t, pass: outcomes.length > 0 && unexplained.length === 0 && lost === 0 && staleReads === 0 && unacked === 0 };
}

/** The summary line (a contract: `requests=N failed=N lost_writes=N stale_reads=N`). */
export function summaryLine(t: Pick<Tally, 'requests' | 'failed' | 'lostWrites' | 'staleReads'>): string {
  return `requests=${t.requests} failed=${t.failed} lost_writes=${t.lostWrites} stale_reads=${t.staleReads}`;
}
