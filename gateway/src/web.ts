import express from 'express';
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Where `node scripts/bin/build-web.cjs` puts the monitoring page (from gateway/src or gateway/dist alike). */
export const WEB_DIST_DIR = path.resolve(__dirname, '../../web/dist');

/** The page's own client-side routes: answered with index.html so that a reload or a shared link works. */
const PAGE_ROUTES = [/^\/$/, /^\/province\/\d{2}\/?$/];

/**
 * Paths that belong to the API and the operators, never to the page: the page's static files and
 * its fallback are not consulted for them, even if a file of that name were in dist/.
 */
const RESERVED = /^\/(graphql|health|ready|metrics|export|playground)(\/|$)/;

/**
 * The page's Content-Security-Policy: everything from its own origin only (scripts, styles, images,
 * `/graphql`), no framing. It loads nothing from anywhere else, and a browser now refuses to.
 * Inline style attributes are React's (`style={…}` for the tiles' colours).
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; " +
  "font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

/**
 * Serves the monitoring page (issue 14) at `/`: the files of `web/dist` (hashed assets under
 * `/assets/`, cached for a year; index.html revalidated), and index.html for the page's own
 * routes. Registered after the API's routes and never for a reserved path. When the page is not
 * built, `/` says how to build it instead.
 */
export function serveWeb(app: express.Express, dir: string = WEB_DIST_DIR): void {
  const index = path.join(dir, 'index.html');
  const statics = express.static(dir, {
    index: false,
    fallthrough: true,
    redirect: false,
    setHeaders: (res, file) => {
      res.setHeader('cache-control', file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || RESERVED.test(req.path)) return next();
    if (!PAGE_ROUTES.some((route) => route.test(req.path))) return statics(req, res, next);
    // Checked per request: a page built while the gateway runs is served without a restart.
    if (!existsSync(index)) {
      res
        .status(503)
        .type('text/plain; charset=utf-8')
        .send(
          'The monitoring page is not built yet. Build it with `node scripts/bin/build-web.cjs` (npm start does it) and reload.\n' +
            'The API is at /graphql.\n',
        );
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.setHeader('content-security-policy', PAGE_CSP);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    res.sendFile(index);
  });
}
