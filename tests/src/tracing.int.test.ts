import { setupTracing } from '@kh02/common';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { startPlatform, type Platform } from './harness';

// One request yields one trace: the gateway's spans (its HTTP request, the planner's request,
// plan and fetch spans) and each subgraph's (its HTTP request, the root field it resolves, its
// SQL statements), joined by the W3C trace context the gateway sends. An in-memory exporter
// stands in for the OTLP endpoint; tracing is set up before anything is built, as main.ts does.
const exporter = new InMemorySpanExporter();
setupTracing('kh02-test', { exporter });
let platform: Platform;

beforeAll(async () => {
  platform = await startPlatform({ fraction: 0.05 });
}, 120_000);
afterAll(async () => platform?.close());

const service = (s: ReadableSpan) => s.attributes['kh02.service'] as string | undefined;
const idOf = (s: ReadableSpan) => s.spanContext().spanId;

test('one request: the gateway and every subgraph it calls in one trace, parent-linked', async () => {
  exporter.reset();
  const { data, errors } = await platform.query(
    'query Traced { provinces { code name progressStatus readiness { fullyMet { percent } } } }',
    undefined,
    // A client's own trace context is continued, not replaced.
    { traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' },
  );
  expect(errors).toBeUndefined();
  expect(data.provinces.length).toBeGreaterThan(0);
  // The servers end their spans when the response is closed: give them a moment.
  await new Promise((r) => setTimeout(r, 200));
  const spans = exporter.getFinishedSpans();
  const byId = new Map(spans.map((s) => [idOf(s), s]));
  const traceIds = new Set(spans.map((s) => s.spanContext().traceId));
  expect([...traceIds]).toEqual(['0af7651916cd43dd8448eb211c80319c']);

  const gatewayRequest = spans.find((s) => s.name === 'POST /graphql' && service(s) === 'gateway')!;
  expect(gatewayRequest.parentSpanId).toBe('b7ad6b7169203331');
  // A span's ancestors, nearest first.
  const ancestors = (s: ReadableSpan): ReadableSpan[] => {
    const out: ReadableSpan[] = [];
    for (let p = s.parentSpanId && byId.get(s.parentSpanId); p; p = p.parentSpanId && byId.get(p.parentSpanId)) out.push(p);
    return out;
  };
  for (const name of ['gateway.request', 'gateway.plan', 'gateway.execute', 'gateway.fetch']) {
    const span = spans.find((s) => s.name === name);
    expect(span).toBeDefined();
    expect(ancestors(span!)).toContain(gatewayRequest);
  }

  const subgraphRequests = spans.filter((s) => s.name === 'POST /graphql' && service(s) !== 'gateway');
  expect(new Set(subgraphRequests.map(service))).toEqual(new Set(['geography', 'tasks', 'readiness']));
  for (const request of subgraphRequests) {
    // The subgraph's request span is the child of the gateway's fetch to it.
    expect(byId.get(request.parentSpanId!)?.name).toBe('gateway.fetch');
    expect(ancestors(request)).toContain(gatewayRequest);
    const resolves = spans.filter((s) => s.name.startsWith('resolve Query.') && ancestors(s)[0] === request);
    expect(resolves.length).toBeGreaterThan(0);
    const sql = spans.filter((s) => s.name.startsWith('sql ') && service(s) === service(request));
    expect(sql.length).toBeGreaterThan(0);
    for (const statement of sql) {
      expect(ancestors(statement)).toContain(request);
      expect(statement.attributes['db.query.text']).toMatch(/select/i);
    }
  }
  expect(spans.filter((s) => s.name === 'resolve Query.provinces')).toHaveLength(1);
  expect(spans.filter((s) => s.name === 'resolve Query._entities').length).toBeGreaterThanOrEqual(2);
});
