import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { ArgumentValuesRule, formatError, GATEWAY_SECRET_HEADER, servableSupergraph, type Caller } from '@kh02/common';
import express from 'express';
import { GraphQLError } from 'graphql';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { authenticate, callerOf } from './auth/middleware';
import { createIdentityForwarder } from './auth/forward';
import { createBearerVerifier } from './auth/verify';
import type { GatewayConfig, SubgraphName } from './config';
import { createSubgraphFetcher } from './fetcher';

/** The gateway's per-request context: who is asking (verified bearer token, or anonymous; `caller.subject` is set for a known caller). */
export interface GatewayContext {
  caller: Caller;
  /** The identity token signed for the subgraphs, made once per request. */
  identityToken?: Promise<string | undefined>;
}

/** Counters tests and the benchmark read: subgraph fetches since start. */
export interface GatewayStats {
  subgraphFetches: number;
  bySubgraph: Record<string, number>;
}

/**
 * A subgraph answering 4xx with GraphQL errors (e.g. a literal that fails its scalar) is the
 * caller's problem: pass its first error on with its own message and code. Anything else becomes
 * a generic error that names the subgraph but not its URL (the stock data source puts the URL and
 * the raw response body in the error the client sees).
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    const body = (await this.parseBody(response).catch(() => undefined)) as { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
    const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
    if (response.status >= 400 && response.status < 500 && first?.message) {
      return new GraphQLError(first.message, { extensions: { code: first.extensions?.code ?? 'BAD_USER_INPUT' } });
    }
    return new GraphQLError(`A data service failed (HTTP ${response.status}).`, { extensions: { code: 'SUBGRAPH_ERROR' } });
  }
}

/** A built, not yet listening gateway. */
export interface Gateway {
  app: express.Express;
  httpServer: http.Server;
  server: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  stats: GatewayStats;
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
export async function createGateway(config: Readonly<GatewayConfig>): Promise<Gateway> {
  // Access directives are enforced by the subgraphs; see servableSupergraph.
  const supergraphSdl = servableSupergraph(readFileSync(config.supergraphPath, 'utf8'));
  const stats: GatewayStats = { subgraphFetches: 0, bySubgraph: {} };
  const fetcher = createSubgraphFetcher({ maxSockets: config.subgraphMaxSockets, timeoutMs: config.subgraphTimeoutMs });
  const verifyBearer = await createBearerVerifier(config.auth);
  const forwardIdentity = createIdentityForwarder(config.auth);

  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => {
      const target = config.subgraphUrls[name as SubgraphName] ?? url;
      if (!target) throw new Error(`No URL configured for subgraph "${name}"`);
      return new SubgraphDataSource({
        url: target,
        fetcher: fetcher as never,
        async willSendRequest({ request, context }) {
          stats.subgraphFetches++;
          stats.bySubgraph[name] = (stats.bySubgraph[name] ?? 0) + 1;
          if (config.subgraphSecret) request.http?.headers.set(GATEWAY_SECRET_HEADER, config.subgraphSecret);
          await forwardIdentity(request.http?.headers, context);
        },
      });
    },
  });

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  const server = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !config.production,
    includeStacktraceInErrorResponses: !config.production,
    validationRules: [ArgumentValuesRule],
    // The stock gateway passes subgraph error text (with URLs) to clients; mask it in production.
    formatError: (formatted) => formatError(formatted, config.production),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const checks = await Promise.all(
      (Object.entries(config.subgraphUrls) as [SubgraphName, string][]).map(async ([name, url]) => {
        try {
          const response = await fetch(url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(2000) });
          return [name, response.ok ? 'ok' : `HTTP ${response.status}`] as const;
        } catch (error) {
          return [name, (error as Error).message] as const;
        }
      }),
    );
    const ready = checks.every(([, status]) => status === 'ok');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', supergraph: 'loaded', subgraphs: Object.fromEntries(checks) });
  });
  app.use(
    '/graphql',
    authenticate(verifyBearer),
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async ({ res }) => ({ caller: callerOf(res) }),
    }),
  );

  return {
    app,
    httpServer,
    server,
    gateway,
    stats,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve(`http://${host}:${(httpServer.address() as AddressInfo).port}/graphql`);
        });
      }),
    stop: async () => {
      await server.stop();
      fetcher.destroy();
    },
  };
}
