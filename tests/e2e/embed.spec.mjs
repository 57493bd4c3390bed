// Embeddable anywhere: a sub-path, a strict CSP, nothing from elsewhere, an iframe on
// another origin via embed.js, and blocked storage. Each test starts the servers it needs
// (real servers: a page Playwright fulfils itself may not reach 127.0.0.1).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CSP, EXAMPLE_CSP, startServer } from '../../scripts/static-server.mjs';
import { test, expect, settled } from './fixtures.mjs';

const DIST = new URL('../../dist', import.meta.url).pathname;
const servers = [];

async function serve(options) {
  const started = await startServer({ root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: {}, ...options });
  servers.push(started.server);
  return started.url;
}

test.afterAll(() => servers.forEach((s) => s.close()));

/** Records CSP violations in every frame of the page, before any script runs. */
async function watchCsp(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const messages = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) messages.push(m.text()); });
  return async (frame = page) => ({ events: await frame.evaluate(() => window.__cspViolations), messages });
}

test('served under a sub-path, with relative URLs only', async ({ page, request }) => {
  const url = await serve({ base: '/afdeling/rekenhulp/' });
  await page.goto(`${url}?gemeente=Groningen&wijziging=-13`);
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-10');
  await expect(page).toHaveURL(`${url}?gemeente=Groningen&wijziging=-10`);
  const csv = page.getByRole('link', { name: /Download de gegevens/ });
  expect((await request.get(new URL(await csv.getAttribute('href'), page.url()).href)).status()).toBe(200);
  // Without the trailing slash, the server sends the browser to the directory.
  await page.goto(url.slice(0, -1));
  await expect(page.getByTestId('budget-2014')).toHaveText('€ 180.471.725');
});

test('runs under the strict CSP with zero violations', async ({ page }) => {
  const url = await serve({ headers: { 'Content-Security-Policy': CSP } });
  const violations = await watchCsp(page);
  const response = await page.goto(`${url}?regio=Drenthe&wijziging=-10`);
  expect(response.headers()['content-security-policy']).toBe(CSP);
  await expect(page.getByTestId('frictiekosten')).not.toHaveText('€ 0');
  await page.getByRole('button', { name: 'Landelijk beeld monitor 1 dec 2014' }).click();
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 20.800.000');
  await page.getByRole('combobox').fill('zwolle');
  await page.getByRole('combobox').press('Enter');
  await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('Zwolle (gemeente)');
  expect(await violations()).toEqual({ events: [], messages: [] });
});

