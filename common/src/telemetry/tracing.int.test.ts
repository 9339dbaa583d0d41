import { trace } from '@opentelemetry/api';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { setupTracing, shutdownTracing, tracer, tracingEnabled } from './tracing';

// Traces leave the process over OTLP/HTTP only when an endpoint is configured: a real HTTP
// server stands in for the collector.
test('without an OTLP endpoint nothing is set up; with one, spans are exported to <endpoint>/v1/traces', async () => {
  expect(setupTracing('none', { env: {} })).toBe(false);
  expect(tracingEnabled()).toBe(false);
  expect(trace.getTracer('x').startSpan('no-op').isRecording()).toBe(false);

  const received: { url?: string; body: any }[] = [];
  const collector = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ url: req.url, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
      res.setHeader('content-type', 'application/json');
      res.end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  try {
    const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/`;
    expect(setupTracing('otlp-test', { env: { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint } })).toBe(true);
    const span = tracer().startSpan('exported');
    expect(span.isRecording()).toBe(true);
    span.end();
    await shutdownTracing();
    expect(received).toHaveLength(1);
    expect(received[0].url).toBe('/v1/traces');
    const [resourceSpans] = received[0].body.resourceSpans;
    expect(resourceSpans.resource.attributes).toContainEqual({ key: 'service.name', value: { stringValue: 'otlp-test' } });
    expect(resourceSpans.scopeSpans[0].spans.map((s: { name: string }) => s.name)).toEqual(['exported']);
  } finally {
    await new Promise<void>((resolve) => collector.close(() => resolve()));
  }
});
