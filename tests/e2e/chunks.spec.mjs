// The first load holds what the first screen needs; every section below the figures comes
// from a chunk of the wasm fetched after them (src/ui/chunks.rs, scripts/build-wasm.mjs).
// These tests watch the requests: what comes before the figures, what after, what an
// embedded calculator fetches, and what a visitor sees when a chunk cannot be fetched.
import { test as base } from '@playwright/test';
import { test, expect, open, settled } from './fixtures.mjs';

const CHUNK = /\/chunk-[a-z0-9-]+-[0-9a-f]{12,16}\.wasm$/;

/** Records when the figures first show (a MutationObserver set up before the page's own
 * scripts run), to compare with Resource Timing's start times. */
async function figuresAt(page) {
  await page.addInitScript(() => {
    new MutationObserver(() => {
      const el = document.querySelector('[data-testid="frictiekosten"]');
      if (el && /€/.test(el.textContent) && !window.__figuresAt) window.__figuresAt = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

test('the first load holds no chunk: they are fetched after the figures are shown', async ({ page }) => {
  await figuresAt(page);
  await open(page, '?gemeente=Groningen&wijziging=-13');
  // Idle after the figures, the page fetches the sections' code.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => /\/chunk-/.test(r.name)).length)).toBeGreaterThan(0);
  const timing = await page.evaluate(() => ({
    figuresAt: window.__figuresAt,
    chunks: performance.getEntriesByType('resource').filter((r) => /\/chunk-/.test(r.name))
      .map((r) => ({ name: r.name, start: r.startTime })),
    mainWasm: performance.getEntriesByType('resource').filter((r) => /_bg\.wasm$/.test(r.name)).length,
  }));
  expect(timing.mainWasm).toBe(1);
  for (const chunk of timing.chunks) {
    expect(chunk.name).toMatch(CHUNK);
    expect(chunk.start, `${chunk.name} started after the figures`).toBeGreaterThan(timing.figuresAt);
  }
});

test('a section stands in its place with its heading while its code loads, then appears', async ({ page }) => {
  // Hold the chunks back, as a slow connection would.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(CHUNK, async (route) => { await held; await route.continue(); });
  await open(page, '?regio=Groningen&wijziging=-10');
  const gemeenten = page.getByTestId('gemeenten-sectie');
  await expect(gemeenten).toHaveCount(0);
  const standIn = page.getByTestId('laden-gemeenten');
  await expect(standIn.getByRole('heading', { name: 'Per gemeente' })).toBeVisible();
  release();
  // Built when its code has come, near the viewport at once, further down when the browser
  // is idle: find-in-page, heading navigation and print need every section.
  await expect(gemeenten).toHaveCount(1, { timeout: 15_000 });
  await expect(page.getByTestId('laden-gemeenten')).toHaveCount(0);
  await gemeenten.scrollIntoViewIfNeeded();
  await expect(gemeenten).toBeVisible();
  // It works like any section: its rows follow the figures.
  await expect(gemeenten.locator('summary')).toContainText('Per gemeente');
});

test('every section is built after its code has come, also those far below the viewport', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  // Without scrolling, the stand-ins all give way (one section per idle moment).
  await settled(page);
  await expect(page.getByRole('button', { name: 'Status quo' })).toHaveCount(1);
});

base('a chunk that cannot be fetched: the section says so in Dutch, the figures keep working, and it can be retried', async ({ page }) => {
  // A proxy that blocks the chunks (or a connection lost after the first load).
  let blocked = true;
  await page.route(CHUNK, (route) => (blocked ? route.abort('blockedbyclient') : route.continue()));
  await page.goto('./?gemeente=Groningen&wijziging=-13');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  const standIn = page.getByTestId('laden-aannames');
  await standIn.scrollIntoViewIfNeeded();
  await expect(standIn).toContainText('Dit onderdeel kon niet worden geladen');
  const retry = standIn.getByRole('button', { name: 'Opnieuw proberen' });
  await expect(retry).toBeVisible();
  // The figures keep working.
  const field = page.getByLabel('Wijziging cliëntondersteuning', { exact: true });
  await field.fill('-20');
  await expect(page.getByTestId('frictiekosten')).not.toHaveText('€ 162.019');
  // Back online: one press and the section is there.
  blocked = false;
  await retry.click();
  await expect(page.getByLabel('Dekking uit reserves van MEE')).toBeVisible();
  await expect(page.getByTestId('laden-aannames')).toHaveCount(0);
});

base('printed before the report’s code is there, the page prints as it is on screen, not blank', async ({ page }) => {
  await page.route(CHUNK, (route) => route.abort('blockedbyclient'));
  await page.goto('./?gemeente=Groningen&wijziging=-13');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('frictiekosten')).toBeVisible();
});

test('an embedded calculator fetches only what it shows: the bandbreedte, the rest when "Meer" is opened', async ({ page }) => {
  const chunks = [];
  page.on('request', (r) => { if (CHUNK.test(r.url())) chunks.push(r.url().split('/').pop()); });
  await open(page, '?embed=1&gemeente=Groningen&wijziging=-13');
  // The range beside the figures is shown, so its code comes.
  await expect(page.getByTestId('bandbreedte-frictiekosten')).toHaveText(/€/);
  // Past the moment a full page prefetches (when idle, or after its deadline), which an
  // embedded calculator does not do: the page has been idle and the network quiet.
  await page.evaluate(() => new Promise((done) => requestIdleCallback(() => requestIdleCallback(done))));
  await page.waitForLoadState('networkidle');
  expect(chunks.filter((c) => /^chunk-(panelen|kaart)-/.test(c))).toEqual([]);
  await page.getByTestId('embed-meer').locator('> summary').click();
  await expect(page.getByRole('button', { name: 'Status quo' })).toBeVisible();
  expect(chunks.some((c) => c.startsWith('chunk-panelen-'))).toBe(true);
});

test('an embedded calculator with the map fetches the map’s chunk and not the others', async ({ page }) => {
  const chunks = [];
  page.on('request', (r) => { if (CHUNK.test(r.url())) chunks.push(r.url().split('/').pop()); });
  await open(page, '?embed=1&kaart=1&gemeente=Groningen');
  await page.evaluate(() => document.querySelector('[data-testid="laden-kaart"], [data-testid="kaart"]').scrollIntoView());
  await expect(page.getByTestId('kaart')).toBeVisible({ timeout: 15_000 });
  expect(chunks.some((c) => c.startsWith('chunk-kaart-'))).toBe(true);
  expect(chunks.filter((c) => c.startsWith('chunk-panelen-'))).toEqual([]);
});

for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
  test(`no layout shift while the chunks load (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await page.addInitScript(() => {
      window.__shift = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await open(page, '?gemeente=Groningen&wijziging=-13');
    // Every chunk fetched and what is near the viewport built.
    await expect.poll(() => page.evaluate(() => performance.getEntriesByType('mark')
      .filter((m) => m.name.startsWith('chunk-')).length)).toBeGreaterThan(10);
    // Every section built, and a frame drawn since (layout shifts are reported per frame).
    await settled(page);
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    expect(await page.evaluate(() => window.__shift)).toBe(0);
  });
}
