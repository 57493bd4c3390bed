// The figures an embedded calculator tells its host page (README, "The figures, for the host
// page"): embed.js names the host's origin (host=), the calculator posts its figures to that
// origin alone whenever they settle, and embed.js raises them on the host element as the
// event "mee-frictiekosten:cijfers". Three origins: the calculator on 127.0.0.1, host pages
// on localhost under other ports (an origin is scheme, host and port).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import { CSP, startServer } from '../../scripts/static-server.mjs';
import { test, expect, TESTIDS } from './fixtures.mjs';

const DIST = resolve(new URL('../..', import.meta.url).pathname, process.env.E2E_DIST ?? 'dist');
const servers = [];
const dirs = [];

test.afterAll(() => {
  servers.forEach((s) => s.close());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

async function calculatorServer() {
  const calculator = await startServer({ root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: { 'Content-Security-Policy': CSP } });
  servers.push(calculator.server);
  return calculator.url;
}

/** A host page on an origin of its own (localhost, its own port) with `body`; `(url)` → its address. */
async function hostPage(body) {
  const dir = mkdtempSync(join(tmpdir(), 'mee-host-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8">
    <title>Intranet gemeente</title><link rel="icon" href="data:,"></head><body>
    <h1>Intranet</h1><main id="inhoud">${body}</main></body></html>`);
  const host = await startServer({ root: dir, host: '127.0.0.1', port: 0, base: '/', headers: {} });
  servers.push(host.server);
  return host.url.replace('127.0.0.1', 'localhost');
}

/** Records on the host page every figures event (with the element it was raised on) and
 * every message any frame posts to the page. */
const RECORDER = `<script>
  window.ontvangen = [];
  window.berichten = [];
  document.addEventListener('mee-frictiekosten:cijfers', function (e) {
    window.ontvangen.push({ element: e.target.id, detail: JSON.parse(JSON.stringify(e.detail)) });
  });
  window.addEventListener('message', function (e) {
    var frame = Array.prototype.find.call(document.querySelectorAll('iframe'), function (f) { return f.contentWindow === e.source; });
    var from = frame ? (frame.id || frame.parentNode.id) : '';
    window.berichten.push({ origin: e.origin, type: e.data && e.data.type, from: from });
  });
</script>`;

/** The figures in a message as the page shows them: test id → text with plain spaces. */
function shownIn(detail) {
  return Object.fromEntries(detail.figures.map((f) => [f.id, f.text.replace(/\u00a0/g, ' ')]));
}

/** The frame's figures as shown. */
async function shownInFrame(frame) {
  const out = {};
  for (const id of TESTIDS) out[id] = (await frame.getByTestId(id).textContent()).replace(/\u00a0/g, ' ');
  return out;
}

/** "€ −1.234.567" or "16,4" as the number shown. */
function number(text) {
  return Number(text.replace(/[€\s.]/g, '').replace('−', '-').replace(',', '.'));
}

test('a host page of another origin receives the figures shown, and again after an edit', async ({ page }) => {
  const calculator = await calculatorServer();
  const host = await hostPage(`<div id="rekenhulp" data-mee-frictiekosten data-gemeente="Groningen" data-wijziging="-13"></div>
    ${RECORDER}<script src="${calculator}embed.js" defer></script>`);
  await page.goto(host);
  const iframe = page.locator('#rekenhulp > iframe');
  const src = new URL(await iframe.getAttribute('src'));
  expect(src.searchParams.get('host')).toBe(new URL(host).origin);
  const frame = page.frameLocator('#rekenhulp > iframe');
  await expect(frame.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  // The calculator knows host= (no notice about it).
  await expect(frame.getByTestId('meldingen')).toHaveCount(0);

  await expect.poll(() => page.evaluate(() => window.ontvangen.length)).toBeGreaterThan(0);
  const [first] = await page.evaluate(() => window.ontvangen);
  expect(first.element).toBe('rekenhulp');
  const message = first.detail;
  expect(message).toMatchObject({
    source: 'mee-frictiekosten', type: 'figures', version: 1,
    area: { kind: 'gemeente', name: 'Groningen' },
    query: 'gemeente=Groningen&wijziging=-13',
    link: `${calculator}?gemeente=Groningen&wijziging=-13`,
  });
  expect(message.figures.map((f) => f.id)).toEqual(TESTIDS);
  expect(shownIn(message)).toEqual(await shownInFrame(frame));
  for (const f of message.figures) expect(f.value, f.id).toBe(number(f.text));
  expect(message.figures.find((f) => f.id === 'frictiekosten')).toMatchObject({ value: 162019, unit: 'euro', label: 'Frictiekosten totaal' });

  // An edit in the frame: once the figures settle, the host hears the new ones.
  await frame.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-20');
  await expect(frame.getByTestId('frictiekosten')).not.toHaveText('€ 162.019');
  await expect.poll(() => page.evaluate(() => window.ontvangen.at(-1).detail.query)).toBe('gemeente=Groningen&wijziging=-20');
  const last = await page.evaluate(() => window.ontvangen.at(-1).detail);
  expect(shownIn(last)).toEqual(await shownInFrame(frame));
  // Only the calculator's own origin spoke to the page.
  const origins = await page.evaluate(() => [...new Set(window.berichten.map((b) => b.origin))]);
  expect(origins).toEqual([new URL(calculator).origin]);
});

// A page that frames the calculator naming another page's origin in host= gets nothing: the
// message is addressed to that origin, and the browser does not deliver it here (it may say
// so in the console, the one error this test allows). An element with embed.js on the same
// page, whose host= is the page's own, gets its figures: delivery works.
base('a host page of a third origin that names another origin receives nothing', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  const calculator = await calculatorServer();
  const other = await hostPage('<p>De pagina die de cijfers zou mogen krijgen.</p>');
  const otherOrigin = new URL(other).origin;
  const claimed = `${calculator}?gemeente=Assen&wijziging=-10&embed=1&host=${encodeURIComponent(otherOrigin)}`;
  const third = await hostPage(`<div id="eigen" data-mee-frictiekosten data-host="${otherOrigin}" data-gemeente="Groningen" data-wijziging="-13"></div>
    <iframe id="vreemd" title="Rekenhulp" src="${claimed}" style="width:100%;height:600px"></iframe>
    ${RECORDER}<script src="${calculator}embed.js" defer></script>`);
  expect(new URL(third).origin).not.toBe(otherOrigin);
  await page.goto(third);
  await expect(page.frameLocator('#eigen > iframe').getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await page.locator('#vreemd').scrollIntoViewIfNeeded();
  await expect(page.frameLocator('#vreemd').getByTestId('frictiekosten')).toHaveText(/^€\s/);
  // embed.js writes the page's own origin, whatever data-host says.
  expect(new URL(await page.locator('#eigen > iframe').getAttribute('src')).searchParams.get('host')).toBe(new URL(third).origin);
  await expect.poll(() => page.evaluate(() => window.ontvangen.map((r) => r.element))).toEqual(['eigen']);
  // The framed calculator posted its figures, addressed to the other origin ...
  const vreemd = page.frames().find((f) => f.url().includes('gemeente=Assen'));
  await expect.poll(() => vreemd.evaluate(() => performance.getEntriesByName('bericht-verzonden').length)).toBeGreaterThan(0);
  // ... and a message it posts now arrives after anything it posted before (the order of
  // messages between two windows is kept): once this one is here, no figures came.
  await vreemd.evaluate(() => parent.postMessage({ type: 'daarna' }, '*'));
  await expect.poll(() => page.evaluate(() => window.berichten.some((b) => b.type === 'daarna'))).toBe(true);
  const fromVreemd = await page.evaluate(() => window.berichten.filter((b) => b.from === 'vreemd').map((b) => b.type));
  expect(fromVreemd.filter((t) => t !== 'resize')).toEqual(['daarna']);
  expect(await page.evaluate(() => window.ontvangen.map((r) => r.detail.area.name))).toEqual(['Groningen']);
  expect(errors.filter((e) => !/does not match the recipient window's origin/.test(e))).toEqual([]);
});

test('a frame without host= posts no figures', async ({ page }) => {
  const calculator = await calculatorServer();
  const host = await hostPage(`<iframe id="los" title="Rekenhulp" src="${calculator}?gemeente=Assen&embed=1" style="width:100%;height:600px"></iframe>
    <div id="eigen" data-mee-frictiekosten data-gemeente="Groningen"></div>${RECORDER}<script src="${calculator}embed.js" defer></script>`);
  await page.goto(host);
  await expect(page.frameLocator('#los').getByTestId('frictiekosten')).toHaveText(/^€\s/);
  // The element with embed.js, loaded at the same time, gets its figures; the bare frame
  // never even fetches the code that sends them.
  await expect.poll(() => page.evaluate(() => window.ontvangen.length)).toBe(1);
  const los = page.frames().find((f) => f.url().includes('gemeente=Assen'));
  await los.evaluate(() => parent.postMessage({ type: 'daarna' }, '*'));
  await expect.poll(() => page.evaluate(() => window.berichten.some((b) => b.type === 'daarna'))).toBe(true);
  expect(await los.evaluate(() => performance.getEntriesByName('chunk-bericht').length)).toBe(0);
  expect(await page.evaluate(() => window.berichten.filter((b) => b.type === 'figures').map((b) => b.from))).toEqual(['eigen']);
});

test('the example page shows what its listener received', async ({ page }) => {
  const calculator = await calculatorServer();
  await page.goto(`${calculator}embed-voorbeeld.html`);
  await expect(page.frameLocator('#rekenhulp > iframe').getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await expect(page.getByTestId('ontvangen')).toHaveText(
    'Ontvangen van de rekenhulp: Groningen, frictiekosten € 162.019, waarvan ongedekt € 121.514 (als getal: 121514).',
  );
  // The code shown has the site's real address.
  await expect(page.locator('[data-adres-embed]')).toContainText(`<script src="${calculator}embed.js" defer>`);
});
