import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/** Latency buckets (seconds) of GraphQL requests and subgraph fetches: 5 ms to 10 s. */
const REQUEST_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** Latency buckets (seconds) of SQL statements: 0.5 ms to 2.5 s. */
export const STATEMENT_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Distinct operation names kept as label values; past this, `other` (clients choose names: the label must stay bounded). */
const MAX_OPERATION_LABELS = 200;

/**
 * One service's Prometheus metrics (prom-client): its own registry, so several services built in
 * one process (the tests) do not collide, labelled `service=<name>`, with Node's process metrics.
 */
export interface ServiceMetrics {
  registry: Registry;
  /** `kh02_graphql_request_duration_seconds{operation,outcome}`: its `_count` is the request count. */
  requestDuration: Histogram<'operation' | 'outcome'>;
  /** `kh02_graphql_errors_total{code}`: one per error in an answer, by `extensions.code`. */
  errors: Counter<'code'>;
  /** The label value of an operation name: the name when sane, `anonymous`, or `other` past the bound. */
  operationLabel(name: string | null | undefined): string;
}

/** Creates a service's registry with the request and error metrics and the process metrics. */
export function createServiceMetrics(service: string, options: { processMetrics?: boolean } = {}): ServiceMetrics {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const requestDuration = new Histogram({
    name: 'kh02_graphql_request_duration_seconds',
    help: 'GraphQL requests by operation name and outcome (success, partial: data with errors, error: no data), from request start to response.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: REQUEST_BUCKETS,
    registers: [registry],
  });
  const errors = new Counter({
    name: 'kh02_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code.',
    labelNames: ['code'] as const,
    registers: [registry],
  });
  const seen = new Set<string>();
  const operationLabel = (name: string | null | undefined): string => {
    if (!name) return 'anonymous';
    if (!/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name)) return 'other';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_LABELS) return 'other';
    seen.add(name);
    return name;
  };
  return { registry, requestDuration, errors, operationLabel };
}

/** What {@link requestMetricsPlugin} reads of Apollo Server's request context (structurally, so @kh02/common needs no Apollo Server). */
interface MetricsRequestContext {
  request: { operationName?: string | null };
  operationName?: string | null;
}
interface MetricsResponseContext extends MetricsRequestContext {
  response: { body: { kind: string; singleResult?: { data?: unknown; errors?: readonly { extensions?: Record<string, unknown> }[] } } };
}

/**
 * An Apollo Server plugin recording each request's duration by operation and outcome, and every
 * error by code. Per request only: nothing per field (the national drill-down resolves 36k objects).
 */
export function requestMetricsPlugin(metrics: ServiceMetrics) {
  return {
    async requestDidStart(start: MetricsRequestContext) {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse(context: MetricsResponseContext) {
          const result = context.response.body.kind === 'single' ? context.response.body.singleResult : undefined;
          const errors = result?.errors ?? [];
          const outcome = errors.length === 0 ? 'success' : result?.data != null ? 'partial' : 'error';
          for (const e of errors) metrics.errors.inc({ code: String(e.extensions?.code ?? 'UNKNOWN') });
          metrics.requestDuration.observe(
            { operation: metrics.operationLabel(context.operationName ?? start.request.operationName), outcome },
            Number(process.hrtime.bigint() - started) / 1e9,
          );
        },
      };
    },
  };
}

/** A Node/Express handler answering `GET /metrics` in Prometheus text format. */
export function metricsHandler(registry: Registry) {
  return (_req: http.IncomingMessage, res: http.ServerResponse): void => {
    registry.metrics().then(
      (text) => {
        res.statusCode = 200;
        res.setHeader('content-type', registry.contentType);
        res.end(text);
      },
      (error: Error) => {
        res.statusCode = 500;
        res.end(`# metrics collection failed: ${error.message}\n`);
      },
    );
  };
}

/** Where a service's `/metrics` is served (see {@link metricsExposure}). */
export interface MetricsExposure {
  /** Serve `/metrics` on the service's own (public) port. */
  public: boolean;
  /** Serve `/metrics` on this separate port (only there); undefined: no separate listener. */
  port: number | undefined;
}

/**
 * The exposure rule, one for every service: a metrics port (`<NAME>_METRICS_PORT`, or
 * `METRICS_PORT` when one process runs one service) serves `/metrics` there and only there;
 * without one, `/metrics` is on the service's own port unless `NODE_ENV=production`, where it
 * needs `METRICS_PUBLIC=true`. `METRICS_PUBLIC=false` hides it anywhere.
 */
export function metricsExposure(prefix: string, env: NodeJS.ProcessEnv = process.env): MetricsExposure {
  const rawPort = env.METRICS_PORT || env[`${prefix}_METRICS_PORT`];
  let port: number | undefined;
  if (rawPort) {
    port = Number(rawPort);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new Error(`${env.METRICS_PORT ? 'METRICS_PORT' : `${prefix}_METRICS_PORT`} must be a port number, not "${rawPort}".`);
  }
  const flag = env.METRICS_PUBLIC?.toLowerCase();
  if (flag !== undefined && flag !== '' && !['true', 'false', '1', '0'].includes(flag))
    throw new Error(`METRICS_PUBLIC must be true or false, not "${env.METRICS_PUBLIC}".`);
  const explicit = flag === 'true' || flag === '1' ? true : flag === 'false' || flag === '0' ? false : undefined;
  const production = env.NODE_ENV === 'production';
  return { port, public: port === undefined ? (explicit ?? !production) : explicit === true };
}

/** A separate listener serving only `GET /metrics` (and 404 for anything else). */
export async function serveMetrics(registry: Registry, port: number, host: string): Promise<{ server: http.Server; port: number; close(): Promise<void> }> {
  const handle = metricsHandler(registry);
  const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url?.split('?')[0] === '/metrics') return handle(req, res);
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    server,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export { Counter, Gauge, Histogram, Registry } from 'prom-client';
