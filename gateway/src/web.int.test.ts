import express from 'express';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveWeb } from './web';

// serveWeb on its own: the page's files and routes, never a path of the API or the operators,
// and a clear answer at `/` while the page is not built.
const RESERVED = ['/graphql', '/health', '/ready', '/metrics', '/export', '/playground', '/playground/index.html'];

async function serve(dir: string): Promise<{ base: string; close(): Promise<void> }> {
  const app = express();
  serveWeb(app, dir);
  // Stands for the routes other modules register (in app.ts, before or after serveWeb).
  app.use((req, res) => void res.status(299).send(`api ${req.path}`));
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'kh02-web-dist-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

test('a built page: index.html at / and at /province/<code>, hashed assets cached for a year; reserved paths pass through even with files of their name', async () => {
  mkdirSync(path.join(dir, 'assets'));
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>page</title>');
  writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(path.join(dir, 'favicon.svg'), '<svg/>');
  for (const name of ['graphql', 'health', 'ready', 'metrics', 'export']) writeFileSync(path.join(dir, name), 'shadow');
  mkdirSync(path.join(dir, 'playground'));
  writeFileSync(path.join(dir, 'playground', 'index.html'), 'shadow');
  const server = await serve(dir);
  try {
    for (const route of ['/', '/province/12', '/province/04/']) {
      const response = await fetch(`${server.base}${route}`);
      expect([route, response.status, response.headers.get('cache-control')]).toEqual([route, 200, 'no-cache']);
      expect(await response.text()).toContain('<title>page</title>');
      expect(response.headers.get('content-security-policy')).toContain("connect-src 'self'");
    }
    const asset = await fetch(`${server.base}/assets/index-abc123.js`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await fetch(`${server.base}/favicon.svg`)).status).toBe(200);
    for (const route of RESERVED) {
      const response = await fetch(`${server.base}${route}`);
      expect([route, response.status, await response.text()]).toEqual([route, 299, `api ${route}`]);
    }
    // Not a page route and no such file: whatever comes next answers (the gateway: 404), never index.html.
    for (const route of ['/province/123', '/assets/missing.js', '/nope']) {
      expect([route, (await fetch(`${server.base}${route}`)).status]).toEqual([route, 299]);
    }
    // Only GET and HEAD: a POST to / is not the page's.
    expect((await fetch(`${server.base}/`, { method: 'POST' })).status).toBe(299);
  } finally {
    await server.close();
  }
});

test('no web/dist: / says how to build the page, the API paths still answer', async () => {
  const server = await serve(path.join(dir, 'missing'));
  try {
    const response = await fetch(`${server.base}/`);
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('node scripts/bin/build-web.cjs');
    expect((await fetch(`${server.base}/graphql`)).status).toBe(299);
  } finally {
    await server.close();
  }
});
