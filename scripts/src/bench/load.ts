/**
 * The load generator, run as its own process (pinned to the core the servers do not use):
 * autocannon against one URL with one or more request bodies (cycled per connection); each
 * response time is kept, so percentiles are exact. Driven by the bench over IPC.
 */
import autocannon from 'autocannon';

/** What the bench asks of one load run. */
export interface LoadJob {
  url: string;
  bodies: string[];
  connections: number;
  /** Run this long… */
  durationS?: number;
  /** …or make exactly this many requests (every one completes: nothing is left running on the server). */
  amount?: number;
  headers?: Record<string, string>;
}

/** What one load run measured. */
export interface LoadResult {
  requests: number;
  elapsedS: number;
  rps: number;
  /** Response times in ms, sorted ascending. */
  latencies: number[];
  bytes: number;
  non2xx: number;
  errors: number;
  timeouts: number;
}

function run(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    let next = 0;
    let lastResponseAt: number | undefined;
    const started = performance.now();
    const instance = autocannon(
      {
        url: job.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...job.headers },
        // One shared cursor over the bodies: concurrent connections ask for different things
        // (per-connection sequences would all start on the first body, in lockstep).
        requests: [{ method: 'POST', setupRequest: (request) => ({ ...request, body: job.bodies[next++ % job.bodies.length] }) }],
        connections: job.connections,
        ...(job.amount ? { amount: job.amount } : { duration: job.durationS }),
        pipelining: 1,
        timeout: 120,
      },
      (error, result) => {
        if (error) return reject(error);
        // From the first request to the last response: autocannon calls back on its next one-second
        // tick, so its own clock would round short runs to whole seconds.
        const elapsedS = ((lastResponseAt ?? performance.now()) - started) / 1000;
        latencies.sort((a, b) => a - b);
        resolve({
          requests: latencies.length,
          elapsedS,
          rps: latencies.length / elapsedS,
          latencies,
          bytes: result.throughput.total,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
        });
      },
    );
    instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      lastResponseAt = performance.now();
    });
  });
}

/** As a child with an IPC channel: one job per message, one result (or error) per reply. */
if (require.main === module && process.send) {
  process.on('message', (job: LoadJob) => {
    run(job).then(
      (result) => process.send!({ result }),
      (error: Error) => process.send!({ error: error.stack ?? error.message }),
    );
  });
  process.send({ ready: true });
}
