import { ApolloServer, HeaderMap, type BaseContext as ApolloBaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import {
  ArgumentValuesRule,
  formatError,
  GATEWAY_SECRET_HEADER,
  internalKey,
  metricsHandler,
  requestMetricsPlugin,
  secretMatches,
  serveMetrics,
  traceIncomingRequest,
  type Caller,
  type MetricsExposure,
} from '@kh02/common';
import type { BaseContext } from './context';
import { identify, identityOptions, IdentityRefused, type IdentityOptions } from './identity';
import { createSubgraphMetrics, traceRootResolvers, type SubgraphMetrics } from './telemetry';

/** What every subgraph package's `createSubgraph()` returns. It never listens, migrates or seeds. */
/** The header a client names a write's idempotency key in (forwarded by the gateway), lower-case as Node gives it. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

export interface Subgraph<TContext extends BaseContext = BaseContext> {
  name: string;
  schema: GraphQLSchema;
  server: ApolloServer<TContext>;
  orm: MikroORM;
  /** Builds one request's context: EM fork, loaders, caller. */
  createContext(caller?: Caller): TContext;
  /** Stops the server and closes the database. */
  close(): Promise<void>;
}

/** Apollo Server settings shared by the subgraphs: no stack traces or introspection in production. */
export function createSubgraphServer<TContext extends ApolloBaseContext>(schema: GraphQLSchema, production: boolean): ApolloServer<TContext> {
  // Resolve spans on the root fields, when this process traces (set up before the subgraph is built).
  traceRootResolvers(schema);
  return new ApolloServer<TContext>({
    schema,
    // Inline tracing and cache-control hints cost time on every field (cache control alone doubled
    // the national drill-down); the subgraphs use neither.
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
    introspection: !production,
    includeStacktraceInErrorResponses: !production,
    validationRules: [ArgumentValuesRule],
    formatError: (formatted) => formatError(formatted, production),
  });
}

/**
 * Stops an Apollo Server whether or not it was started: a subgraph built for a migration or a
 * seed is closed without ever serving.
 */
export async function stopServer(server: ApolloServer<any>): Promise<void> {
  try {
    await server.stop();
  } catch (error) {
    if (!/only be called after/.test((error as Error).message)) throw error;
  }
}

/** A listening subgraph. */
export interface ServedSubgraph {
  url: string;
  port: number;
  httpServer: http.Server;
  /** Prometheus metrics (`GET /metrics`). */
  metrics: SubgraphMetrics;
  /** The separate metrics listener's URL, when a metrics port is configured. */
  metricsUrl?: string;
  /** Stops accepting requests and waits for the ones in flight. */
  stop(): Promise<void>;
}

/** The largest request body a subgraph reads (a gateway import batch stays well under it). */
export const MAX_REQUEST_BODY_BYTES = 10 * 1024 * 1024;

/** A JSON answer with its length (no chunked encoding, no ETag). */
function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

/**
 * `/graphql`, straight from Node's HTTP server to Apollo Server's `executeHTTPGraphQLRequest` (the
 * API Apollo documents for integrations): the gateway secret (403), the caller's identity (401),
 * a body of at most {@link MAX_REQUEST_BODY_BYTES} (413), JSON when the request says it is JSON
 * (400); Apollo Server then answers every method and content type as its own rules say (GET
 * queries, 400 for a POST that is not JSON, 405). A compressed body is refused (415): the gateway
 * never compresses. No Express on this path: its router, body-parser, `url.parse` and ETag were
 * about 7 % of a subgraph's CPU per commune detail (issue 16). Returns false for any other path.
 */
function graphqlHandler<TContext extends BaseContext>(
  subgraph: Subgraph<TContext>,
  gatewaySecret: string | undefined,
  identity: IdentityOptions,
): (req: http.IncomingMessage, res: http.ServerResponse) => boolean {
  return (req, res) => {
    const url = req.url ?? '';
    const query = url.indexOf('?');
    if ((query < 0 ? url : url.slice(0, query)) !== '/graphql') return false;
    const refuse = (status: number, message: string, code: string) => {
      req.resume();
      sendJson(res, status, { errors: [{ message, extensions: { code } }] });
    };
    if (gatewaySecret && !secretMatches(req.headers[GATEWAY_SECRET_HEADER], gatewaySecret)) {
      refuse(403, 'This subgraph answers only the gateway.', 'FORBIDDEN');
      return true;
    }
    const encoding = req.headers['content-encoding'];
    if (encoding !== undefined && encoding.toLowerCase() !== 'identity') {
      refuse(415, `A ${encoding}-encoded request body is not accepted.`, 'UNSUPPORTED_MEDIA_TYPE');
      return true;
    }
    const fail = (error: unknown) => {
      if (!res.headersSent) refuse(500, 'Internal server error', 'INTERNAL_SERVER_ERROR');
      else res.destroy(error as Error);
    };
    identify(req.headers, identity)
      .then(
        (caller) =>
          readBody(req, /^application\/json\b/i.test(req.headers['content-type'] ?? '')).then((read) => {
            if (read.status !== 200) return refuse(read.status, read.message, read.status === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST');
            // After the body is read: a stream's callbacks do not carry the span's async context.
            traceIncomingRequest(subgraph.name, '/graphql', req, res, () => {
              executeGraphQL(subgraph, req, res, caller, read.body, query < 0 ? '' : url.slice(query)).catch(fail);
            });
          }),
        (error: Error) => {
          if (!(error instanceof IdentityRefused)) return fail(error);
          refuse(401, error.message, 'UNAUTHENTICATED');
        },
      )
      .catch(fail);
    return true;
  };
}

/**
 * Reads a request body of at most {@link MAX_REQUEST_BODY_BYTES}; parses it when `json` (an empty
 * body is then `undefined`, which Apollo Server answers itself), else leaves it to Apollo Server.
 */
function readBody(req: http.IncomingMessage, json: boolean): Promise<{ status: 200; body: unknown } | { status: 400 | 413; message: string }> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (declared > MAX_REQUEST_BODY_BYTES) {
      req.resume();
      return resolve({ status: 413, message: `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.` });
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    req.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_REQUEST_BODY_BYTES) {
        refused = true;
        chunks.length = 0;
        resolve({ status: 413, message: `The request body is larger than ${MAX_REQUEST_BODY_BYTES} bytes.` });
        return;
      }
      chunks.push(chunk);
    });
    req.on('error', reject);
    req.on('end', () => {
      if (refused) return;
      const text = (chunks.length === 1 ? chunks[0] : Buffer.concat(chunks)).toString('utf8');
      if (!json || text === '') return resolve({ status: 200, body: json ? undefined : text });
      try {
        resolve({ status: 200, body: JSON.parse(text) as unknown });
      } catch {
        resolve({ status: 400, message: 'The request body is not valid JSON.' });
      }
    });
  });
}

