// The dashboard in a real browser (Debian's Chromium, driven by playwright-core) against a running suite.
// Checks what a user relies on: the figures equal the API's answers, a filing created through the API appears after
// a poll, the as-of picker and the search work, the page is usable by keyboard and at phone width, it says plainly
// when insights cannot be reached, and the browser logs no error. Saves screenshots and measures the page's load.
//
//   node dashboard.test.mjs
// Environment: BEIAN_E2E_BASE (gateway URL), BEIAN_E2E_KEY (an editor or admin API key), BEIAN_E2E_INSIGHTS_PID
// (the insights process, stopped by the last check), BEIAN_E2E_OUT (where screenshots and figures go).
// Prints "N passed, N failed" last; exits non-zero on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';

const BASE = process.env.BEIAN_E2E_BASE ?? 'http://127.0.0.1:18480';
const KEY = process.env.BEIAN_E2E_KEY ?? 'e2e-admin-key';
const INSIGHTS_PID = Number(process.env.BEIAN_E2E_INSIGHTS_PID ?? 0);
const OUT = process.env.BEIAN_E2E_OUT ?? 'out';
const CHROMIUM = process.env.BEIAN_E2E_CHROMIUM ?? '/usr/bin/chromium';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

mkdirSync(OUT, { recursive: true });
let passed = 0;
let failed = 0;
const figures = {};

async function check(name, fn) {
  const started = Date.now();
  try {
    await fn();
    passed += 1;
    console.log(`ok    ${name} (${Date.now() - started} ms)`);
  } catch (error) {
    failed += 1;
    console.log(`FAIL  ${name}\n      ${String(error?.stack ?? error).split('\n').slice(0, 6).join('\n      ')}`);
  }
}

function assert(condition, message) {
  if (!condition) throw new Error(message);
}

function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}

async function api(path, init = {}) {
  const response = await fetch(BASE + path, init);
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return JSON.parse(text);
}

const kindCount = (summary, kind) => summary.byKind.find((k) => k.kind === kind)?.count ?? 0;
const number = (text) => Number(String(text).replace(/,/g, ''));
const pageNumber = async (page, id) => number(await page.locator(`#${id}`).textContent());

/** Waits until the page shows the answer of this watermark (it polls every few seconds). */
async function waitForWatermark(page, eventTime, timeout = 15000) {
  await page.waitForFunction((expected) => document.getElementById('watermark')?.dataset.eventTime === expected,
    eventTime, { timeout });
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({ viewport: DESKTOP, locale: 'en-US' });
const page = await context.newPage();

// Every console error and uncaught exception is a failure, except the failed loads the outage check causes itself.
const consoleErrors = [];
let outageStarted = false;
page.on('console', (message) => {
  if (message.type() !== 'error') return;
  const expected = outageStarted && /Failed to load resource: the server responded with a status of 50[234]/.test(message.text());
  if (!expected) consoleErrors.push(`${message.text()} @ ${message.location()?.url ?? ''}`);
});
page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));

// Transfer size of the first load, from the browser's own network events (bytes on the wire, headers included).
const cdp = await context.newCDPSession(page);
await cdp.send('Network.enable');
await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
const transfer = { bytes: 0, requests: 0 };
cdp.on('Network.loadingFinished', (event) => {
  transfer.bytes += event.encodedDataLength;
  transfer.requests += 1;
});

await check('the dashboard loads, draws its charts and measures its load', async () => {
  const started = Date.now();
  const response = await page.goto(`${BASE}/`, { waitUntil: 'load' });
  assertEqual(response.status(), 200, 'status of /');
  assert(response.headers()['content-security-policy']?.includes("script-src 'self'"), 'a Content-Security-Policy');
  await page.waitForFunction(() => document.getElementById('fig-filings').textContent !== '–', null, { timeout: 20000 });
  const shownAfter = Date.now() - started;
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(() => {
    const [nav] = performance.getEntriesByType('navigation');
    return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), load: Math.round(nav.loadEventEnd) };
  });
  const canvases = await page.locator('#chart-jurisdictions canvas').count();
  assert(canvases > 0, 'the jurisdictions chart is drawn on a canvas');
  figures.load = { ...timing, figuresShownMs: shownAfter, transferBytes: transfer.bytes, requests: transfer.requests };
  console.log(`      load: DOMContentLoaded ${timing.domContentLoaded} ms, load ${timing.load} ms, figures shown after `
    + `${shownAfter} ms; ${transfer.requests} requests, ${(transfer.bytes / 1024).toFixed(1)} KiB transferred (cache off)`);
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });

  // Again with the browser's cache, as a returning visitor loads it: the library comes from the cache.
  transfer.bytes = 0;
  transfer.requests = 0;
  const again = Date.now();
  await page.reload({ waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('fig-filings').textContent !== '–', null, { timeout: 20000 });
  const warmShownAfter = Date.now() - again;
  const warm = await page.evaluate(() => Math.round(performance.getEntriesByType('navigation')[0].loadEventEnd));
  figures.reload = { load: warm, figuresShownMs: warmShownAfter, transferBytes: transfer.bytes, requests: transfer.requests };
  console.log(`      reload with cache: load ${warm} ms, figures shown after ${warmShownAfter} ms; ${transfer.requests} `
    + `requests, ${(transfer.bytes / 1024).toFixed(1)} KiB transferred`);
});

