// "Insluiten op uw eigen site": the snippet for the area and inputs on screen with the site's
// real address, used as it is on a page of another origin; the copy button and its fallback;
// the preview at 320 px under the calculator's own CSP; axe on the panel.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { CSP, startServer } from '../../scripts/static-server.mjs';
import { test, expect, settled } from './fixtures.mjs';

const DIST = resolve(new URL('../..', import.meta.url).pathname, process.env.E2E_DIST ?? 'dist');
const servers = [];
const dirs = [];

test.afterAll(() => {
  servers.forEach((s) => s.close());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** The calculator under its strict CSP, as deployed; its address. */
async function calculatorServer() {
  const calculator = await startServer({ root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: { 'Content-Security-Policy': CSP } });
  servers.push(calculator.server);
  return calculator.url;
}

/** Opens the calculator with `query` and brings the panel into view; its locator. */
async function panel(page, url, query) {
  await page.goto(`${url}${query}`);
  await expect(page.getByTestId('frictiekosten')).toHaveText(/^€\s/);
  await settled(page);
  const section = page.getByTestId('insluiten');
  // The stand-in (same id) is replaced by the section once its chunk is there.
  await expect(async () => {
    await page.locator('#insluiten').scrollIntoViewIfNeeded({ timeout: 1000 });
    await expect(section.getByRole('heading', { name: 'Insluiten op uw eigen site' })).toBeVisible({ timeout: 1000 });
  }).toPass();
  return section;
}

test('the snippet, pasted into a page of another origin, shows the same area and figures', async ({ page }) => {
  const calculator = await calculatorServer();
  const section = await panel(page, calculator, '?gemeente=Groningen&wijziging=-13&ivh_wijziging=-100');
  const code = section.getByLabel('Code om in uw pagina te plakken');
  await expect(code).toHaveValue(`<div data-mee-frictiekosten
     data-gemeente="Groningen"
     data-wijziging="-13"
     data-ivh-wijziging="-100"
     data-titel="Rekenhulp frictiekosten: Groningen"></div>
<script src="${calculator}embed.js" defer></script>`);
  const shown = await page.getByTestId('frictiekosten').textContent();
  // With the map, as the checkbox asks.
  await section.getByLabel('Met de kaart van de gemeenten').check();
  await expect(code).toHaveValue(/data-kaart="1"/);
  const snippet = await code.inputValue();

  const dir = mkdtempSync(join(tmpdir(), 'mee-host-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8">
    <title>Intranet</title><link rel="icon" href="data:,"></head><body><main>${snippet}</main></body></html>`);
  const host = await startServer({ root: dir, host: '127.0.0.1', port: 0, base: '/', headers: {} });
  servers.push(host.server);
  await page.goto(host.url.replace('127.0.0.1', 'localhost'));
  const iframe = page.locator('[data-mee-frictiekosten] > iframe');
  await expect(iframe).toHaveAttribute('title', 'Rekenhulp frictiekosten: Groningen');
  const frame = page.frameLocator('[data-mee-frictiekosten] > iframe');
  await expect(frame.getByTestId('frictiekosten')).toHaveText(shown);
  await expect(frame.locator('#gebied-titel')).toHaveText('Groningen (gemeente)');
  await expect(frame.getByTestId('meldingen')).toHaveCount(0);
  // The map's stand-in is replaced once its chunk is there; in a frame it is built when in
  // the host page's viewport.
  await expect(async () => {
    await frame.locator('[data-testid="laden-kaart"], [data-testid="kaart"]').first().scrollIntoViewIfNeeded({ timeout: 1000 });
    await expect(frame.getByRole('listbox', { name: /^Kaart van de gemeenten/ }).getByRole('option')).toHaveCount(408, { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
});

test('the snippet and the preview follow the inputs; the preview is the embed at 320 px', async ({ page }) => {
  const calculator = await calculatorServer();
  const section = await panel(page, calculator, '?mee=MEE%20Drenthe&wijziging=-30');
  const code = section.getByLabel('Code om in uw pagina te plakken');
  await expect(code).toHaveValue(/data-mee="MEE Drenthe"\n {5}data-wijziging="-30"/);
  const preview = section.locator('iframe');
  await expect(preview).toHaveAttribute('title', /320 pixels/);
  expect(await preview.evaluate((f) => f.clientWidth)).toBe(320);
  // Framed by the calculator itself under its own CSP (frame-src 'self').
  await preview.scrollIntoViewIfNeeded();
  const inner = page.frameLocator('[data-testid="insluiten-voorbeeld"]');
  await expect(inner.getByTestId('frictiekosten')).toHaveText(await page.getByTestId('frictiekosten').textContent());
  await expect(inner.getByTestId('open-volledig')).toBeVisible();
  // Another inkoop: the snippet and the preview follow.
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-20');
  await expect(code).toHaveValue(/data-wijziging="-20"/);
  await expect(inner.getByTestId('frictiekosten')).toHaveText(await page.getByTestId('frictiekosten').textContent());
  // The example page is linked, and what to ask both administrators is said with this origin.
  await expect(section.getByRole('link', { name: /Voorbeeld: de rekenhulp op een eigen pagina/ })).toHaveAttribute('href', 'embed-voorbeeld.html');
  const origin = new URL(calculator).origin;
  await expect(section).toContainText(`script-src 'self' ${origin}; frame-src 'self' ${origin}`);
  await expect(section).toContainText('frame-ancestors');
});

test('copy: to the clipboard, said aloud; where blocked, the code is selected with "Ctrl+C"', async ({ page, context }) => {
  const calculator = await calculatorServer();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(calculator).origin });
  const section = await panel(page, calculator, '?gemeente=Assen');
  const status = section.getByRole('status');
  await section.getByRole('button', { name: 'Kopieer de code' }).click();
  await expect(status).toHaveText(/De code staat op het klembord/);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await section.getByLabel('Code om in uw pagina te plakken').inputValue());

  // The clipboard refused (a browser setting, an intranet policy).
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new Error('geweigerd')); });
  await section.getByRole('button', { name: 'Kopieer de code' }).click();
  await expect(status).toHaveText(/kopieer met Ctrl\+C/);
  const code = section.getByLabel('Code om in uw pagina te plakken');
  await expect(code).toBeFocused();
  const [start, end, length] = await code.evaluate((t) => [t.selectionStart, t.selectionEnd, t.value.length]);
  expect([start, end]).toEqual([0, length]);
});

for (const width of [360, 1280]) {
  test(`axe: the panel at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const calculator = await calculatorServer();
    const section = await panel(page, calculator, '?gemeente=Groningen&wijziging=-13');
    await section.getByRole('button', { name: 'Kopieer de code' }).click();
    await expect(section.getByRole('status')).not.toBeEmpty();
    const results = await new AxeBuilder({ page })
      .include('[data-testid="insluiten"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    expect(found).toEqual([]);
    // Nothing of the panel makes a phone's page scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