/** Hands one parsed request to Apollo Server and writes its answer. */
async function executeGraphQL<TContext extends BaseContext>(
  subgraph: Subgraph<TContext>,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  caller: Caller,
  body: unknown,
  search: string,
): Promise<void> {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  const answer = await subgraph.server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: { method: (req.method ?? 'GET').toUpperCase(), headers, search, body },
    context: async () => {
      const ctx = subgraph.createContext(caller);
      const key = req.headers[IDEMPOTENCY_KEY_HEADER];
      if (typeof key === 'string') ctx.idempotencyKey = key;
      return ctx;
    },
  });
  for (const [key, value] of answer.headers) res.setHeader(key, value);
  res.statusCode = answer.status ?? 200;
  if (answer.body.kind === 'complete') {
    // Encoded once, the length read from the bytes: Buffer.byteLength and then res.end of the string
    // would read a 3.7 MB answer three times (the readiness part of the national drill-down).
    const bytes = Buffer.from(answer.body.string);
    res.setHeader('content-length', bytes.length);
    res.end(bytes);
    return;
  }
  for await (const chunk of answer.body.asyncIterator) res.write(chunk);
  res.end();
}

/**
 * Serves a subgraph over HTTP at `/graphql`, with `GET /health`. When `gatewaySecret` is set,
 * GraphQL requests without it get 403 before any parsing. The caller comes from the gateway's
 * signed identity token (`internalTokenSecret`); an unsigned identity header, a token that does
 * not verify, or (in production) no token gets 401 with `UNAUTHENTICATED`.
 */
export async function serveSubgraph<TContext extends BaseContext>(
  subgraph: Subgraph<TContext>,
  options: {
    host: string;
    port: number;
    gatewaySecret?: string;
    internalTokenSecret?: string;
    production?: boolean;
    /** Where `/metrics` is served; default: on this port unless `production` (see `metricsExposure`). */
    metrics?: MetricsExposure;
  },
): Promise<ServedSubgraph> {
  const identity = identityOptions(options.internalTokenSecret ? internalKey(options.internalTokenSecret) : undefined, options.production ?? false);
  const app = express();
  app.disable('x-powered-by');
  // /graphql is served without Express (graphqlHandler); health, readiness and metrics by Express.
  const graphql = graphqlHandler(subgraph, options.gatewaySecret, identity);
  const httpServer = http.createServer((req, res) => {
    if (!graphql(req, res)) app(req, res);
  });
  httpServer.keepAliveTimeout = 65_000;
  subgraph.server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  const metrics = createSubgraphMetrics(subgraph.name, subgraph.orm);
  subgraph.server.addPlugin(requestMetricsPlugin(metrics));
  await subgraph.server.start();
  const exposure = options.metrics ?? { public: !options.production, port: undefined };
  if (exposure.public) app.get('/metrics', metricsHandler(metrics.registry));
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', subgraph: subgraph.name });
  });
  // Ready means the database answers too, not only the process: a trivial query, bounded in time.
  app.get('/ready', async (_req, res) => {
    try {
      await Promise.race([
        subgraph.orm.em.getConnection().execute('select 1'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('database did not answer within 2000 ms')), 2000).unref()),
      ]);
      res.json({ status: 'ready', subgraph: subgraph.name });
    } catch {
      res.status(503).json({ status: 'not ready', subgraph: subgraph.name, database: 'unavailable' });
    }
  });
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  const metricsServer = exposure.port !== undefined ? await serveMetrics(metrics.registry, exposure.port, options.host) : undefined;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    httpServer,
    metrics,
    metricsUrl: metricsServer && `http://${options.host}:${metricsServer.port}/metrics`,
    stop: async () => {
      await subgraph.server.stop();
      await metricsServer?.close();
    },
  };
}
