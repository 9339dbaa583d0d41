import {
  context,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  trace,
  type Context,
  type ContextManager,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPExporterBase } from '@opentelemetry/otlp-exporter-base';
import { convertLegacyHttpOptions, createOtlpHttpExportDelegate } from '@opentelemetry/otlp-exporter-base/node-http';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import { Resource } from '@opentelemetry/resources';
import { BasicTracerProvider, BatchSpanProcessor, SimpleSpanProcessor, type ReadableSpan, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { AsyncLocalStorage } from 'node:async_hooks';
import type http from 'node:http';

/** The tracer the platform's own spans are made with (the gateway's planner spans come from `@apollo/gateway`). */
export const TRACER_NAME = 'kh02';

/**
 * OpenTelemetry's context manager over Node's `AsyncLocalStorage`: what
 * `@opentelemetry/context-async-hooks` provides, in a few lines (one package fewer for `npm ci`).
 * Event emitters are not patched: the platform binds no spans to emitters.
 */
export class AsyncLocalStorageContextManager implements ContextManager {
  private readonly storage = new AsyncLocalStorage<Context>();

  active(): Context {
    return this.storage.getStore() ?? ROOT_CONTEXT;
  }

  with<A extends unknown[], F extends (...args: A) => ReturnType<F>>(ctx: Context, fn: F, thisArg?: ThisParameterType<F>, ...args: A): ReturnType<F> {
    return this.storage.run(ctx, () => fn.apply(thisArg, args));
  }

  bind<T>(ctx: Context, target: T): T {
    if (typeof target !== 'function') return target;
    const run = (thisArg: unknown, args: unknown[]) => this.with(ctx, () => (target as (...a: unknown[]) => unknown).apply(thisArg, args));
    return function (this: unknown, ...args: unknown[]) {
      return run(this, args);
    } as T;
  }

  enable(): this {
    return this;
  }

  disable(): this {
    this.storage.disable();
    return this;
  }
}

/** The process's tracing, once set up. */
interface TracingState {
  provider: BasicTracerProvider;
}
let state: TracingState | undefined;

/** Whether {@link setupTracing} installed a tracer provider in this process (spans are then recorded). */
export function tracingEnabled(): boolean {
  return state !== undefined;
}

/**
 * Sets up OpenTelemetry tracing for this process, once: W3C trace-context propagation, an
 * `AsyncLocalStorage` context manager, and spans exported over OTLP/HTTP (JSON) to
 * `OTEL_EXPORTER_OTLP_ENDPOINT` (or `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`), batched. Without an
 * endpoint and without an `exporter` (the tests pass an in-memory one) it does nothing: the
 * OpenTelemetry API stays a no-op and no span is made. Returns whether tracing is on.
 */
export function setupTracing(serviceName: string, options: { exporter?: SpanExporter; env?: NodeJS.ProcessEnv } = {}): boolean {
  if (state) return true;
  const env = options.env ?? process.env;
  // The signal-specific variable is the full URL; the general one is a base to which /v1/traces is added (the OTLP spec's rule).
  const url = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || (env.OTEL_EXPORTER_OTLP_ENDPOINT && `${env.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces`);
  if (!options.exporter && !url) return false;
  const exporter = options.exporter ?? otlpHttpTraceExporter(url as string);
  const provider = new BasicTracerProvider({
    resource: new Resource({ 'service.name': env.OTEL_SERVICE_NAME || serviceName }),
    // The test exporter sees each span as it ends; the network one gets batches.
    spanProcessors: [options.exporter ? new SimpleSpanProcessor(exporter) : new BatchSpanProcessor(exporter)],
  });
  provider.register({ contextManager: new AsyncLocalStorageContextManager(), propagator: new W3CTraceContextPropagator() });
  state = { provider };
  return true;
}

/** Flushes and stops the process's tracing (on shutdown). */
export async function shutdownTracing(): Promise<void> {
  await state?.provider.shutdown();
}

/**
 * An OTLP/HTTP (JSON) span exporter made from the exporter base and serializer the platform
 * already installs (what `@opentelemetry/exporter-trace-otlp-http` does; endpoint, headers and
 * timeout from the standard `OTEL_EXPORTER_OTLP_*` variables of the process).
 */
function otlpHttpTraceExporter(url: string): SpanExporter {
  const delegate = createOtlpHttpExportDelegate(
    convertLegacyHttpOptions({ url }, 'TRACES', 'v1/traces', { 'Content-Type': 'application/json' }),
    JsonTraceSerializer,
  );
  return new OTLPExporterBase<ReadableSpan[]>(delegate) as unknown as SpanExporter;
}

/** The platform's tracer (a no-op until {@link setupTracing}). */
export function tracer(): Tracer {
  return trace.getTracer(TRACER_NAME);
}

/**
 * Runs `next` inside a server span for an incoming HTTP request, its parent taken from the
 * request's `traceparent` header (W3C), so a subgraph's spans join the gateway's trace. With
 * tracing off it just calls `next`.
 */
export function traceIncomingRequest(service: string, route: string, req: http.IncomingMessage, res: http.ServerResponse, next: () => void): void {
  if (!state) return next();
  const parent = propagation.extract(ROOT_CONTEXT, req.headers);
  const span = tracer().startSpan(
    `${req.method} ${route}`,
    { kind: SpanKind.SERVER, attributes: { 'kh02.service': service, 'http.request.method': req.method ?? '', 'http.route': route } },
    parent,
  );
  res.once('close', () => {
    span.setAttribute('http.response.status_code', res.statusCode);
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(trace.setSpan(parent, span), next);
}

/** Adds the active span's `traceparent` (and `tracestate`) to outgoing request headers. */
export function injectTraceContext(headers: Record<string, string>): void {
  if (state) propagation.inject(context.active(), headers);
}

/** Runs `fn` in an active child span named `name`, ending it when `fn` settles (errors recorded). */
export function inSpan<T>(name: string, attributes: Record<string, string | number | boolean>, fn: (span: Span) => T): T {
  return tracer().startActiveSpan(name, { attributes }, (span) => {
    const fail = (error: unknown) => {
      span.recordException(error as Error);
      span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    };
    try {
      const result = fn(span);
      if (result && typeof (result as { then?: unknown }).then === 'function') {
        return (result as unknown as Promise<unknown>).then(
          (value) => {
            span.end();
            return value;
          },
          (error: unknown) => {
            fail(error);
            throw error;
          },
        ) as T;
      }
      span.end();
      return result;
    } catch (error) {
      fail(error);
      throw error;
    }
  });
}

/** Records a finished span of `durationMs` that just ended (an SQL statement reported after it ran). */
export function recordFinishedSpan(name: string, durationMs: number, attributes: Record<string, string | number | boolean>, failed = false): void {
  if (!state) return;
  const end = Date.now();
  const span = tracer().startSpan(name, { kind: SpanKind.CLIENT, startTime: end - durationMs, attributes });
  if (failed) span.setStatus({ code: SpanStatusCode.ERROR });
  span.end(end);
}
