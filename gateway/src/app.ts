import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import {
  ANONYMOUS,
  ArgumentValuesRule,
  enforceScalars,
  formatError,
  GATEWAY_SECRET_HEADER,
  IdleMemoryRelease,
  lastResortCollector,
  metricsHandler,
  onePerCause,
  serveMetrics,
  traceIncomingRequest,
  type Caller,
} from '@kh02/common';
import express from 'express';
import type { GraphQLError } from 'graphql';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { authenticate, callerOf } from './auth/middleware';
import { createIdentityForwarder } from './auth/forward';
import { createBearerVerifier } from './auth/verify';
import type { GatewayConfig, SubgraphName } from './config';
import { createResponseCache, readPublishedCutoffs, type ResponseCache } from './cache';
import { corsMiddleware } from './cors';
import { SubgraphDataSource } from './datasource';
import { exportHandler, runThrough } from './export';
import { createSubgraphFetcher } from './fetcher';
import { loadSavedOperations } from './operations';
import { playgroundRoutes, queryPlanPlugin } from './playground';
import { createGatewayMetrics, type GatewayMetrics } from './metrics';
import { memoryBudget, redisBudget } from './plugins/budget';
import { operationLimitsPlugin, tokenLimitMiddleware, type LimitsRecord } from './plugins/limits';
import { requestIdFrom, requestLogPlugin } from './plugins/logging';
import { checkSubgraphs } from './plugins/readiness';
import { persistedOperations } from './safelist';
import { installFastShaping, installOperationMemo } from './shaping';
import { supergraphFromFile } from './supergraph';
import { serveWeb } from './web';

/** The gateway's per-request context: who is asking, from where, and the request's id. */
export interface GatewayContext {
  caller: Caller;
  /** The client's address (the socket's): the budget key of an anonymous caller. */
  clientAddress: string | undefined;
  /** Logged with every line of this request and returned in errors' `extensions.requestId`. */
  requestId: string;
  /** Set by the limits plugin: the operation's estimated cost. */
  limits: LimitsRecord;
  /** The identity token signed for the subgraphs, made once per request. */
  identityToken?: Promise<string | undefined>;
}

/** Counters tests and the benchmark read: subgraph fetches since start. */
export interface GatewayStats {
  subgraphFetches: number;
  bySubgraph: Record<string, number>;
}

