import { injectTraceContext } from '@kh02/common';
import http from 'node:http';
import https from 'node:https';

/** The part of a Fetch API response `RemoteGraphQLDataSource` reads. */
export interface SubgraphResponse {
  ok: boolean;
  status: number;
  statusText: string;
  url: string;
  headers: { get(name: string): string | null };
  text(): Promise<string>;
  json(): Promise<unknown>;
}

/** Options of {@link createSubgraphFetcher}. */
export interface SubgraphFetcherOptions {
  /** Keep-alive sockets per subgraph host. */
  maxSockets: number;
  /** Deadline of one fetch: total time from sending to the last byte, not socket idle time. */
  timeoutMs: number;
  /** Circuit breaker per subgraph URL; without it every fetch is tried. */
  breaker?: BreakerOptions;
}

/** Why a subgraph could not answer: the fetch failed, ran past its deadline, or the circuit is open. */
export class SubgraphUnavailableError extends Error {
  constructor(
    message: string,
    readonly reason: 'deadline' | 'circuit-open' | 'network' | 'http' | 'garbage',
  ) {
    super(message);
    this.name = 'SubgraphUnavailableError';
  }
}

/** Options of {@link CircuitBreaker}. */
export interface BreakerOptions {
  /** Consecutive failures that open the circuit. */
  failures: number;
  /** How long the circuit stays open before one trial fetch is let through. */
  resetMs: number;
}

/**
 * A small circuit breaker: closed, it counts consecutive failures; at `failures` it opens and
 * fails every call at once for `resetMs`; then it lets one trial call through (half-open), which
 * closes it on success or opens it again on failure. A subgraph that keeps failing then costs
 * its callers nothing but an immediate error, and gets no load while it recovers.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | undefined;
  private trial = false;

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** closed, open (failing fast) or half-open (a trial is allowed or in flight). */
  get state(): 'closed' | 'open' | 'half-open' {
    if (this.openedAt === undefined) return 'closed';
    return this.now() - this.openedAt >= this.options.resetMs ? 'half-open' : 'open';
  }

  /** Whether a call may go ahead now; in half-open state only one trial at a time. */
  allow(): boolean {
    const state = this.state;
    if (state === 'closed') return true;
    if (state === 'open' || this.trial) return false;
    this.trial = true;
    return true;
  }

  success(): void {
    this.failures = 0;
    this.openedAt = undefined;
    this.trial = false;
  }

  failure(): void {
    this.trial = false;
    this.failures++;
    if (this.openedAt !== undefined || this.failures >= this.options.failures) this.openedAt = this.now();
  }
}

/**
 * A lean `fetch` for subgraph requests: Node's own HTTP client over keep-alive agents with a
 * bounded socket pool, the body read into one buffer and parsed once. It replaces
 * make-fetch-happen, whose cache plumbing (cacache, minipass streams, per-request agent lookups)
 * cost more gateway CPU per fetch than the fetch itself on loopback; the gateway never wanted
 * an HTTP cache for POSTs anyway. It never retries: a fetch that fails is reported once, so a
 * mutation reaches its subgraph at most once (a client retries with its `Idempotency-Key`).
 */
