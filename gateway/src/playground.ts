import type { ApolloServerPlugin } from '@apollo/server';
import type { Caller } from '@kh02/common';
import express, { type RequestHandler, type Router } from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GatewayConfig } from './config';
import type { SavedOperation } from './operations';

/** The request header with which a client asks @apollo/gateway for the query plan of its operation. */
export const QUERY_PLAN_HEADER = 'apollo-query-plan-experimental';

/** What the playground page learns from the gateway when it opens (`/playground/config.json`). */
export interface PlaygroundConfig {
  /** The saved operations, listed in the playground, each with its export links. */
  operations: { name: string; description: string; body: string; id: string }[];
  /** Who gets the query plan: everyone outside production, admins only in production. */
  queryPlan: 'everyone' | 'admins';
}

/**
 * Content-Security-Policy of the playground page: the browser itself refuses any script, style,
 * font, image, worker or request that is not from this origin, so nothing can leave it (no CDN,
 * no web fonts, no telemetry) even if a bundled library tried. Styles may be inline (GraphiQL
 * and Monaco set them), never remote.
 */
export const PLAYGROUND_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

/** Whether the gateway may show this caller the query plan (developers locally; admins everywhere). */
export function mayReadQueryPlan(caller: Caller, production: boolean): boolean {
  return !production || caller.roles.includes('admin');
}

/**
 * Keeps the gateway's query plan for those allowed it. @apollo/gateway adds the plan to a
 * response's `extensions.__queryPlanExperimental` when the request carries
 * `Apollo-Query-Plan-Experimental` (and the gateway was built with `__exposeQueryPlanExperimental`);
 * for anyone else the header is removed before the gateway sees it.
 */
export function queryPlanPlugin<TContext extends { caller: Caller }>(production: boolean): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ request, contextValue }) {
      if (!mayReadQueryPlan(contextValue.caller, production)) request.http?.headers.delete(QUERY_PLAN_HEADER);
    },
  };
}

/** A browser navigating to the URL (it asks for HTML first), not a GraphQL client doing a GET. */
function wantsHtml(req: express.Request): boolean {
  if (req.query.query !== undefined || req.query.extensions !== undefined) return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

const NOT_BUILT = (dir: string) =>
  `The playground is not built (no ${path.join(dir, 'index.html')}).\n` +
  'Build it with:  node scripts/bin/build-playground.cjs   (npm start does this; it installs GraphiQL and Vite into playground/ once).\n' +
  'GraphQL clients can use this endpoint meanwhile: POST a JSON body {"query": "..."} to /graphql.\n';

/**
 * The offline playground: GraphiQL bundled at build time into `playground/dist` and served from
 * this origin — the page at `GET /graphql` for browsers, its files under `/playground/`, and
 * `/playground/config.json` (the saved operations). When PLAYGROUND is off a browser gets a
 * one-line answer saying so; GraphQL requests are never affected.
 */
export function playgroundRoutes(config: Readonly<GatewayConfig>, operations: readonly SavedOperation[]): Router {
  const router = express.Router();
  const index = path.join(config.playgroundDir, 'index.html');
  const page: RequestHandler = (req, res, next) => {
    if (!wantsHtml(req)) return next();
    res.set('cache-control', 'no-cache');
    if (!config.playground) {
      res
        .status(404)
        .type('text/plain')
        .send('The playground is off on this deployment (set PLAYGROUND=true to serve it). POST GraphQL requests to /graphql.\n');
      return;
    }
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send(NOT_BUILT(config.playgroundDir));
      return;
    }
    res.set('content-security-policy', PLAYGROUND_CSP).sendFile(index);
  };
  // Not router.get: a sub-router answers an OPTIONS it has a route for by itself (200, `Allow`),
  // which would pre-empt the CORS preflight answered on /graphql further on.
  router.use('/graphql', (req, res, next) => ((req.method === 'GET' || req.method === 'HEAD') && req.path === '/' ? page(req, res, next) : next()));
  if (!config.playground) return router;
  const playgroundConfig: PlaygroundConfig = {
    operations: operations.map(({ name, description, body, id }) => ({ name, description, body, id })),
    queryPlan: config.production ? 'admins' : 'everyone',
  };
  router.get('/playground/config.json', (_req, res) => {
    res.set('cache-control', 'no-cache').json(playgroundConfig);
  });
  router.use(
    '/playground',
    express.static(config.playgroundDir, {
      index: false,
      fallthrough: true,
      // Vite puts a content hash in every asset's name: those never change.
      setHeaders: (res, file) => res.set('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache'),
    }),
  );
  return router;
}
