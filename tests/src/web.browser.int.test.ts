import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, launchChromium } from './browser';
import { startPlatform, type Platform } from './harness';

// The monitoring page (issue 14) in a real browser: Debian's Chromium driven by playwright-core,
// against a whole platform on loopback with the full default dataset, the page served by the
// gateway at `/` from web/dist (built here by scripts/bin/build-web.cjs when it is stale).
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
// The README's screenshots are refreshed with UPDATE_SCREENSHOTS=1; other runs write them to a
// temporary folder (a test run leaves the working tree as it found it).
const SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1' ? path.join(ROOT, 'docs', 'screenshots') : mkdtempSync(path.join(os.tmpdir(), 'kh02-screens-'));

let platform: Platform;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  // The first run installs web/ from its own lockfile (~400 packages) and builds it; later runs skip both.
  await run(process.execPath, [path.join(ROOT, 'scripts/bin/build-web.cjs')], { cwd: ROOT, timeout: 600_000 });
  platform = await startPlatform();
  origin = new URL(platform.url).origin;
  browser = await launchChromium();
  mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  if (process.env.UPDATE_SCREENSHOTS !== '1') rmSync(SCREENSHOTS, { recursive: true, force: true });
});

/** A page that records every request it makes and every console error or uncaught exception. */
async function openPage(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; requests: string[]; problems: string[] }> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN' });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`console ${message.type()}: ${message.text()}`);
    // Only React's development build says this: the page must be the production build.
    if (message.text().includes('React DevTools')) problems.push(`development build: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`exception: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`failed: ${request.url()} ${request.failure()?.errorText}`));
  return { context, page, requests, problems };
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).textContent()) ?? '').replace(/\s+/g, ' ').trim();
const waitForText = (page: Page, selector: string, expected: string) =>
  page.waitForFunction(([s, e]) => (globalThis as any).document.querySelector(s)?.textContent?.replace(/\s+/g, ' ').trim() === e, [
    selector,
    expected,
  ] as const);