export function createSubgraphFetcher(options: SubgraphFetcherOptions) {
  const agentOptions = { keepAlive: true, maxSockets: options.maxSockets, maxFreeSockets: options.maxSockets, scheduling: 'lifo' as const };
  const agents = { 'http:': new http.Agent(agentOptions), 'https:': new https.Agent(agentOptions) };

  // The few subgraph URLs, parsed once (a URL object per fetch showed in the gateway's profile).
  const targets = new Map<string, { protocol: 'http:' | 'https:'; hostname: string; port: number | undefined; path: string }>();
  const targetOf = (url: string) => {
    let target = targets.get(url);
    if (!target) {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error(`unsupported subgraph URL protocol ${parsed.protocol}`);
      target = {
        protocol: parsed.protocol,
        hostname: parsed.hostname.replace(/^\[|\]$/g, ''),
        port: parsed.port === '' ? undefined : Number(parsed.port),
        path: `${parsed.pathname}${parsed.search}`,
      };
      if (targets.size < 64) targets.set(url, target);
    }
    return target;
  };

  const breakers = new Map<string, CircuitBreaker>();
  const breakerOf = (url: string): CircuitBreaker | undefined => {
    if (!options.breaker) return undefined;
    let breaker = breakers.get(url);
    if (!breaker) breakers.set(url, (breaker = new CircuitBreaker(options.breaker)));
    return breaker;
  };

  const fetcher = (
    url: string,
    init: { method?: string; headers?: Record<string, string> | Iterable<[string, string]>; body?: string },
  ): Promise<SubgraphResponse> =>
    new Promise((resolveFetch, rejectFetch) => {
      const breaker = breakerOf(url);
      if (breaker && !breaker.allow()) {
        rejectFetch(new SubgraphUnavailableError('circuit open: the subgraph kept failing', 'circuit-open'));
        return;
      }
      let settled = false;
      const resolve = (response: SubgraphResponse) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        if (response.status >= 500) breaker?.failure();
        resolveFetch(response);
      };
      const reject = (error: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(deadline);
        breaker?.failure();
        rejectFetch(error instanceof SubgraphUnavailableError ? error : new SubgraphUnavailableError(error.message, 'network'));
      };
      const target = targetOf(url);
      const headers: Record<string, string> = {};
      if (init.headers)
        for (const [k, v] of Symbol.iterator in init.headers ? (init.headers as Iterable<[string, string]>) : Object.entries(init.headers))
          headers[k.toLowerCase()] = v;
      // The W3C trace context of the active span (the gateway's fetch span), so the subgraph's spans join the trace.
      injectTraceContext(headers);
      const body = init.body === undefined ? undefined : Buffer.from(init.body);
      if (body) headers['content-length'] = String(body.length);
      const client = target.protocol === 'https:' ? https : http;
      const request = client.request({ ...target, method: init.method ?? 'GET', headers, agent: agents[target.protocol] }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('aborted', () => reject(new Error('the subgraph closed the connection mid-answer')));
        response.on('end', () => {
          if (!response.complete) return reject(new Error('the subgraph closed the connection mid-answer'));
          const buffer = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
          const status = response.statusCode ?? 0;
          if (status < 500 && !/json/i.test(response.headers['content-type'] ?? '')) breaker?.failure();
          resolve({
            ok: status >= 200 && status < 300,
            status,
            statusText: response.statusMessage ?? '',
            url,
            headers: { get: (name) => (response.headers[name.toLowerCase()] as string | undefined) ?? null },
            text: async () => buffer.toString('utf8'),
            json: async () => {
              try {
                const parsed = JSON.parse(buffer.toString('utf8')) as unknown;
                if (status < 500) breaker?.success();
                return parsed;
              } catch {
                // A 200 with truncated or non-JSON text is a failing subgraph, not an answer.
                breaker?.failure();
                throw new SubgraphUnavailableError(`the subgraph answered HTTP ${status} with a body that is not JSON`, 'garbage');
              }
            },
          });
        });
      });
      // A deadline on the whole exchange: a subgraph trickling bytes, or stalled after the
      // headers, still fails on time (a socket-idle timeout would wait for ever).
      const deadline = setTimeout(() => {
        reject(new SubgraphUnavailableError(`no complete answer within the deadline of ${options.timeoutMs} ms`, 'deadline'));
        request.destroy();
      }, options.timeoutMs);
      request.on('error', reject);
      request.end(body);
    });

  return Object.assign(fetcher, {
    /** The breaker of each subgraph URL fetched so far. */
    breakers,
    /** Closes the pooled sockets. */
    destroy(): void {
      agents['http:'].destroy();
      agents['https:'].destroy();
    },
  });
}