test('requests only its own files, sets no cookies', async ({ page, context }) => {
  const url = await serve({ headers: { 'Content-Security-Policy': CSP } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${url}?mee=MEE%20Plus&wijziging=-20`);
  await expect(page.getByTestId('frictiekosten')).not.toHaveText('€ 0');
  await page.getByLabel('Aandeel huisvesting en kapitaallasten').fill('20');
  await page.getByRole('button', { name: 'Heel Nederland' }).click();
  const origin = new URL(url).origin;
  expect(requests.length).toBeGreaterThan(3);
  expect(requests.filter((r) => new URL(r).origin !== origin)).toEqual([]);
  expect(await context.cookies()).toEqual([]);
  expect(await page.evaluate(() => document.cookie)).toBe('');
});

test('keeps working when storage is blocked', async ({ page }) => {
  const url = await serve({});
  await page.addInitScript(() => {
    for (const name of ['localStorage', 'sessionStorage']) {
      Object.defineProperty(window, name, { get() { throw new DOMException('blocked', 'SecurityError'); } });
    }
  });
  await page.goto(`${url}?gemeente=Groningen`);
  await expect(page.evaluate(() => window.localStorage)).rejects.toThrow(/blocked/);
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-13');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
});

test.describe('embedded with embed.js on another origin', () => {
  async function hostPage(calculatorUrl, attributes) {
    const dir = mkdtempSync(join(tmpdir(), 'mee-host-'));
    writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8">
      <title>Intranet gemeente</title><link rel="icon" href="data:,"></head><body>
      <h1>Intranet</h1><div data-mee-frictiekosten ${attributes}></div><p id="na">Verder op de pagina.</p>
      <script src="${calculatorUrl}embed.js" defer></script></body></html>`);
    // "localhost" against the calculator's "127.0.0.1": another origin, as on a real intranet.
    const started = await startServer({ root: dir, host: '127.0.0.1', port: 0, base: '/', headers: {} });
    servers.push(started.server);
    return started.url.replace('127.0.0.1', 'localhost');
  }

  test('shows the figures inside, follows the content height, and links to the full page', async ({ page }) => {
    const calculator = await serve({ headers: { 'Content-Security-Policy': CSP } });
    const host = await hostPage(calculator, 'data-gemeente="Groningen" data-wijziging="-13"');
    const violations = await watchCsp(page);
    await page.goto(host);
    const iframe = page.locator('iframe');
    await expect(iframe).toHaveAttribute('title', 'Rekenhulp frictiekosten MEE 2015');
    const frame = page.frameLocator('iframe');
    await expect(frame.getByTestId('frictiekosten')).toHaveText('€ 162.019');
    await expect(frame.getByRole('heading', { level: 1 })).toHaveCount(0);

    const fits = async () => {
      const inner = await page.frames()[1].evaluate(() => document.body.offsetHeight);
      const outer = await iframe.evaluate((f) => f.getBoundingClientRect().height);
      return Math.abs(inner - outer) <= 1 ? inner : `iframe ${outer}px for content ${inner}px`;
    };
    await expect.poll(fits).toEqual(expect.any(Number));
    const before = await fits();
    // Opening the folded rest of the calculator grows the page, and the iframe with it.
    await frame.getByTestId('embed-meer').locator('> summary').click();
    await expect.poll(async () => { const h = await fits(); return typeof h === 'number' && h > before + 200; }).toBe(true);
    // Measured once every section has come (they are built one by one when the frame is idle).
    await settled(frame);
    await expect.poll(fits).toEqual(expect.any(Number));
    const opened = await fits();
    // A regio brings a table of its gemeenten: the page grows again.
    await frame.getByRole('combobox').fill('Groningen');
    await frame.getByRole('option', { name: 'Groningen jeugdregio' }).click();
    await expect.poll(async () => { const h = await fits(); return typeof h === 'number' && h > opened + 200; }).toBe(true);

    const full = frame.getByTestId('open-volledig');
    await expect(full).toHaveAttribute('target', '_blank');
    const [tab] = await Promise.all([page.context().waitForEvent('page'), full.click()]);
    // Only gemeente Groningen was cut, so the regio's link says so per gemeente.
    await expect(tab).toHaveURL(`${calculator}?regio=Groningen&gemeenten=Groningen:-13%25:`);
    await expect(tab.getByTestId('frictiekosten')).toHaveText('€ 162.019');
    await expect(tab.getByRole('heading', { level: 1 })).toHaveText('Rekenhulp frictiekosten MEE 2015');
    expect(await violations(page.frames()[1])).toEqual({ events: [], messages: [] });
  });

  test('ignores size messages from any other origin', async ({ page }) => {
    const calculator = await serve({});
    const host = await hostPage(calculator, 'data-mee="MEE Groningen"');
    await page.goto(host);
    await expect(page.frameLocator('iframe').getByTestId('frictiekosten')).toHaveText('€ 0');
    // The frame's height agrees with its content: no genuine message is on its way.
    await expect.poll(async () => {
      const inner = await page.frames()[1].evaluate(() => document.body.offsetHeight);
      const outer = await page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
      return Math.abs(inner - outer) <= 1;
    }).toBe(true);
    // Every height the host page gives the frame from now on.
    await page.locator('iframe').evaluate((f) => {
      window.__heights = [];
      new MutationObserver(() => window.__heights.push(f.style.height)).observe(f, { attributes: true, attributeFilter: ['style'] });
    });
    const before = parseFloat(await page.locator('iframe').evaluate((f) => f.style.height));
    await page.evaluate(() => window.postMessage({ source: 'mee-frictiekosten', type: 'resize', height: 5 }, '*'));
    // The frame's own message after a real change arrives after the forged one: once the
    // frame has grown, the forged height had its chance to be applied (or it was).
    await page.frameLocator('iframe').getByTestId('embed-meer').locator('> summary').click();
    await expect.poll(() => page.evaluate((b) => window.__heights.some((h) => h === '5px' || parseFloat(h) > b + 100), before)).toBe(true);
    expect(await page.evaluate(() => window.__heights)).not.toContain('5px');
  });

  test('the example host page in dist works as shipped', async ({ page }) => {
    const url = await serve({ headers: { 'Content-Security-Policy': CSP } });
    const violations = await watchCsp(page);
    const response = await page.goto(`${url}embed-voorbeeld.html`);
    expect(response.headers()['content-security-policy']).toBe(EXAMPLE_CSP);
    await expect(page.frameLocator('iframe').getByTestId('frictiekosten')).toHaveText('€ 162.019');
    expect(await violations()).toEqual({ events: [], messages: [] });
  });
});