test('desktop 1280×800: 34 tiles, the published figures, the 6 June cut-off, Lai Châu’s 38 communes; no console error, no request off the origin', async () => {
  const { context, page, requests, problems } = await openPage({ width: 1280, height: 800 });
  const authorized: string[] = [];
  page.on('request', (request) => void (request.headers().authorization && authorized.push(request.url())));
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-province-code]').length === 34);
  await page.waitForSelector('.page[data-loading="false"]');
  expect(await page.locator('[data-province-code]').count()).toBe(34);

  // The map is coloured by green coverage by default: Cao Bằng's tile carries F5's 5.36 %.
  const caoBang = await text(page, '[data-province-code="04"]');
  expect(caoBang).toContain('Cao Bằng');
  expect(caoBang).toContain('5.36 %');
  expect(await text(page, '[data-row-province="04"]')).toContain('5.36 % (3/56)');
  // The national numbers at the published cut-off (F1, green coverage, F6).
  expect(await text(page, '[data-testid="national-progress"]')).toBe('34 / 0 / 0');
  expect(await text(page, '[data-testid="national-green"]')).toBe('2,398');
  expect(await text(page, '.national')).toContain('2,398 of 3,321');
  expect(await text(page, '.national')).toContain('1,981 of 3,321');
  // Nine cut-offs in the selector, the latest chosen.
  expect(await page.locator('[data-testid="cutoff"] option').count()).toBe(9);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'web-desktop.png') });

  // The other measures recolour the same tiles.
  // The table sorts by any column: by default green coverage ascending (Cao Bằng first); again: descending
  // (the 100 % provinces, by code: Hà Nội first); by communes, descending: Hồ Chí Minh City's 168 first.
  const firstRow = () => page.locator('[data-row-province]').first().getAttribute('data-row-province');
  expect(await firstRow()).toBe('04');
  await page.click('thead button:has-text("Green coverage")');
  await page.waitForSelector('[data-row-province]:first-child[data-row-province="01"]');
  await page.click('thead button:has-text("Communes")');
  await page.waitForSelector('[data-row-province]:first-child[data-row-province="79"]');
  expect(await page.locator('[data-row-province]').count()).toBe(34);

  const tileMatches = (code: string, pattern: RegExp) =>
    page.waitForFunction(
      ([c, source]) => new RegExp(source).test((globalThis as any).document.querySelector(`[data-province-code="${c}"]`)?.textContent ?? ''),
      [code, pattern.source] as const,
    );
  await page.getByLabel('Service-centre readiness').check();
  await tileMatches('04', /^Cao Bằng\d+\.\d\d %$/);
  expect(await text(page, '[data-province-code="04"]')).not.toContain('5.36 %');
  await page.getByLabel('Plan progress').check();
  await tileMatches('04', /^Cao BằngGreen$/);
  await page.getByLabel('Green coverage').check();
  await tileMatches('04', /^Cao Bằng5\.36 %$/);

  // The first cut-off, 16:00 on 6 June 2025: 188 green communes nationally (docs/DATASET.md's 188 → … → 2,398).
  const june6 = await page.locator('[data-testid="cutoff"] option', { hasText: '6 Jun 2025' }).getAttribute('value');
  await page.selectOption('[data-testid="cutoff"]', june6!);
  await waitForText(page, '[data-testid="national-green"]', '188');
  expect(await text(page, '[data-testid="national-ready"]')).toBe('0');
  await page.selectOption('[data-testid="cutoff"]', 'LATEST');
  await waitForText(page, '[data-testid="national-green"]', '2,398');

  // Lai Châu: its 38 communes on one page, with colour, readiness and the criteria each fails.
  await page.click('[data-province-code="12"]');
  await waitForText(page, '[data-testid="commune-count"]', '1–38 of 38');
  expect(await page.locator('[data-commune-code]').count()).toBe(38);
  expect(new URL(page.url()).pathname).toBe('/province/12');
  expect(await text(page, '[data-testid="communes-panel"] h2')).toBe('Lai Châu');
  expect(await page.locator('[data-commune-code] .ko').count()).toBeGreaterThan(0);
  expect(await page.locator('[data-commune-code] .criteria span').count()).toBeGreaterThan(0);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'web-desktop-province.png') });

  // A commune's criteria, anonymously: all 11 with met / not met, no assessor (that needs a token).
  const first = (await page.locator('[data-commune-code]').first().getAttribute('data-commune-code'))!;
  await page.click(`[data-commune-code="${first}"] button.expand`);
  await page.waitForSelector(`[data-commune-detail="${first}"] [data-criterion]`);
  expect(await page.locator(`[data-commune-detail="${first}"] [data-criterion]`).count()).toBe(11);
  expect(await page.locator(`[data-commune-detail="${first}"] [data-field="assessedBy"]`).count()).toBe(0);
  // With an analyst's token the same rows show who assessed each criterion.
  await page.click('[data-testid="token-box"] summary');
  await page.fill('[aria-label="Bearer token"]', await platform.token(['--role', 'analyst']));
  await page.click('text=Use token');
  await page.waitForSelector(`[data-commune-detail="${first}"] [data-field="assessedBy"]`);
  await page.waitForFunction((code) => {
    const cells = [...(globalThis as any).document.querySelectorAll(`[data-commune-detail="${code}"] [data-field="assessedBy"]`)];
    return cells.length === 11 && cells.some((cell: any) => cell.textContent !== '—');
  }, first);
  expect(await page.locator(`[data-commune-detail="${first}"]`).textContent()).not.toContain('not for this token');
  await page.screenshot({ path: path.join(SCREENSHOTS, 'web-desktop-commune.png') });
  // A Hà Nội official's token may not read Lai Châu's assessors: the page says so, the figures stay.
  await page.click('text=Forget token');
  await page.waitForSelector(`[data-commune-detail="${first}"] [data-testid="commune-detail"][data-loading="false"]`);
  await page.click('[data-testid="token-box"] summary');
  await page.fill('[aria-label="Bearer token"]', await platform.token(['--role', 'province-official', '--province', '01']));
  await page.click('text=Use token');
  await page.waitForFunction(
    (code) => (globalThis as any).document.querySelectorAll(`[data-commune-detail="${code}"] [data-field="assessedBy"] small`).length === 11,
    first,
  );
  expect(await text(page, '[data-testid="commune-count"]')).toBe('1–38 of 38');
  await page.click('text=Forget token');
  await page.waitForSelector(`[data-commune-detail="${first}"] [data-testid="commune-detail"][data-loading="false"]`);

  // Search ignores diacritics (the API's): "muong" finds the five "Mường …" communes.
  await page.fill('[data-testid="commune-search"]', 'muong');
  await waitForText(page, '[data-testid="commune-count"]', '1–5 of 5');
  const names = await page.locator('[data-commune-code] th').allTextContents();
  expect(names.every((n) => n.includes('Mường'))).toBe(true);

  // Hồ Chí Minh City (168 communes) pages by 50: 4 pages, the last holding 18.
  await page.click('[data-province-code="79"]');
  await waitForText(page, '[data-testid="commune-count"]', '1–50 of 168');
  for (const expected of ['51–100 of 168', '101–150 of 168', '151–168 of 168']) {
    await page.click('text=Next →');
    await waitForText(page, '[data-testid="commune-count"]', expected);
  }
  expect(await page.locator('[data-commune-code]').count()).toBe(18);
  await page.click('text=← Previous');
  await waitForText(page, '[data-testid="commune-count"]', '101–150 of 168');

  // Reloading a province's address serves the page (index.html fallback) with the province open.
  await page.goto(`${origin}/province/12`);
  await waitForText(page, '[data-testid="commune-count"]', '1–38 of 38');

  expect(problems).toEqual([]);
  expect(requests.length).toBeGreaterThan(5);
  expect(authorized.length).toBeGreaterThan(0);
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  await context.close();
});

test('phone 390 px wide: the whole page fits the width, 34 tiles, no console error, no request off the origin', async () => {
  const { context, page, requests, problems } = await openPage({ width: 390, height: 844 });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => (globalThis as any).document.querySelectorAll('[data-province-code]').length === 34);
  await page.waitForSelector('.page[data-loading="false"]');
  expect(await text(page, '[data-province-code="04"]')).toContain('5.36 %');
  // Nothing wider than the screen: no sideways scrolling of the page (the tables scroll in their own box).
  expect(await page.evaluate(() => (globalThis as any).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.screenshot({ path: path.join(SCREENSHOTS, 'web-phone.png') });
  expect(problems).toEqual([]);
  expect(requests.filter((url) => new URL(url).origin !== origin)).toEqual([]);
  await context.close();
});

test('done-when: `chromium --headless --dump-dom` of / (after its data loads) holds 34 data-province-code elements and "Cao Bằng"', async () => {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'kh02-chromium-'));
  try {
    // --virtual-time-budget lets the page run (and its /graphql request finish) before the DOM is dumped.
    const { stdout } = await run(CHROMIUM, [...CHROMIUM_FLAGS, `--user-data-dir=${profile}`, '--virtual-time-budget=30000', '--dump-dom', `${origin}/`], {
      timeout: 90_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout.match(/data-province-code="\d{2}"/g)?.length).toBe(34);
    expect(stdout).toContain('Cao Bằng');
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
