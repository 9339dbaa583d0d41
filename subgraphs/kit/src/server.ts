import { ApolloServer, type BaseContext as ApolloBaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import { ArgumentValuesRule, formatError, GATEWAY_SECRET_HEADER, internalKey, secretMatches, type Caller } from '@kh02/common';
import type { BaseContext } from './context';
import { identify, IdentityRefused } from './identity';

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
  /** Stops accepting requests and waits for the ones in flight. */
  stop(): Promise<void>;
}

/**
 * Serves a subgraph over HTTP at `/graphql`, with `GET /health`. When `gatewaySecret` is set,
 * GraphQL requests without it get 403 before any parsing. The caller comes from the gateway's
 * signed identity token (`internalTokenSecret`); an unsigned identity header, a token that does
 * not verify, or (in production) no token gets 401 with `UNAUTHENTICATED`.
 */
export async function serveSubgraph<TContext extends BaseContext>(
  subgraph: Subgraph<TContext>,
  options: { host: string; port: number; gatewaySecret?: string; internalTokenSecret?: string; production?: boolean },
): Promise<ServedSubgraph> {
  const identity = { key: options.internalTokenSecret ? internalKey(options.internalTokenSecret) : undefined, required: options.production ?? false };
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  subgraph.server.addPlugin(ApolloServerPluginDrainHttpServer({ httpServer }));
  await subgraph.server.start();
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
  app.use(
    '/graphql',
    (req, res, next) => {
      if (options.gatewaySecret && !secretMatches(req.headers[GATEWAY_SECRET_HEADER], options.gatewaySecret)) {
        res.status(403).json({ errors: [{ message: 'This subgraph answers only the gateway.', extensions: { code: 'FORBIDDEN' } }] });
        return;
      }
      identify(req.headers, identity).then(
        (caller) => {
          res.locals.caller = caller;
          next();
        },
        (error: Error) => {
          if (!(error instanceof IdentityRefused)) return next(error);
          res.status(401).json({ errors: [{ message: error.message, extensions: { code: 'UNAUTHENTICATED' } }] });
        },
      );
    },
    express.json({ limit: '10mb' }),
    expressMiddleware(subgraph.server, {
      context: async ({ req, res }) => {
        const ctx = subgraph.createContext(res.locals.caller as Caller);
        const key = req.headers[IDEMPOTENCY_KEY_HEADER];
        if (typeof key === 'string') ctx.idempotencyKey = key;
        return ctx;
      },
    }),
  );
  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, () => {
      httpServer.off('error', reject);
      resolve();
    });
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://${options.host}:${port}/graphql`,
    port,
    httpServer,
    stop: () => subgraph.server.stop(),
  };
}
