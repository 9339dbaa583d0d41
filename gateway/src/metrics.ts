import { COST_BUDGET_EXCEEDED, OPERATION_LIMIT_EXCEEDED } from './plugins/limits';
import type { ApolloServerPlugin } from '@apollo/server';
import { Counter, createServiceMetrics, Histogram, requestMetricsPlugin, type ServiceMetrics } from '@kh02/common';
import type { CacheCounters } from './cache';

/** The gateway's Prometheus metrics: the shared request metrics plus subgraph fetches, the cache and cost refusals. */
export interface GatewayMetrics extends ServiceMetrics {
  /** `kh02_subgraph_fetch_duration_seconds{subgraph,outcome}`: outcome ok, error (GraphQL errors in the answer) or unavailable. */
  subgraphFetch: Histogram<'subgraph' | 'outcome'>;
  /** `kh02_response_cache_requests_total{result}`. */
  cache: CacheCounters;
  /** `kh02_cost_refusals_total{limit}`: operations refused by a limit (depth, aliases, tokens, directives, cost) or the budget. */
  refusals: Counter<'limit'>;
  /** The plugin recording requests, errors and refusals. */
  plugin: ApolloServerPlugin<any>;
  /** `kh02_idle_collection_duration_seconds` and `kh02_idle_collection_freed_bytes_total`: memory given back after bursts (IDLE_GC_MS). */
  idleCollection(freedBytes: number, durationMs: number): void;
}

/** Builds the gateway's registry and metrics. */
export function createGatewayMetrics(): GatewayMetrics {
  const base = createServiceMetrics('gateway');
  const registers = [base.registry];
  const subgraphFetch = new Histogram({
    name: 'kh02_subgraph_fetch_duration_seconds',
    help: 'Fetches from the gateway to each subgraph, by subgraph and outcome (ok, error: GraphQL errors in the answer, unavailable: down, late, open circuit or garbage).',
    labelNames: ['subgraph', 'outcome'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  const lookups = new Counter({
    name: 'kh02_response_cache_requests_total',
    help: 'Response cache lookups by result: hit, miss, bypass (store unavailable), skip (not a query).',
    labelNames: ['result'] as const,
    registers,
  });
  const bumps = new Counter({
    name: 'kh02_response_cache_version_bumps_total',
    help: 'Data version bumps after executed mutations, by outcome (ok, failed).',
    labelNames: ['outcome'] as const,
    registers,
  });
  const refusals = new Counter({
    name: 'kh02_cost_refusals_total',
    help: 'Operations refused before any subgraph was called, by limit (depth, aliases, tokens, directives, cost, budget).',
    labelNames: ['limit'] as const,
    registers,
  });
  const idleDuration = new Histogram({
    name: 'kh02_idle_collection_duration_seconds',
    help: 'Garbage collections run once the gateway was idle after a burst that grew its memory (IDLE_GC_MS): how long each paused the process.',
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers,
  });
  const idleFreed = new Counter({
    name: 'kh02_idle_collection_freed_bytes_total',
    help: 'Resident memory given back to the operating system by idle-time garbage collections (IDLE_GC_MS).',
    registers,
  });
  const requests = requestMetricsPlugin(base);
  const plugin: ApolloServerPlugin<any> = {
    async requestDidStart(start) {
      const listener = await requests.requestDidStart(start);
      return {
        async willSendResponse(context) {
          await listener.willSendResponse(context as never);
          const body = context.response.body;
          for (const e of body.kind === 'single' ? (body.singleResult.errors ?? []) : []) {
            const code = e.extensions?.code;
            if (code === OPERATION_LIMIT_EXCEEDED) refusals.inc({ limit: String(e.extensions?.limit ?? 'unknown') });
            else if (code === COST_BUDGET_EXCEEDED) refusals.inc({ limit: 'budget' });
          }
        },
      };
    },
  };
  return {
    ...base,
    subgraphFetch,
    refusals,
    plugin,
    idleCollection: (freedBytes, durationMs) => {
      idleDuration.observe(durationMs / 1000);
      if (freedBytes > 0) idleFreed.inc(freedBytes);
    },
    cache: {
      lookup: (result) => lookups.inc({ result }),
      versionBump: (ok) => bumps.inc({ outcome: ok ? 'ok' : 'failed' }),
    },
  };
}
