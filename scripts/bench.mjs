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
// 5. The same first load on a mid-range phone: slow 4G (150 ms round trip, 1,6 Mbit/s down,
//    750 kbit/s up) and a CPU 4× slower, PHONE_LOADS times, app and floor alike; and the
//    bytes a first load actually transfers.
// 6. Lighthouse (mobile, its own simulated throttling), LIGHTHOUSE_RUNS runs, median.
// 7. Interaction to next paint (the Event Timing API, as Core Web Vitals measure INP) while
//    typing, with pauses, in Nederland with the gemeenten table open (its first page of 30
//    rows), unthrottled and at 4× CPU.
//
// 8. The map: from scrolling it into view to its 408 shapes coloured (the drawing fetched,
//    cache disabled, and drawn), MAP_OPENS times; and each recolour (choosing another
//    measure), as the app's own `kaart-kleuren` performance measure (ui/sections/kaart/),
//    RECOLOURS times; on localhost and on the phone profile.
//
// BENCH_ONLY=inp runs only section 7; BENCH_ONLY=load only the phone load and Lighthouse;
// BENCH_ONLY=kaart only section 8.
//
// Everything is served the way the README tells a gemeente to serve it, by the same static
// server as scripts/serve.sh: precompressed files, the recommended headers and CSP.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { sizes } from './sizes.mjs';
import { CSP, startServer } from './static-server.mjs';

const [dist, floorDist] = process.argv.slice(2);
const LOADS = Number(process.env.BENCH_LOADS ?? 30);
const KEYS = Number(process.env.BENCH_KEYS ?? 200);
const PAUSES = Number(process.env.BENCH_PAUSES ?? 30);
const PHONE_LOADS = Number(process.env.BENCH_PHONE_LOADS ?? 7);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const INTERACTIONS = Number(process.env.BENCH_INTERACTIONS ?? 120);
const MAP_OPENS = Number(process.env.BENCH_MAP_OPENS ?? 10);
const RECOLOURS = Number(process.env.BENCH_RECOLOURS ?? 40);

/** A mid-range phone on slow 4G, as the issue and Lighthouse's mobile preset define it. */
const PHONE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpu: 4,
};

const sum = (rows, key) => rows.reduce((s, r) => s + r[key], 0);
const progress = (what) => console.error(`bench: ${what}`);
const kb = (n) => (n / 1024).toFixed(1);
const ms = (n) => (Number.isFinite(n) ? n.toFixed(2) : '–');
function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { median: at(0.5), p95: at(0.95), n: sorted.length };
}

/** The Chromium both Playwright and Lighthouse run, and the flags they start it with. */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Runs `run(url)` while `root` is served as scripts/serve.sh serves it (on a free port),
 * then stops the server. `csp: false` for the floor: its inline loader script is not the
 * one the calculator's policy allows by hash. */
async function withServer(root, run, { csp = true } = {}) {
  const server = await startServer({
    root, host: '127.0.0.1', port: 0, base: '/', headers: csp ? { 'Content-Security-Policy': CSP } : {},
  });
  try {
    return await run(server.url);
  } finally {
    server.server.close();
  }
}

/** Runs `run(browser)` in a new headless Chromium, then closes it. */
async function withBrowser(run) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_FLAGS, '--disable-quic'] });
  try {
    return await run(browser);
  } finally {
    await browser.close();
  }
}

/** Runs `use(page, cdp)` in a new page, then closes it. `cold`: the cache disabled; `phone`:
 * cold and on the phone profile (slow 4G, 4× CPU); `viewport`: its size. */
async function withPage(browser, use, { cold = false, phone = false, viewport } = {}) {
  const page = await browser.newPage(viewport ? { viewport } : {});
  try {
    const cdp = await page.context().newCDPSession(page);
    if (cold || phone) {
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    if (phone) {
      await cdp.send('Network.emulateNetworkConditions', PHONE.network);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: PHONE.cpu });
    }
    return await use(page, cdp);
  } finally {
    await page.close();
  }
}

