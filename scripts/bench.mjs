#!/usr/bin/env node
// Browser and transfer-size benchmarks, run by scripts/bench.sh (not by the tests).
// Prints a Markdown report on stdout.
//
//   node scripts/bench.mjs <dist> <floor-dist>
//
// 1. Transfer size of every file in dist/: raw, gzip -9, brotli -q 11; total against the
//    floor (a minimal Leptos counter, same profile).
// 2. Time to first figures: navigation start → the frictiekosten figure showing its value,
//    with the cache disabled, over LOADS loads; the floor the same way.
// 3. Input → figures: from a key's input event to the DOM change of the figures, over
//    KEYS keystrokes, for one gemeente and for Nederland (all 408 gemeenten recomputed).
//    Measured from outside the app (a capture-phase input listener and a MutationObserver
//    on the figure): the same two moments a performance.mark in the app would give,
//    without shipping instrumentation.
// 4. The panels below the figures (charts, bandbreedte, tornado, tables) follow once typing
//    pauses: from the last key's input event to the chart's DOM change, PAUSES times.
import { chromium } from 'playwright-core';
import { sizes } from './sizes.mjs';
import { startServer } from './static-server.mjs';

const [dist, floorDist] = process.argv.slice(2);
const LOADS = Number(process.env.BENCH_LOADS ?? 30);
const KEYS = Number(process.env.BENCH_KEYS ?? 200);
const PAUSES = Number(process.env.BENCH_PAUSES ?? 30);

const sum = (rows, key) => rows.reduce((s, r) => s + r[key], 0);
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => n.toFixed(2);
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

const launch = () => chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** ms from navigation start until the figure shows `expected` (a RegExp), and until the
 * last section of the page is there, cache disabled. */
async function firstFigures(browser, url, expected, complete) {
  const times = [];
  const completeTimes = [];
  for (let i = 0; i < LOADS; i++) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(([source, last]) => {
      const pattern = new RegExp(source);
      const check = () => {
        const el = document.querySelector('[data-testid="frictiekosten"]');
        if (el && pattern.test(el.textContent) && !window.__firstFigures) window.__firstFigures = performance.now();
        if (last && !window.__complete && document.querySelector(last)) window.__complete = performance.now();
      };
      new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
    }, [expected.source, complete]);
    await page.goto(url);
    await page.waitForFunction((last) => window.__firstFigures && (!last || window.__complete), complete);
    times.push(await page.evaluate(() => window.__firstFigures));
    if (complete) completeTimes.push(await page.evaluate(() => window.__complete));
    await page.close();
  }
  return { ...stats(times), complete: completeTimes.length ? stats(completeTimes) : undefined };
}

/**
 * Types "-1" into the cliëntondersteuning field, then `count` more keys ("5" and Backspace in
 * turn: -15 and -1, every key valid and changing the figures), and returns the ms from each
 * key's input event to the first DOM change of the element with `testid`.
 */
async function keyLatencies(page, testid, count) {
  await page.evaluate((id) => {
    window.__latencies = [];
    const target = document.querySelector(`[data-testid="${id}"]`);
    new MutationObserver(() => {
      if (window.__inputAt !== undefined) {
        window.__latencies.push(performance.now() - window.__inputAt);
        window.__inputAt = undefined;
      }
    }).observe(target, { subtree: true, childList: true, characterData: true });
    document.addEventListener('input', () => { window.__inputAt = performance.now(); }, true);
  }, testid);
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).click();
  await page.keyboard.type('-1');
  await page.waitForFunction(() => window.__latencies.length >= 1);
  for (let i = 0; i < count; i++) {
    await page.keyboard.press(i % 2 === 0 ? '5' : 'Backspace');
    await page.waitForFunction((n) => window.__latencies.length >= n, i + 2);
  }
  const latencies = await page.evaluate(() => window.__latencies);
  return latencies.slice(1, count + 1);
}

/** ms from each keystroke's input event to the figures' DOM change. */
async function inputToFigures(browser, url, { openTable = false } = {}) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByTestId('frictiekosten').waitFor();
  if (openTable) {
    await page.getByTestId('gemeenten-sectie').locator('summary').click();
    await page.getByTestId('gemeenten').locator('tbody tr').nth(407).waitFor();
  }
  const latencies = await keyLatencies(page, 'frictiekosten', KEYS);
  await page.close();
  return stats(latencies);
}