await check('the page is usable by keyboard: skip link first, then the controls', async () => {
  await page.keyboard.press('Tab');
  assertEqual(await page.evaluate(() => document.activeElement?.className), 'skip', 'first Tab stop');
  const stops = [];
  for (let i = 0; i < 8; i += 1) {
    await page.keyboard.press('Tab');
    stops.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.textContent?.trim()));
  }
  assert(stops.includes('asof'), `the date picker is reachable: ${stops.join(' | ')}`);
  await page.locator('#q').focus();
  await page.keyboard.type('文');
  await page.keyboard.press('Enter');
  await page.locator('#search-results li').first().waitFor({ timeout: 10000 });
});

await check('the summary figures equal the API\'s answers', async () => {
  const summary = await api('/api/v1/insights/summary');
  await waitForWatermark(page, summary.watermark.eventTime);
  assertEqual(await pageNumber(page, 'fig-filings'), kindCount(summary, 'FILING'), 'filings');
  assertEqual(await pageNumber(page, 'fig-registrations'), kindCount(summary, 'REGISTRATION'), 'registrations');
  assertEqual(await pageNumber(page, 'fig-organizations'), summary.organizations, 'organizations');
  assertEqual(await pageNumber(page, 'fig-jurisdictions'), summary.jurisdictions, 'jurisdictions');
  assertEqual(await pageNumber(page, 'fig-new30'), summary.newInLast30Days.count, 'new in 30 days');
  assert(kindCount(summary, 'FILING') >= 46, 'the real CAC rows were loaded');
  const watermark = await page.locator('#watermark').textContent();
  assert(/as of \d+ \w+ \d{4}/.test(watermark), `the watermark is shown: ${watermark}`);
});

await check('jurisdictions are listed with English and Chinese names and the API\'s counts', async () => {
  const regions = await api('/api/v1/insights/regions');
  const top = regions.jurisdictions[0];
  await page.locator('summary', { hasText: 'Table: filings per jurisdiction' }).click();
  const firstRow = page.locator('#table-jurisdictions tbody tr').first();
  const cells = await firstRow.locator('td').allTextContents();
  assertEqual(cells[0], top.code, 'code of the first row');
  assertEqual(cells[1], top.nameEn, 'English name');
  assertEqual(cells[2], top.nameZh, 'Chinese name');
  assertEqual(number(cells[3]), top.count, 'count');
  const drawn = regions.jurisdictions.filter((j) => j.count > 0).length;
  assertEqual(await page.locator('#table-jurisdictions tbody tr').count(), drawn, 'one row per jurisdiction with filings');
});

await check('coverage against the official totals matches the API', async () => {
  const coverage = await api('/api/v1/insights/coverage');
  const rows = await page.locator('#table-coverage tbody tr').count();
  assertEqual(rows, coverage.points.length, 'one row per announced total');
  const last = coverage.points[coverage.points.length - 1];
  const cells = await page.locator('#table-coverage tbody tr').last().locator('td').allTextContents();
  assertEqual(cells[0], last.asOf, 'date of the latest announcement');
  assertEqual(number(cells[1]), last.officialFilings, 'official filings');
  assertEqual(number(cells[2]), last.registryFilings, 'registry filings');
});

await check('every chart has a table view, and a tooltip draws without breaking the page policy', async () => {
  const charts = await page.locator('.chart').count();
  const tables = await page.locator('details .table-wrap').count();
  assert(charts >= 8 && tables >= charts, `${charts} charts, ${tables} tables`);
  const box = await page.locator('#chart-jurisdictions').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 40);
  await page.waitForTimeout(300);
});