/** A built, not yet listening gateway. */
export interface Gateway {
  app: express.Express;
  httpServer: http.Server;
  server: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  stats: GatewayStats;
  log: Logger;
  /** Prometheus metrics (`GET /metrics`, see `metrics.ts`). */
  metrics: GatewayMetrics;
  /** The response cache and its store (`cache/`). */
  cache: ResponseCache;
  /** The separate metrics listener's URL, once listening, when a metrics port is configured. */
  metricsUrl?: string;
  /** Starts listening; resolves with the URL of `/graphql`. */
  listen(port: number, host: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * Builds the gateway: the committed supergraph (composed at build time, never at run time),
 * subgraph URLs from config, keep-alive fetches with a bounded socket pool and a timeout, the
 * caller's identity and the shared secret set on every subgraph request (clients' own headers are
 * never forwarded), `/health` and `/ready`. It does not listen: `main.ts` does.
 */
export async function createGateway(config: Readonly<GatewayConfig>, options: { log?: Logger } = {}): Promise<Gateway> {
  const log = options.log ?? pino({ level: process.env.LOG_LEVEL || (config.nodeEnv === 'test' ? 'warn' : 'info'), base: { service: 'gateway' } });
  const stats: GatewayStats = { subgraphFetches: 0, bySubgraph: {} };
  // Result shaping over compiled selection sets (shaping.ts); the library's own if its module shape changed.
  if (!installFastShaping()) log.warn('result shaping: @apollo/gateway changed shape; its own computeResponse is used');
  // The federation Operation executeQueryPlan makes per request, reused for a repeated document (shaping.ts).
  if (!installOperationMemo()) log.warn('result shaping: @apollo/federation-internals changed shape; operations are converted per request');
  const fetcher = createSubgraphFetcher({
    maxSockets: config.subgraphMaxSockets,
    timeoutMs: config.subgraphTimeoutMs,
    breaker: { failures: config.breakerFailures, resetMs: config.breakerResetMs },
  });
  const budget = config.redisUrl
    ? redisBudget(new Redis(config.redisUrl, { maxRetriesPerRequest: 1, enableOfflineQueue: false }), config.costBudgetPerMinute)
    : memoryBudget(config.costBudgetPerMinute);
  const verifyBearer = await createBearerVerifier(config.auth);
  const forwardIdentity = createIdentityForwarder(config.auth);
  const metrics = createGatewayMetrics();
  // The published cut-offs are read through the gateway itself, as an anonymous reader would.
  const internalContext = (): GatewayContext => ({ caller: ANONYMOUS, clientAddress: undefined, requestId: `internal-${randomUUID()}`, limits: {} });
  const cache: ResponseCache = createResponseCache<GatewayContext>(config.cache, {
    redisUrl: config.redisUrl,
    log,
    counters: metrics.cache,
    readCutoffs: (): Promise<Date[] | undefined> => readPublishedCutoffs(server, internalContext()),
  });

  // The saved operations (operations/): listed in the playground, exported, and the safelist.
  const savedOperations = loadSavedOperations(config.operationsDir);

  const gateway = new ApolloGateway({
    // The query plan is given only to callers allowed it: queryPlanPlugin removes the header for the others.
    __exposeQueryPlanExperimental: true,
    supergraphSdl: supergraphFromFile(config.supergraphPath, config.supergraphPollMs, log),
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`No URL configured for subgraph "${name}"`);
      return new SubgraphDataSource<GatewayContext>(
        {
          url: target,
          // Counted where they go out: a batch of plan fetches (datasource.ts) is one HTTP request.
          fetcher: ((...args: Parameters<typeof fetcher>) => {
            stats.subgraphFetches++;
            stats.bySubgraph[name] = (stats.bySubgraph[name] ?? 0) + 1;
            return fetcher(...args);
          }) as never,
          async willSendRequest({ request, context }) {
            if (config.subgraphSecret) request.http?.headers.set(GATEWAY_SECRET_HEADER, config.subgraphSecret);
            await forwardIdentity(request.http?.headers, context);
          },
        },
        {
          serviceName: name,
          onUnavailable: (service, error, context) => log.warn({ requestId: context?.requestId, subgraph: service, err: error }, 'subgraph unavailable'),
          onFetch: (subgraph, seconds, outcome) => metrics.subgraphFetch.observe({ subgraph, outcome }, seconds),
          batch: config.subgraphBatch,
        },
      );
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  // Memory a burst of large answers grew is given back once the gateway has been quiet (IDLE_GC_MS).
  const collect = config.idleGcMs > 0 ? lastResortCollector() : undefined;
  if (config.idleGcMs > 0 && !collect) log.warn('idle memory release: this V8 refused --expose-gc; memory grown by a burst stays until V8 collects');
  const idleRelease = collect
    ? new IdleMemoryRelease({
        idleMs: config.idleGcMs,
        minGrowthBytes: config.idleGcMinGrowthBytes,
        collect,
        onCollect: (freedBytes, durationMs) => {
          metrics.idleCollection(freedBytes, durationMs);
          log.debug({ freedMb: Math.round(freedBytes / 1048576), durationMs: Math.round(durationMs) }, 'idle memory release');
        },
      })
    : undefined;
  if (idleRelease) httpServer.on('request', (_req, res) => idleRelease.track(res));
  // GraphQL Armor's suggestion mask only: its other protections are configured in plugins/limits.ts.
  const armor = new ApolloArmor({
    blockFieldSuggestion: { enabled: !config.suggestions },
    costLimit: { enabled: false },
    maxAliases: { enabled: false },
    maxDepth: { enabled: false },
    maxDirectives: { enabled: false },
    maxTokens: { enabled: false },
  }).protect();
  const server: ApolloServer<GatewayContext> = new ApolloServer<GatewayContext>({
    gateway,
    // Each of these is the library's default today; set here so that an upgrade cannot loosen them.
    introspection: config.introspection,
    includeStacktraceInErrorResponses: config.nodeEnv === 'development',
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // The parser stops well past the token limit; plugins/limits.ts refuses with the exact count.
    parseOptions: { maxTokens: config.limits.tokens * 4 },
    validationRules: [ArgumentValuesRule],
    // Automatic persisted queries share the response cache's store (Redis when configured).
    persistedQueries: { cache: cache.persistedQueries, ttl: config.cache.persistedQueryTtlSeconds },
    // The stock gateway passes subgraph error text (with URLs) to clients; mask it outside development.
    formatError: (formatted) => formatError(formatted, config.nodeEnv !== 'development'),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: config.shutdownGraceMs }),
      ApolloServerPluginInlineTraceDisabled(),
      // Apollo's landing pages load from Apollo's CDN; the offline playground (playground.ts) replaces them.
      ApolloServerPluginLandingPageDisabled(),
      queryPlanPlugin<GatewayContext>(config.production),
      requestLogPlugin<GatewayContext>(log),
      metrics.plugin,
      ...(cache.plugin ? [cache.plugin] : []),
      operationLimitsPlugin<GatewayContext>(config.limits, budget, (error) => log.warn({ err: error }, 'cost budget store unavailable; operation allowed')),
      ...armor.plugins,
      // One error per bad literal: drop graphql-js's duplicate of the error naming the argument.
      { requestDidStart: async () => ({ validationDidStart: async () => async (errors) => void (errors && onePerCause(errors as GraphQLError[])) }) },
    ],
  });
  // The supergraph's scalars accept anything; give them the platform's rules so that a bad literal
  // or variable is refused here, once, instead of once per subgraph (or per entity) downstream —
  // on the first load and on every reload of the supergraph file.
  gateway.onSchemaLoadOrUpdate(({ apiSchema }) => enforceScalars(apiSchema));
  await server.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const subgraphs = await checkSubgraphs(config.subgraphUrls);
    const ready = Object.values(subgraphs).every((status) => status === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', supergraph: 'loaded', subgraphs });
  });
  // The caller: a verified bearer token's identity (authenticate() before), or anonymous.
  const context = async (req: express.Request, res: express.Response): Promise<GatewayContext> => ({
    caller: callerOf(res),
    clientAddress: req.socket.remoteAddress,
    requestId: requestIdFrom(req.headers['x-request-id']),
    limits: {},
  });
  app.use(playgroundRoutes(config, savedOperations));
  app.get('/export/:file', authenticate(verifyBearer), exportHandler({ operations: savedOperations, run: runThrough(server, context) }));
  if (config.metrics.public) app.get('/metrics', metricsHandler(metrics.registry));
  app.use(
    '/graphql',
    corsMiddleware(config.corsOrigins),
    authenticate(verifyBearer),
    express.json({ limit: '1mb' }),
    tokenLimitMiddleware(config.limits.tokens, (requestId, measured) => {
      metrics.refusals.inc({ limit: 'tokens' });
      log.info({ requestId, status: 400, errorCodes: ['OPERATION_LIMIT_EXCEEDED'], limit: 'tokens', measured }, 'request');
    }),
    persistedOperations(config, savedOperations),
    // After the body is read: a stream's callbacks do not carry the span's async context.
    (req, res, next) => traceIncomingRequest('gateway', '/graphql', req, res, next),
    cache.middleware,
    expressMiddleware(server, {
      context: ({ req, res }) => context(req, res),
    }),
  );
  // The monitoring page at `/` (web/dist), after every API route: it never answers a reserved path.
  serveWeb(app);

  let metricsServer: Awaited<ReturnType<typeof serveMetrics>> | undefined;
  const built: Gateway = {
    app,
    httpServer,
    server,
    gateway,
    stats,
    log,
    metrics,
    cache,
    listen: async (port, host) => {
      const url = await new Promise<string>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(`http://${host}:${(httpServer.address() as AddressInfo).port}/graphql`);
        });
      });
      if (config.metrics.port !== undefined) {
        metricsServer = await serveMetrics(metrics.registry, config.metrics.port, host);
        built.metricsUrl = `http://${host}:${metricsServer.port}/metrics`;
      }
      return url;
    },
    stop: async () => {
      idleRelease?.stop();
      await server.stop();
      await metricsServer?.close();
      fetcher.destroy();
      await budget.close();
      await cache.close();
    },
  };
  return built;
}