/** ms from navigation start until the figure shows `expected` (a RegExp), and until the
 * last section of the page is there, cache disabled. */
async function firstFigures(browser, url, expected, complete, { loads = LOADS, phone = false } = {}) {
  const times = [];
  const completeTimes = [];
  const transferred = [];
  const beforeFigures = [];
  const paints = [];
  for (let i = 0; i < loads; i++) {
    await withPage(browser, async (page, cdp) => {
      let bytes = 0;
      cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
      await page.addInitScript(([source, last]) => {
        const pattern = new RegExp(source);
        const check = () => {
          const el = document.querySelector('[data-testid="frictiekosten"]');
          if (el && pattern.test(el.textContent) && !window.__firstFigures) window.__firstFigures = performance.now();
          if (last && !window.__complete && document.querySelector(last)) window.__complete = performance.now();
        };
        new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true });
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) {
            if (e.entryType === 'largest-contentful-paint') window.__lcp = e.startTime;
            else if (e.name === 'first-contentful-paint') window.__fcp = e.startTime;
          }
        }).observe({ entryTypes: ['paint', 'largest-contentful-paint'] });
      }, [expected.source, complete]);
      await page.goto(url);
      await page.waitForFunction((last) => window.__firstFigures && (!last || window.__complete), complete,
        { timeout: 120_000 });
      times.push(await page.evaluate(() => window.__firstFigures));
      // What went over the wire before the figures showed: the page and every response that
      // ended before them (Resource Timing's transferSize: headers and encoded body). The
      // chunks fetched after the figures are not part of it.
      beforeFigures.push(await page.evaluate(() => {
        const [nav] = performance.getEntriesByType('navigation');
        return (nav?.transferSize ?? 0) + performance.getEntriesByType('resource')
          .filter((r) => r.responseEnd <= window.__firstFigures)
          .reduce((s, r) => s + r.transferSize, 0);
      }));
      paints.push(await page.evaluate(() => [window.__fcp, window.__lcp]));
      if (complete) completeTimes.push(await page.evaluate(() => window.__complete));
      transferred.push(bytes);
    }, { cold: true, phone });
  }
  return {
    ...stats(times), complete: completeTimes.length ? stats(completeTimes) : undefined, bytes: stats(transferred),
    beforeFigures: stats(beforeFigures),
    fcp: stats(paints.map((p) => p[0] ?? NaN)), lcp: stats(paints.map((p) => p[1] ?? NaN)),
  };
}

/** Lighthouse's mobile scores and metrics, median of the runs (by performance). */
// Asynchronous: the pages it loads are served by this same process.
async function lighthouse(url) {
  const runs = [];
  for (let i = 0; i < LIGHTHOUSE_RUNS; i++) {
    const out = join(mkdtempSync(join(tmpdir(), 'lighthouse-')), 'report.json');
    await promisify(execFile)('npx', ['lighthouse', url, '--quiet', '--output=json', `--output-path=${out}`,
      `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`], { env: { ...process.env, CHROME_PATH: CHROMIUM } });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    const score = (c) => Math.round(report.categories[c].score * 100);
    const audit = (a) => report.audits[a].displayValue;
    runs.push({
      performance: score('performance'), accessibility: score('accessibility'),
      bestPractices: score('best-practices'), seo: score('seo'),
      fcp: audit('first-contentful-paint'), lcp: audit('largest-contentful-paint'),
      tbt: audit('total-blocking-time'), cls: audit('cumulative-layout-shift'), si: audit('speed-index'),
    });
  }
  runs.sort((a, b) => a.performance - b.performance);
  return { median: runs[Math.floor(runs.length / 2)], all: runs.map((r) => r.performance) };
}

/**
 * Interaction to next paint while typing: the Event Timing API's durations (input delay,
 * processing and presentation), the longest event per interaction, as Core Web Vitals
 * count them. Keys come in bursts with pauses, so the work done when typing pauses (the
 * panels, the table's rows) falls between and into interactions, as with a person.
 */