await check('search lists matching filings (one Chinese character) with links to their JSON', async () => {
  const expected = await api(`/api/v1/filings?q=${encodeURIComponent('文')}&limit=20`);
  await page.waitForFunction((n) => document.querySelectorAll('#search-results li').length === n, expected.items.length,
    { timeout: 10000 });
  const links = await page.locator('#search-results li a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assertEqual(links[0], `/api/v1/filings/${expected.items[0].id}`, 'link of the first result');
  assert((await page.locator('#search-results').textContent()).includes('文心一言'), '文心一言 is found');
  const filing = await api(links[0]);
  assertEqual(filing.id, expected.items[0].id, 'the link answers the filing\'s JSON');
});

await check('a filing created through the API appears after a poll', async () => {
  const before = await api('/api/v1/insights/summary');
  const stamp = Date.now();
  const created = await api('/api/v1/filings', {
    method: 'POST',
    headers: { Authorization: `Bearer ${KEY}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({
      kind: 'FILING', name: `浏览器测试模型 ${stamp}`, organizationName: '浏览器测试科技有限公司',
      filingNumber: `Beijing-BrowserTest-${stamp}`, filingDate: new Date().toISOString().slice(0, 10),
      jurisdiction: 'CN-BJ', categories: ['TEXT'],
    }),
  });
  const startedWaiting = Date.now();
  const expected = kindCount(before, 'FILING') + 1;
  await page.waitForFunction((n) => Number(document.getElementById('fig-filings').textContent.replace(/,/g, '')) === n,
    expected, { timeout: 20000 });
  figures.newFilingVisibleMs = Date.now() - startedWaiting;
  console.log(`      filing ${created.id} shown ${figures.newFilingVisibleMs} ms after its 201`);
  const after = await api('/api/v1/insights/summary');
  assertEqual(await pageNumber(page, 'fig-new30'), after.newInLast30Days.count, 'new in 30 days after the filing');
});

await check('unchanged polls are 304s without a body', async () => {
  const statuses = [];
  const listener = (response) => {
    if (response.url().includes('/api/v1/insights/summary')) statuses.push(response.status());
  };
  page.on('response', listener);
  await page.waitForTimeout(6000);
  page.off('response', listener);
  assert(statuses.length >= 2, `the page polled: ${statuses.join(',')}`);
  assert(statuses.every((s) => s === 304), `unchanged polls answered ${statuses.join(',')}`);
});

await page.evaluate(() => window.scrollTo(0, 0));
await page.screenshot({ path: `${OUT}/dashboard-desktop.png` });
await page.screenshot({ path: `${OUT}/dashboard-desktop-full.png`, fullPage: true });

await check('the as-of picker shows the register on an earlier day', async () => {
  const day = '2024-03-31';
  const summary = await api(`/api/v1/insights/summary?asOf=${day}`);
  await page.locator('#asof').fill(day);
  await page.locator('#asof-form button[type=submit]').click();
  await page.waitForFunction((d) => document.getElementById('watermark').textContent.includes(d), day, { timeout: 10000 });
  await page.waitForFunction((n) => Number(document.getElementById('fig-filings').textContent.replace(/,/g, '')) === n,
    kindCount(summary, 'FILING'), { timeout: 10000 });
  assertEqual(await pageNumber(page, 'fig-organizations'), summary.organizations, 'organizations on that day');
  assert(page.url().includes(`asOf=${day}`), 'the date is in the address, to share');
  await page.locator('#asof-now').click();
  await page.waitForFunction(() => document.getElementById('watermark').textContent.startsWith('Live'), null, { timeout: 10000 });
});

await check('at phone width nothing overflows sideways', async () => {
  await page.setViewportSize(PHONE);
  await page.waitForTimeout(800);
  await page.evaluate(() => window.scrollTo(0, 0));
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await page.screenshot({ path: `${OUT}/dashboard-phone.png` });
  await page.screenshot({ path: `${OUT}/dashboard-phone-full.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
});

await check('no console error or uncaught exception while everything was up', async () => {
  assertEqual(consoleErrors.length, 0, `console errors: ${consoleErrors.join(' | ')}`);
});

await check('with insights stopped, the page says so and hides its figures', async () => {
  assert(INSIGHTS_PID > 0, 'BEIAN_E2E_INSIGHTS_PID names the insights process');
  outageStarted = true;
  process.kill(INSIGHTS_PID, 'SIGTERM');
  await page.locator('.alert[data-name="insights"]').waitFor({ timeout: 30000 });
  const alert = await page.locator('.alert[data-name="insights"]').textContent();
  assert(alert.includes('Insights cannot be reached'), alert);
  assertEqual(await page.locator('#fig-filings').textContent(), '–', 'no stale figure shown as current');
  assert(await page.locator('#chart-jurisdictions').isHidden(), 'charts are hidden');
  assert((await page.locator('#watermark').textContent()).includes('unreachable'), 'the watermark says so');
  assert(await page.locator('#search-results').isVisible(), 'search, served by the registry, still works');
  await page.screenshot({ path: `${OUT}/dashboard-insights-down.png` });
});

await check('no console error other than the failed loads of the outage', async () => {
  assertEqual(consoleErrors.length, 0, `console errors: ${consoleErrors.join(' | ')}`);
});

await browser.close();
writeFileSync(`${OUT}/figures.json`, `${JSON.stringify(figures, null, 2)}\n`);
console.log(`browser: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