/** ms from the last key's input event to the chart below the figures changing. */
async function inputToPanels(browser, url) {
  const page = await browser.newPage();
  await page.goto(url);
  await page.getByTestId('grafiek-samenstelling').waitFor();
  const latencies = await keyLatencies(page, 'grafiek-samenstelling', PAUSES);
  await page.close();
  return stats(latencies);
}

const app = sizes(dist);
const floor = sizes(floorDist);
const out = [];
out.push('### Transfer size of `dist/`', '', '| file | raw | gzip -9 | brotli -q 11 |', '|---|---:|---:|---:|');
for (const r of app) out.push(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
out.push(`| **total** | **${sum(app, 'raw')}** | **${sum(app, 'gzip')}** | **${sum(app, 'brotli')}** |`);
out.push(`| floor (Leptos counter, same profile) | ${sum(floor, 'raw')} | ${sum(floor, 'gzip')} | ${sum(floor, 'brotli')} |`);
out.push('', `Total ${kb(sum(app, 'brotli'))} KB brotli = **${(sum(app, 'brotli') / sum(floor, 'brotli')).toFixed(2)} × the floor** ` +
  `(${kb(sum(floor, 'brotli'))} KB). Goal: ≤ 100 KB and ≤ 2,5 ×.`, '');

const browser = await launch();
const appServer = await startServer({ root: dist, host: '127.0.0.1', port: 0, base: '/', headers: {} });
const floorServer = await startServer({ root: floorDist, host: '127.0.0.1', port: 0, base: '/', headers: {} });
const first = await firstFigures(browser, `${appServer.url}?gemeente=Groningen&wijziging=-13`, /162\.019/,
  '[data-testid="tornado"] svg');
const firstFloor = await firstFigures(browser, floorServer.url, /0/);
out.push(`### Time to first figures (${first.n} loads, cache disabled, localhost)`, '',
  '| page | median ms | p95 ms |', '|---|---:|---:|',
  `| \`?gemeente=Groningen&wijziging=-13\` | ${ms(first.median)} | ${ms(first.p95)} |`,
  `| floor (counter) | ${ms(firstFloor.median)} | ${ms(firstFloor.p95)} |`,
  `| the same page complete (its last chart drawn, a frame after the figures) | ${ms(first.complete.median)} | ${ms(first.complete.p95)} |`, '',
  `Ratio (median): ${(first.median / firstFloor.median).toFixed(2)} × the floor. Goal: ≤ 150 ms median.`, '');

const one = await inputToFigures(browser, `${appServer.url}?gemeente=Groningen`);
const all = await inputToFigures(browser, `${appServer.url}`);
const allOpen = await inputToFigures(browser, `${appServer.url}`, { openTable: true });
out.push(`### Input → figures (${KEYS} keystrokes each)`, '', '| selection | median ms | p95 ms |', '|---|---:|---:|',
  `| gemeente Groningen | ${ms(one.median)} | ${ms(one.p95)} |`,
  `| Nederland: all 408 gemeenten recomputed, table folded (as it opens) | ${ms(all.median)} | ${ms(all.p95)} |`,
  `| Nederland with the table opened (its 408 rows follow once typing pauses) | ${ms(allOpen.median)} | ${ms(allOpen.p95)} |`, '',
  'Goal: p95 ≤ 4 ms.', '');
const panels = await inputToPanels(browser, `${appServer.url}?gemeente=Groningen`);
out.push(`### Input → the panels below the figures (${panels.n} pauses)`, '',
  'Charts, bandbreedte, tornado and tables redraw once typing pauses for 100 ms, not on every key.', '',
  '| selection | median ms | p95 ms |', '|---|---:|---:|',
  `| gemeente Groningen: last key → chart redrawn | ${ms(panels.median)} | ${ms(panels.p95)} |`, '');
await browser.close();
appServer.server.close();
floorServer.server.close();
console.log(out.join('\n'));
