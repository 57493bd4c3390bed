// embed.js on a host page of another origin: which attributes become link parameters, the
// iframe's title, elements the page adds later, never two iframes for one element, and the
// sandbox it puts the calculator in. Real servers, as in embed.spec.mjs: a page Playwright
// fulfils itself may not reach 127.0.0.1.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CSP, startServer } from '../../scripts/static-server.mjs';
import { test, expect, settled } from './fixtures.mjs';

// The build under test, as in playwright.config.mjs (E2E_DIST, relative to the repository).
const DIST = resolve(new URL('../..', import.meta.url).pathname, process.env.E2E_DIST ?? 'dist');
const FLAGS = ['allow-scripts', 'allow-same-origin', 'allow-popups', 'allow-popups-to-escape-sandbox', 'allow-downloads'];
const servers = [];
const dirs = [];

test.afterAll(() => {
  servers.forEach((s) => s.close());
  dirs.forEach((d) => rmSync(d, { recursive: true, force: true }));
});

/** The calculator under its strict CSP, and a host page on another origin ("localhost"
 * against "127.0.0.1") with `body` and then embed.js, loaded with defer as the README says. */
async function setUp(body) {
  const calculator = await startServer({ root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: { 'Content-Security-Policy': CSP } });
  servers.push(calculator.server);
  const dir = mkdtempSync(join(tmpdir(), 'mee-host-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'index.html'), `<!doctype html><html lang="nl"><head><meta charset="utf-8">
    <title>Intranet gemeente</title><link rel="icon" href="data:,"></head><body>
    <h1>Intranet</h1><main id="inhoud">${body}</main><p>Verder op de pagina.</p>
    <script src="${calculator.url}embed.js" defer></script></body></html>`);
  const host = await startServer({ root: dir, host: '127.0.0.1', port: 0, base: '/', headers: {} });
  servers.push(host.server);
  return { calculator: calculator.url, host: host.url.replace('127.0.0.1', 'localhost') };
}

/** The query of an iframe's src, as name → value; host= (the host page's origin, which
 * embed-message.spec.mjs tests) checked and left out. */
async function params(iframe) {
  const all = Object.fromEntries(new URL(await iframe.getAttribute('src')).searchParams);
  expect(all.host).toBe(new URL(iframe.page().url()).origin);
  delete all.host;
  return all;
}

/** `&host=` as embed.js writes it for the host page at `host`. */
const hostParam = (host) => `&host=${encodeURIComponent(new URL(host).origin)}`;

test('data-titel titles the iframe and is no link parameter', async ({ page }) => {
  const { host } = await setUp(
    '<div data-mee-frictiekosten data-titel="Frictiekosten Groningen bij 13% minder" data-gemeente="Groningen" data-wijziging="-13"></div>',
  );
  await page.goto(host);
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('title', 'Frictiekosten Groningen bij 13% minder');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await expect(frame.getByTestId('meldingen')).toHaveCount(0);
  expect(await params(iframe)).toEqual({ gemeente: 'Groningen', wijziging: '-13', embed: '1' });
});

test('dashed attributes, digits too, become the parameters with underscores', async ({ page }) => {
  const { host } = await setUp(`<div data-mee-frictiekosten data-gemeente="Groningen" data-wijziging="-5"
    data-pad-2016="-10" data-ivh-wijziging="-100" data-landelijk-ivh-wijziging="-3" data-fte-kosten="70000"></div>`);
  await page.goto(host);
  const iframe = page.locator('iframe');
  expect(await params(iframe)).toEqual({
    gemeente: 'Groningen', wijziging: '-5', pad_2016: '-10', ivh_wijziging: '-100',
    landelijk_ivh_wijziging: '-3', fte_kosten: '70000', embed: '1',
  });
  const frame = page.frameLocator('iframe');
  // A link with an afbouwpad loads that section at once, folded under "Meer" as the rest.
  await expect(frame.getByTestId('afbouwpad')).toHaveAttribute('open');
  await expect(frame.getByLabel('Cliëntondersteuning 2016, wijziging t.o.v. 2014')).toHaveValue('-10');
  // The assumptions come when "Meer" is opened.
  await frame.getByTestId('embed-meer').locator('> summary').click();
  await expect(frame.getByLabel('Integrale kosten per fte per jaar')).toHaveValue(/^70\.?000$/);
  await expect(frame.getByTestId('meldingen')).toHaveCount(0);
  // Without a title of its own the iframe still has one.
  await expect(iframe).toHaveAttribute('title', 'Rekenhulp frictiekosten MEE 2015');
});

test('an unknown attribute is passed on, and the calculator says so', async ({ page }) => {
  const { host } = await setUp('<div data-mee-frictiekosten data-gemeente="Groningen" data-wijzging="-13" data-titel=" "></div>');
  await page.goto(host);
  const iframe = page.locator('iframe');
  await expect(iframe).toHaveAttribute('title', 'Rekenhulp frictiekosten MEE 2015');
  const notices = page.frameLocator('iframe').getByTestId('meldingen');
  await expect(notices).toContainText('wijzging');
  await expect(notices).not.toContainText('titel');
});

test('an element the page adds later gets its iframe too, also inside added content', async ({ page }) => {
  const { calculator, host } = await setUp('<div data-mee-frictiekosten data-gemeente="Groningen" data-wijziging="-13"></div>');
  await page.goto(host);
  await expect(page.frameLocator('iframe').getByTestId('frictiekosten')).toHaveText('€ 162.019');
  // A CMS inserting a block (the host element nested in it), and another element created
  // by script and given the marker attribute after it is in the page.
  await page.evaluate(() => {
    const block = document.createElement('section');
    block.innerHTML = '<h2>Later</h2><div><div id="later" data-mee-frictiekosten data-mee="MEE Groningen" data-wijziging="-13"></div></div>';
    document.getElementById('inhoud').append(block);
    const marked = document.createElement('div');
    marked.id = 'gemarkeerd';
    marked.dataset.regio = 'Drenthe';
    document.body.append(marked);
    // In a later task, so embed.js has seen the element without the marker first.
    return new Promise((done) => setTimeout(() => { marked.setAttribute('data-mee-frictiekosten', ''); done(); }, 50));
  });
  await expect(page.locator('#later > iframe')).toHaveAttribute('src', `${calculator}?mee=MEE+Groningen&wijziging=-13&embed=1${hostParam(host)}`);
  // The iframe loads lazily: once it comes into view.
  await page.locator('#later > iframe').scrollIntoViewIfNeeded();
  await expect(page.frameLocator('#later > iframe').getByTestId('frictiekosten')).toHaveText('€ 471.034');
  await expect(page.locator('#gemarkeerd > iframe')).toHaveAttribute('src', `${calculator}?regio=Drenthe&embed=1${hostParam(host)}`);
  // The added iframe follows its content's height like the first one.
  const fits = async () => {
    const frame = page.frames().find((f) => f.url().includes('mee=MEE'));
    if (!frame) return false;
    const inner = await frame.evaluate(() => document.body.offsetHeight);
    const outer = await page.locator('#later > iframe').evaluate((f) => f.getBoundingClientRect().height);
    return Math.abs(inner - outer) <= 1 && outer !== 900;
  };
  await expect.poll(fits).toBe(true);
});

test('an element is never framed twice', async ({ page }) => {
  const { calculator, host } = await setUp(`<div id="eerste" data-mee-frictiekosten data-gemeente="Groningen"></div>
    <div id="tweede" data-mee-frictiekosten data-gemeente="Assen"></div>`);
  await page.goto(host);
  await expect(page.locator('iframe')).toHaveCount(2);
  await page.evaluate(() => {
    const [eerste, tweede] = [document.getElementById('eerste'), document.getElementById('tweede')];
    // Moved elsewhere in the page, its marker set again, content added to it.
    document.body.prepend(eerste);
    eerste.setAttribute('data-mee-frictiekosten', 'ja');
    eerste.removeAttribute('data-mee-frictiekosten');
    eerste.setAttribute('data-mee-frictiekosten', '');
    tweede.append(document.createElement('p'));
    // A copy of an embedded element brings its iframe along, and gets no second one.
    const copy = tweede.cloneNode(true);
    copy.id = 'kopie';
    document.body.append(copy);
    const derde = document.createElement('div');
    derde.id = 'derde';
    derde.setAttribute('data-mee-frictiekosten', '');
    document.body.append(derde);
  });
  await expect(page.locator('#derde > iframe')).toHaveCount(1);
  await page.evaluate((url) => {
    // An element whose iframe the page took away is not framed again, when moved or by
    // embed.js included a second time.
    const derde = document.getElementById('derde');
    derde.querySelector('iframe').remove();
    document.body.prepend(derde);
    const again = document.createElement('script');
    again.src = `${url}embed.js?nogmaals`;
    return new Promise((done) => { again.onload = done; document.body.append(again); });
  }, calculator);
  // A marker added after all that is framed only once the observer has seen every change
  // before it: waiting for its frame, not for a time.
  await page.evaluate(() => {
    const last = document.createElement('div');
    last.id = 'laatste';
    last.setAttribute('data-mee-frictiekosten', '');
    document.body.append(last);
  });
  await expect(page.locator('#laatste > iframe')).toHaveCount(1);
  await page.locator('#laatste').evaluate((e) => e.remove());
  await expect(page.locator('#eerste > iframe')).toHaveCount(1);
  await expect(page.locator('#tweede > iframe')).toHaveCount(1);
  await expect(page.locator('#kopie > iframe')).toHaveCount(1);
  await expect(page.locator('#derde > iframe')).toHaveCount(0);
  await expect(page.locator('iframe')).toHaveCount(3);
});

test('the iframe is sandboxed to what the calculator needs, and the CSV still downloads', async ({ page }) => {
  const { calculator, host } = await setUp('<div data-mee-frictiekosten data-gemeente="Groningen" data-wijziging="-13"></div>');
  await page.goto(host);
  const iframe = page.locator('iframe');
  const frame = page.frameLocator('iframe');
  await expect(frame.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  // Compact mode folds the rest of the calculator, the CSV button with it.
  await frame.getByTestId('embed-meer').locator('> summary').click();
  // Once the sections have come, so that none moves the button while it is clicked.
  await settled(frame);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: 'Download CSV (Groningen)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^frictiekosten-groningen.*\.csv$/);
  // The tab "Open in een nieuw tabblad" opens is an ordinary page, outside the sandbox:
  // it may show a dialog, which the sandbox does not allow.
  const [tab] = await Promise.all([page.context().waitForEvent('page'), frame.getByTestId('open-volledig').click()]);
  await expect(tab).toHaveURL(`${calculator}?gemeente=Groningen&wijziging=-13`);
  await expect(tab.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  const dialogs = [];
  tab.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  await tab.evaluate(() => window.confirm('buiten de sandbox?'));
  expect(dialogs).toEqual(['buiten de sandbox?']);
  // Checked last, so that a missing flag first shows what it breaks.
  expect((await iframe.getAttribute('sandbox')).split(' ').sort()).toEqual([...FLAGS].sort());
});

test('data-kaart="1" asks for the map: it loads inside the frame, in a narrow column, and chooses', async ({ page }) => {
  const { host } = await setUp(
    '<div style="max-width:320px" data-mee-frictiekosten data-mee="MEE Drenthe" data-wijziging="-30" data-kaart="1"></div>',
  );
  await page.goto(host);
  const iframe = page.locator('iframe');
  expect(await params(iframe)).toEqual({ mee: 'MEE Drenthe', wijziging: '-30', kaart: '1', embed: '1' });
  const frame = page.frameLocator('iframe');
  await frame.getByTestId('kaart').scrollIntoViewIfNeeded();
  const shapes = frame.getByRole('listbox', { name: /^Kaart van de gemeenten/ }).getByRole('option');
  await expect(shapes).toHaveCount(408);
  await expect(frame.getByTestId('meldingen')).toHaveCount(0);
  // The frame grew to hold the map: nothing of it is cut off or scrolls sideways.
  const [frameHeight, pageHeight, pageWidth] = await Promise.all([
    iframe.evaluate((f) => f.getBoundingClientRect().height),
    frame.locator('html').evaluate((h) => h.scrollHeight),
    frame.locator('html').evaluate((h) => h.scrollWidth),
  ]);
  expect(frameHeight).toBeGreaterThanOrEqual(pageHeight - 2);
  expect(pageWidth).toBeLessThanOrEqual(320);
  await frame.getByRole('option', { name: /^Assen: / }).click();
  await expect(frame.locator('#gebied-titel')).toHaveText('Assen (gemeente)');
});

test('attributes that make the address too long for a web server: a Dutch message in the element, no frame', async ({ page }) => {
  // 700 gemeenten with an amount of their own: far over the 8.000 characters nginx and
  // Apache accept in a request line, which a frame would show as a bare 414.
  const gemeenten = Array.from({ length: 700 }, (_, i) => `Gemeente ${i}:300000:`).join(';');
  const { calculator, host } = await setUp(`<div id="lang" data-mee-frictiekosten data-gemeente="Groningen" data-gemeenten="${gemeenten}"></div>
    <div id="kort" data-mee-frictiekosten data-gemeente="Groningen" data-wijziging="-13"></div>`);
  await page.goto(host);
  const element = page.locator('#lang');
  await expect(element).toContainText('De rekenhulp kan hier niet worden getoond.');
  await expect(element).toContainText('webservers weigeren adressen van meer dan 8.000 tekens');
  await expect(element).toContainText('de langste instelling is data-gemeenten');
  await expect(element.locator('iframe')).toHaveCount(0);
  const link = element.getByRole('link', { name: 'Open de rekenhulp zonder deze instellingen' });
  await expect(link).toHaveAttribute('href', calculator);
  await expect(link).toHaveAttribute('target', '_blank');
  // The other element on the page is embedded as usual.
  await expect(page.frameLocator('#kort > iframe').getByTestId('frictiekosten')).toHaveText('€ 162.019');
});

test('an address of exactly 8.000 characters is still embedded', async ({ page }) => {
  const { calculator, host } = await setUp('<p>Hier komt de rekenhulp.</p>');
  await page.goto(host);
  // data-x padded so that the frame's address is exactly 8.000 characters long.
  const padding = 8000 - `${calculator}?gemeente=Groningen&x=&embed=1${hostParam(host)}`.length;
  await page.evaluate((n) => {
    const element = document.createElement('div');
    element.setAttribute('data-gemeente', 'Groningen');
    element.setAttribute('data-x', 'a'.repeat(n));
    element.setAttribute('data-mee-frictiekosten', '');
    document.body.append(element);
  }, padding);
  const iframe = page.locator('[data-mee-frictiekosten] > iframe');
  await expect(iframe).toHaveCount(1);
  expect((await iframe.getAttribute('src')).length).toBe(8000);
  await expect(page.locator('.mee-frictiekosten-melding')).toHaveCount(0);
});
