import { loadSavedOperations, PLAYGROUND_CSP } from '@kh02/gateway';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
import { startPlatform, type Platform } from './harness';

// Issue 13's playground, as a browser sees it: headless Chromium opens /graphql, GraphiQL renders
// with the saved operations listed, and not one request the page makes leaves the origin.
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');

let platform: Platform;
let browser: Browser;
let origin: string;
beforeAll(async () => {
  // Installs GraphiQL and Vite into playground/ from its own lockfile (once) and builds it when stale.
  await run(process.execPath, [path.join(ROOT, 'scripts/bin/build-playground.cjs')], { cwd: ROOT, timeout: 600_000 });
  platform = await startPlatform({ fraction: 0.1 });
  origin = new URL(platform.url).origin;
  browser = await launchChromium();
}, 660_000);
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

test('the HTML served at /graphql references nothing outside the origin', async () => {
  const response = await fetch(platform.url, { headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  expect(response.headers.get('content-security-policy')).toBe(PLAYGROUND_CSP);
  const html = await response.text();
  const references = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  expect(references.length).toBeGreaterThan(0);
  for (const ref of references) expect(ref).toMatch(/^(\/playground\/|data:)/);
  expect(html).not.toMatch(/https?:\/\//);
});

test('headless Chromium renders GraphiQL with the saved operations, and no request leaves the origin', async () => {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => void requests.push(request.url()));
  const problems: string[] = [];
  page.on('console', (message) => void (message.type() === 'error' && problems.push(message.text())));
  page.on('pageerror', (error) => void problems.push(error.message));
  page.on('response', (response) => void (response.status() >= 400 && problems.push(`HTTP ${response.status()} ${response.url()}`)));
  try {
    await page.goto(platform.url, { waitUntil: 'load' });
    await page.waitForSelector('.graphiql-container', { timeout: 60_000 });
    await page.waitForSelector('[data-operation="ProvinceOverview"]', { timeout: 60_000 });
    const listed = await page.$$eval('[data-operation]', (nodes) => nodes.map((n) => n.getAttribute('data-operation')));
    expect(listed).toEqual(loadSavedOperations().map((o) => o.name));
    // The schema loads (introspection through the same origin) and the documentation explorer has it.
    // A locator, not a string predicate: Playwright evaluates a string with eval(), which the page's CSP refuses.
    await page.locator('.monaco-editor').nth(1).waitFor({ state: 'attached', timeout: 60_000 });
    // Let late requests (workers, fonts) happen before counting.
    await page.waitForLoadState('networkidle');
    if (process.env.KH02_PLAYGROUND_SCREENSHOT) await page.screenshot({ path: process.env.KH02_PLAYGROUND_SCREENSHOT });
  } finally {
    await page.close();
  }
  // The page's Content-Security-Policy would turn anything reaching off-origin into a console error.
  expect(problems).toEqual([]);
  const offOrigin = requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:'));
  expect(offOrigin).toEqual([]);
  expect(requests.some((url) => url.startsWith(`${origin}/playground/assets/`))).toBe(true);
  expect(requests).toContain(`${origin}/playground/config.json`);
  expect(requests).toContain(`${origin}/graphql`);
});

test('a GraphQL GET and a POST are not the page; the query plan is there for a developer', async () => {
  const get = await fetch(`${platform.url}?query=${encodeURIComponent('{ country { code } }')}`, {
    headers: { accept: 'text/html', 'apollo-require-preflight': '1' },
  });
  expect(get.headers.get('content-type')).toMatch(/json/);
  const planned = await fetch(platform.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-query-plan-experimental': '1' },
    body: JSON.stringify({ query: '{ province(code: "01") { name greenCoverage { percent } } }' }),
  });
  const body = (await planned.json()) as any;
  expect(body.data.province.name).toBe('Hà Nội');
  expect(body.extensions.__queryPlanExperimental).toMatch(/QueryPlan/);
  expect(body.extensions.__queryPlanExperimental).toMatch(/Fetch\(service: "geography"\)/);
});