function interactionToNextPaint(browser, url, cpu) {
  return withPage(browser, async (page, cdp) => {
    await page.goto(url);
    await page.getByTestId('frictiekosten').waitFor();
    await page.getByTestId('gemeenten-sectie').locator('summary').click();
    await page.getByTestId('gemeenten').locator('tbody tr').first().waitFor();
    await page.evaluate(() => {
      window.__interactions = new Map();
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (e.interactionId) window.__interactions.set(e.interactionId, Math.max(window.__interactions.get(e.interactionId) ?? 0, e.duration));
        }
      }).observe({ type: 'event', durationThreshold: 16, buffered: true });
    });
    if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const field = page.getByLabel('Wijziging cliëntondersteuning', { exact: true });
    await field.click();
    await page.keyboard.type('-1');
    let typed = 0;
    while (typed < INTERACTIONS) {
      // A burst of keys 80 ms apart, then a pause long enough for the panels to follow.
      for (let k = 0; k < 4 && typed < INTERACTIONS; k++, typed++) {
        await page.keyboard.press(typed % 2 === 0 ? '5' : 'Backspace');
        await page.waitForTimeout(80);
      }
      await page.waitForTimeout(400);
    }
    await page.waitForTimeout(500);
    // Interactions under the observer's 16 ms threshold are not reported: count them as 16.
    const durations = await page.evaluate(() => [...window.__interactions.values()]);
    while (durations.length < INTERACTIONS) durations.push(16);
    const sorted = [...durations].sort((a, b) => a - b);
    return { ...stats(sorted), p98: sorted[Math.floor(0.98 * sorted.length)], worst: sorted[sorted.length - 1] };
  });
}

/**
 * Types "-1" into the cliëntondersteuning field, then `count` more keys ("5" and Backspace in
 * turn: -15 and -1, every key valid and changing the figures), and returns the ms from each
 * key's input event to the first DOM change of the element with `testid`.
 */
