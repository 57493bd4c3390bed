// The app shell: index.html shows the header and intro before the wasm arrives,
// hides them in an iframe before the first paint, does not move when the calculator mounts,
// and says in Dutch when the calculator cannot start instead of staying white.
import { test, expect } from './fixtures.mjs';
import { resolve } from 'node:path';
import { CSP, startServer } from '../../scripts/static-server.mjs';

// The build under test, as in playwright.config.mjs (E2E_DIST, relative to the repository).
const DIST = resolve(new URL('../..', import.meta.url).pathname, process.env.E2E_DIST ?? 'dist');

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

  /** The calculator (under its CSP) and the host page shell-sandbox.html, each on a real
   * server of its own (a page fulfilled by page.route would count as public and be refused
   * its requests to 127.0.0.1), with the calculator framed under `sandbox`. */
  async function sandboxed(page, sandbox, query = '') {
    const calculator = await startServer({
      root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: { 'Content-Security-Policy': CSP },
    });
    const host = await startServer({
      root: new URL('.', import.meta.url).pathname, host: '127.0.0.1', port: 0, base: '/', headers: {},
    });
    const hash = new URLSearchParams({ sandbox, url: `${calculator.url}${query}` });
    await page.goto(`${host.url}shell-sandbox.html#${hash}`);
    return {
      calculator: calculator.url,
      close: () => { calculator.server.close(); host.server.close(); },
    };
  }

  test('a sandboxed iframe without allow-same-origin: the message inside the frame', async ({ page }) => {
    const { close } = await sandboxed(page, 'allow-scripts');
    try {
      const frame = page.frameLocator('iframe');
      await expect(frame.getByText('De rekenhulp kan hier niet starten.')).toBeVisible();
      await expect(frame.getByText('De rekenhulp wordt geladen…')).toBeHidden();
    } finally {
      close();
    }
  });

  // Without allow-scripts nothing runs in the frame, not even the shell's inline script: the
  // <noscript> message is all there is, and the loading line must not wait beside it.
  for (const sandbox of ['', 'allow-same-origin']) {
    test(`a frame with sandbox="${sandbox}" (no scripts): one Dutch message, with a link to open it in a new tab`, async ({ page }) => {
      const query = '?gemeente=Groningen&wijziging=-13&embed=1';
      const { calculator, close } = await sandboxed(page, sandbox, query);
      try {
        const frame = page.frameLocator('iframe');
        const message = frame.getByRole('alert');
        await expect(message).toHaveCount(1);
        // Not a loading line that waits for ever, nor advice a frame cannot follow.
        await expect(frame.getByText('De rekenhulp wordt geladen…')).toBeHidden();
        await expect(frame.getByText('Zet JavaScript aan')).toBeHidden();
        await expect(message).toContainText('De rekenhulp kan hier niet starten.');
        await expect(message).toContainText('het kader waarin een andere website haar toont');
        const link = message.getByRole('link', { name: 'Open de rekenhulp in een nieuw tabblad' });
        await expect(link).toHaveAttribute('target', '_blank');
        // The link is the frame's own address: the same calculation, in a tab of its own.
        expect(await link.evaluate((a) => a.href)).toBe(`${calculator}${query}`);
      } finally {
        close();
      }
    });
  }

  test('where the sandbox allows popups, the link opens the calculator, working, in a new tab', async ({ page }) => {
    const query = '?gemeente=Groningen&wijziging=-13';
    const { calculator, close } = await sandboxed(page, 'allow-popups allow-popups-to-escape-sandbox', query);
    try {
      const link = page.frameLocator('iframe').getByRole('link', { name: 'Open de rekenhulp in een nieuw tabblad' });
      const [tab] = await Promise.all([page.context().waitForEvent('page'), link.click()]);
      await expect(tab).toHaveURL(`${calculator}${query}`);
      await expect(tab.getByTestId('frictiekosten')).toHaveText('€ 162.019');
    } finally {
      close();
    }
  });
});
