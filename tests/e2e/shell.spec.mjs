// The app shell (issue 15): index.html shows the header and intro before the wasm arrives,
// hides them in an iframe before the first paint, does not move when the calculator mounts,
// and says in Dutch when the calculator cannot start instead of staying white.
import { test, expect } from './fixtures.mjs';
import { startServer } from '../../scripts/static-server.mjs';

const DIST = new URL('../../dist', import.meta.url).pathname;

/** Holds back every request for the wasm until the returned function is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

test('the header and intro are there before the wasm, and stay put when it arrives', async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts += e.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const release = await holdWasm(page);
  await page.goto('./?gemeente=Groningen&wijziging=-13');
  const heading = page.getByRole('heading', { level: 1, name: 'Rekenhulp frictiekosten MEE 2015' });
  await expect(heading).toBeVisible();
  await expect(page.getByText('De rekenhulp wordt geladen…')).toBeVisible();
  await expect(page.getByTestId('frictiekosten')).toHaveCount(0);
  const before = await heading.boundingBox();
  release();
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await expect(page.getByText('De rekenhulp wordt geladen…')).toHaveCount(0);
  // The sections below the figures are built a frame later; wait for the last of them.
  await expect(page.getByTestId('scenarios')).toBeVisible();
  expect(await heading.boundingBox()).toEqual(before);
  expect(await page.evaluate(() => window.__shifts)).toBe(0);
});

test('in an iframe the header is hidden before the first paint', async ({ page }) => {
  const release = await holdWasm(page);
  await page.goto('./?embed=1&gemeente=Groningen');
  // The wasm has not arrived: what is painted now is the shell alone.
  await expect(page.getByText('De rekenhulp wordt geladen…')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.classList.contains('embed'))).toBe(true);
  release();
  await expect(page.getByTestId('frictiekosten')).toHaveText(/^€\s/);
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
});

test.describe('when the calculator cannot start', () => {
  // These pages fail on purpose: their console errors are the point, not a problem.
  test.use({ page: async ({ browser }, use) => { const page = await browser.newPage(); await use(page); await page.close(); } });

  test('a blocked wasm file: a Dutch message, not a white page', async ({ page, baseURL }) => {
    await page.route(/_bg\.wasm$/, (route) => route.abort('blockedbyclient'));
    await page.goto(`${baseURL}?gemeente=Groningen`);
    const message = page.getByRole('alert').filter({ hasText: 'De rekenhulp kan hier niet starten.' });
    await expect(message).toBeVisible();
    await expect(message.getByRole('link', { name: 'rekenhulp openen' })).toBeVisible();
    await expect(page.getByText('De rekenhulp wordt geladen…')).toBeHidden();
  });

  test('a browser without WebAssembly: the same message', async ({ page, baseURL }) => {
    await page.addInitScript(() => { delete window.WebAssembly; });
    await page.goto(`${baseURL}?gemeente=Groningen`);
    await expect(page.getByText('De rekenhulp kan hier niet starten.')).toBeVisible();
  });

  test('a sandboxed iframe without allow-same-origin: the message inside the frame', async ({ page }) => {
    // The host page is served by a real server of its own (a page fulfilled by page.route
    // would count as public and be refused its requests to 127.0.0.1).
    const calculator = await startServer({ root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: {} });
    const host = await startServer({
      root: new URL('.', import.meta.url).pathname, host: '127.0.0.1', port: 0, base: '/', headers: {},
    });
    try {
      await page.goto(`${host.url}shell-sandbox.html#${encodeURIComponent(calculator.url)}`);
      const frame = page.frameLocator('iframe');
      await expect(frame.getByText('De rekenhulp kan hier niet starten.')).toBeVisible();
      await expect(frame.getByText('De rekenhulp wordt geladen…')).toBeHidden();
    } finally {
      calculator.server.close();
      host.server.close();
    }
  });
});