async function keyLatencies(page, testid, count) {
  await page.evaluate((id) => {
    window.__latencies = [];
    // The element is looked up at every change: the results are written as markup, so the
    // element shown after a key is a new one, and an observer on the old one hears nothing.
    const text = () => document.querySelector(`[data-testid="${id}"]`)?.textContent;
    new MutationObserver(() => {
      if (window.__inputAt !== undefined && text() !== window.__before) {
        window.__latencies.push(performance.now() - window.__inputAt);
        window.__inputAt = undefined;
      }
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    document.addEventListener('input', () => { window.__inputAt = performance.now(); window.__before = text(); }, true);
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
function inputToFigures(browser, url, { openTable = false } = {}) {
  return withPage(browser, async (page) => {
    await page.goto(url);
    await page.getByTestId('frictiekosten').waitFor();
    if (openTable) {
      await page.getByTestId('gemeenten-sectie').locator('summary').click();
      await page.getByTestId('gemeenten').locator('tbody tr').first().waitFor();
    }
    return stats(await keyLatencies(page, 'frictiekosten', KEYS));
  });
}

/** ms from the last key's input event to the chart below the figures changing. */
function inputToPanels(browser, url) {
  return withPage(browser, async (page) => {
    await page.goto(url);
    await page.getByTestId('grafiek-samenstelling').waitFor();
    return stats(await keyLatencies(page, 'grafiek-samenstelling', PAUSES));
  });
}

/** The map (section 8): ms from scrolling it into view until its 408 shapes have their
 * classes, and the durations of the app's `kaart-kleuren` measure while the measure shown
 * is switched RECOLOURS times. `phone`: the slow-4G, 4× CPU profile. */
async function mapTimings(browser, url, { phone = false } = {}) {
  const opens = [];
  let recolours = [];
  for (let i = 0; i < MAP_OPENS; i++) {
    await withPage(browser, async (page) => {
      await page.goto(url);
      await page.getByTestId('frictiekosten').waitFor();
      await page.getByTestId('kaart').waitFor({ state: 'attached', timeout: 60_000 });
      const started = await page.evaluate(() => {
        window.__mapDone = null;
        const check = () => {
          const shapes = document.querySelectorAll('.kaart__vormen path[class]');
          if (!window.__mapDone && shapes.length === 408) window.__mapDone = performance.now();
        };
        new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['class'] });
        const t = performance.now();
        // The drawing is fetched when the browser is idle after the figures: it may be drawn
        // before anyone scrolls to it (then this is 0).
        check();
        document.querySelector('[data-testid="kaart"]').scrollIntoView();
        return t;
      });
      await page.waitForFunction(() => window.__mapDone, null, { timeout: 120_000 });
      opens.push(await page.evaluate(() => window.__mapDone) - started);
      if (i === 0) {
        await page.evaluate(() => performance.clearMeasures('kaart-kleuren'));
        const measures = ['Omzetdaling', 'Frictiekosten', 'Ongedekt', 'Fte-verlies'];
        for (let r = 0; r < RECOLOURS; r++) {
          const before = await page.evaluate(() => performance.getEntriesByName('kaart-kleuren').length);
          await page.getByRole('radio', { name: measures[(r + 2) % 4], exact: true }).check();
          await page.waitForFunction((n) => performance.getEntriesByName('kaart-kleuren').length > n, before);
        }
        recolours = await page.evaluate(() => performance.getEntriesByName('kaart-kleuren').map((e) => e.duration));
      }
    }, { cold: true, phone, viewport: { width: 1280, height: 900 } });
  }
  return { open: stats(opens), recolour: stats(recolours) };
}

/** First loads on the phone profile, PHONE_LOADS times, until the figures show `expected`. */
const phoneLoads = (browser, url, expected) => firstFigures(browser, url, expected, null, { loads: PHONE_LOADS, phone: true });

if (process.env.BENCH_ONLY === 'kaart') {
  await withServer(dist, (base) => withBrowser(async (browser) => {
    for (const phone of [false, true]) {
      const r = await mapTimings(browser, `${base}?wijziging=-20&gemeenten=Assen:-60%25:`, { phone });
      console.log(`${phone ? 'phone' : 'localhost'}: open median ${ms(r.open.median)} p95 ${ms(r.open.p95)} (n ${r.open.n}); ` +
        `recolour median ${ms(r.recolour.median)} p95 ${ms(r.recolour.p95)} (n ${r.recolour.n})`);
    }
  }));
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'load') {
  await withServer(dist, async (base) => {
    const url = `${base}?gemeente=Groningen&wijziging=-13`;
    const phone = await withBrowser((browser) => phoneLoads(browser, url, /162\.019/));
    const lh = await lighthouse(url);
    console.log(`phone: FCP ${ms(phone.fcp.median)} LCP ${ms(phone.lcp.median)} figures median ${ms(phone.median)} p95 ${ms(phone.p95)}, ` +
      `${kb(phone.beforeFigures.median)} KB before the figures (${kb(phone.bytes.median)} KB with the prefetched chunks); ` +
      `lighthouse ${lh.all.join(', ')} (FCP ${lh.median.fcp}, LCP ${lh.median.lcp}, TBT ${lh.median.tbt}, CLS ${lh.median.cls})`);
  });
  process.exit(0);
}

if (process.env.BENCH_ONLY === 'inp') {
  await withServer(dist, (base) => withBrowser(async (browser) => {
    for (const cpu of [1, PHONE.cpu]) {
      const r = await interactionToNextPaint(browser, base, cpu);
      console.log(`cpu ${cpu}×: median ${ms(r.median)} p95 ${ms(r.p95)} p98 ${ms(r.p98)} worst ${ms(r.worst)} (n ${r.n})`);
    }
  }));
  process.exit(0);
}

const app = sizes(dist);
const floor = sizes(floorDist);
const out = [];
out.push('### Transfer size of `dist/`', '', '| file | raw | gzip -9 | brotli -q 11 |', '|---|---:|---:|---:|');
for (const r of app) out.push(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
out.push(`| **total** | **${sum(app, 'raw')}** | **${sum(app, 'gzip')}** | **${sum(app, 'brotli')}** |`);
out.push(`| floor (Leptos counter, same profile) | ${sum(floor, 'raw')} | ${sum(floor, 'gzip')} | ${sum(floor, 'brotli')} |`);
out.push('', `Total ${kb(sum(app, 'brotli'))} KB brotli = **${(sum(app, 'brotli') / sum(floor, 'brotli')).toFixed(2)} × the floor** ` +
  `(${kb(sum(floor, 'brotli'))} KB), download-only files (data/, embed pages) included; what a first load transfers is ` +
  'measured in the phone section below.', '');

await withServer(dist, (appUrl) => withServer(floorDist, async (floorUrl) => {
  const page = `${appUrl}?gemeente=Groningen&wijziging=-13`;
  await withBrowser(async (browser) => {
    progress('first figures, localhost');
    const first = await firstFigures(browser, page, /162\.019/, '[data-testid="tornado"] svg');
    const firstFloor = await firstFigures(browser, floorUrl, /0/);
    out.push(`### Time to first figures (${first.n} loads, cache disabled, localhost)`, '',
      '| page | median ms | p95 ms |', '|---|---:|---:|',
      `| \`?gemeente=Groningen&wijziging=-13\` | ${ms(first.median)} | ${ms(first.p95)} |`,
      `| floor (counter) | ${ms(firstFloor.median)} | ${ms(firstFloor.p95)} |`,
      `| the same page complete (its last chart drawn, a frame after the figures) | ${ms(first.complete.median)} | ${ms(first.complete.p95)} |`, '',
      `Ratio (median): ${(first.median / firstFloor.median).toFixed(2)} × the floor. Goal: ≤ 150 ms median.`, '');

    progress('input → figures');
    const one = await inputToFigures(browser, `${appUrl}?gemeente=Groningen`);
    const all = await inputToFigures(browser, `${appUrl}`);
    const allOpen = await inputToFigures(browser, `${appUrl}`, { openTable: true });
    out.push(`### Input → figures (${KEYS} keystrokes each)`, '', '| selection | median ms | p95 ms |', '|---|---:|---:|',
      `| gemeente Groningen | ${ms(one.median)} | ${ms(one.p95)} |`,
      `| Nederland: all 408 gemeenten recomputed, table folded (as it opens) | ${ms(all.median)} | ${ms(all.p95)} |`,
      `| Nederland with the table opened (its page of 30 rows follows once typing pauses) | ${ms(allOpen.median)} | ${ms(allOpen.p95)} |`, '',
      'Goal: p95 ≤ 4 ms.', '');
    progress('panels');
    const panels = await inputToPanels(browser, `${appUrl}?gemeente=Groningen`);
    out.push(`### Input → the panels below the figures (${panels.n} pauses)`, '',
      'Charts, bandbreedte, tornado and tables redraw once typing pauses for 100 ms, not on every key.', '',
      '| selection | median ms | p95 ms |', '|---|---:|---:|',
      `| gemeente Groningen: last key → chart redrawn | ${ms(panels.median)} | ${ms(panels.p95)} |`, '');
    progress('phone profile');
    const phone = await phoneLoads(browser, page, /162\.019/);
    const phoneEmbed = await phoneLoads(browser, `${appUrl}?embed=1&gemeente=Groningen&wijziging=-13`, /162\.019/);
    const phoneFloor = await phoneLoads(browser, floorUrl, /0/);
    const phoneRow = (name, r) => `| ${name} | ${ms(r.fcp.median)} | ${ms(r.lcp.median)} | ${ms(r.median)} | ${ms(r.p95)} | ` +
      `${kb(r.beforeFigures.median)} KB | ${kb(r.bytes.median)} KB |`;
    out.push(`### On a phone: slow 4G and 4× CPU (${phone.n} loads each, cache disabled)`, '',
      'Served as `scripts/serve.sh` serves it (precompressed files, the recommended headers). Slow 4G: 150 ms round trip, ' +
      '1,6 Mbit/s down, 750 kbit/s up; the CPU 4× slower (Chrome DevTools Protocol). "Before the figures": the page and ' +
      'every response that ended before the figures showed (Resource Timing). "In all": everything the load transferred ' +
      'until the figures were read, the chunks prefetched when the browser is idle included.', '',
      '| page | first contentful paint | largest contentful paint | figures visible, median ms | p95 ms | transferred before the figures | in all |',
      '|---|---:|---:|---:|---:|---:|---:|',
      phoneRow('`?gemeente=Groningen&wijziging=-13`', phone),
      phoneRow('the same embedded (`embed=1`)', phoneEmbed),
      phoneRow('floor (counter)', phoneFloor), '',
      `Ratio (median): ${(phone.median / phoneFloor.median).toFixed(2)} × the floor. Goal: ≤ 1.300 ms and ≤ 2 × the floor; ` +
      'transferred before the figures ≤ 150 KB, embedded ≤ 120 KB.', '');

    progress('interaction to next paint');
    const inp = await interactionToNextPaint(browser, appUrl, 1);
    const inpPhone = await interactionToNextPaint(browser, appUrl, PHONE.cpu);
    out.push(`### Interaction to next paint while typing (${inp.n} keys, Nederland, gemeenten table open at a page of 30 rows)`, '',
      'Event Timing API durations (input delay + processing + presentation), the longest event per interaction; ' +
      'keys in bursts of four, 80 ms apart, with 400 ms pauses in which the panels follow.', '',
      '| CPU | median ms | p95 ms | p98 ms | worst ms |', '|---|---:|---:|---:|---:|',
      `| this machine | ${ms(inp.median)} | ${ms(inp.p95)} | ${ms(inp.p98)} | ${ms(inp.worst)} |`,
      `| 4× slower | ${ms(inpPhone.median)} | ${ms(inpPhone.p95)} | ${ms(inpPhone.p98)} | ${ms(inpPhone.worst)} |`, '',
      'Goal: p95 ≤ 50 ms (this machine).', '');
    progress('map');
    const mapUrl = `${appUrl}?wijziging=-20&gemeenten=Assen:-60%25:`;
    const mapLocal = await mapTimings(browser, mapUrl);
    const mapPhone = await mapTimings(browser, mapUrl, { phone: true });
    out.push(`### The map (${mapLocal.open.n} openings, ${mapLocal.recolour.n} recolours each)`, '',
      'Opening: from scrolling the map into view to its 408 shapes coloured, the drawing fetched with the cache disabled. ' +
      'Recolour: the app\'s own `kaart-kleuren` measure (classes, legend values, names and the chosen area set on the ' +
      '408 shapes) while another measure is chosen.', '',
      '| profile | opening, median ms | p95 ms | recolour, median ms | p95 ms |', '|---|---:|---:|---:|---:|',
      `| localhost | ${ms(mapLocal.open.median)} | ${ms(mapLocal.open.p95)} | ${ms(mapLocal.recolour.median)} | ${ms(mapLocal.recolour.p95)} |`,
      `| phone (slow 4G, 4× CPU) | ${ms(mapPhone.open.median)} | ${ms(mapPhone.open.p95)} | ${ms(mapPhone.recolour.median)} | ${ms(mapPhone.recolour.p95)} |`, '',
      'Goal: a recolour ≤ 10 ms on this machine.', '');
  });

  progress('lighthouse');
  const lh = await lighthouse(page);
  out.push(`### Lighthouse (mobile preset, ${LIGHTHOUSE_RUNS} runs, median by performance)`, '',
    '| performance | accessibility | best practices | SEO | FCP | LCP | TBT | CLS | speed index |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${lh.median.performance} (runs: ${lh.all.join(', ')}) | ${lh.median.accessibility} | ${lh.median.bestPractices} | ${lh.median.seo} | ` +
    `${lh.median.fcp} | ${lh.median.lcp} | ${lh.median.tbt} | ${lh.median.cls} | ${lh.median.si} |`, '',
    'Goal: 100 in each category.', '');
}, { csp: false }));
console.log(out.join('\n'));
