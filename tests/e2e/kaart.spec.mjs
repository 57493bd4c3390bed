// The map of the 408 gemeenten: its shapes and their names, its classes for a
// known link, choosing by pointer and by keyboard only, accessibility, print, embed, a
// phone, and the drawing fetched only when the map comes into view.
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, open, dataRows, on } from './fixtures.mjs';

/** Every MEE Drenthe gemeente cuts 30 %, Assen 60 %: Assen is hit hardest, in % and in euros;
 * every gemeente elsewhere buys as in 2014. */
const KNOWN = '?mee=MEE%20Drenthe&wijziging=-30&ivh_wijziging=-30&gemeenten=Assen:-60%25:-60%25';

/** The class number of a shape: k0 is "geen daling". */
async function classOf(page, naam) {
  const c = await on(page).shape(naam).getAttribute('class');
  return Number(c.match(/^k(\d)$/)[1]);
}

test('the drawing is not part of the first load: it comes once the browser is idle after the figures, once', async ({ page }) => {
  const fetched = [];
  page.on('request', (r) => { if (r.url().includes('/kaart/')) fetched.push(r.url()); });
  await open(page);
  expect(fetched).toEqual([]);
  // Fetched without scrolling to the map (the browser's own print needs it), and
  // not again when the map comes into view.
  await expect.poll(() => fetched.length).toBe(1);
  await page.getByTestId('kaart').scrollIntoViewIfNeeded();
  await expect(on(page).map.getByRole('option')).toHaveCount(408);
  expect(fetched).toHaveLength(1);
  expect(new URL(fetched[0]).origin).toBe(new URL(page.url()).origin);
});

test('408 shapes, each named after a gemeente of the data with its value', async ({ page }) => {
  await on(page).openMap(KNOWN);
  const names = await on(page).map.getByRole('option').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  const wanted = dataRows().map((r) => r.gemeente).sort();
  expect(names.map((n) => n.replace(/: .*$/, '')).sort()).toEqual(wanted);
  for (const n of names) expect(n).toMatch(/^.+: \d+(,\d+)?%$/);
  await expect(page.getByTestId('kaart').getByText(/© CBS\/PDOK/)).toBeVisible();
});

test('a gemeente without a cut is "geen daling", the hardest hit is in the top class', async ({ page }) => {
  await on(page).openMap(KNOWN);
  const legend = page.getByTestId('kaart-legenda');
  const classes = await legend.locator('li').evaluateAll((els) => els.map((e) => Number(e.dataset.klasse)));
  const top = Math.max(...classes);
  expect(top).toBeGreaterThan(1);
  for (const measure of ['Frictiekosten', 'Omzetdaling', 'Ongedekt', 'Fte-verlies']) {
    await page.getByRole('radio', { name: measure, exact: true }).check();
    for (const scale of ['% van het budget 2014', 'bedrag (fte)']) {
      await page.getByRole('radio', { name: scale }).check();
      expect(await classOf(page, 'Amsterdam'), `${measure}, ${scale}`).toBe(0);
      expect(await classOf(page, 'Maastricht'), `${measure}, ${scale}`).toBe(0);
      const highest = Math.max(...await legend.locator('li').evaluateAll((els) => els.map((e) => Number(e.dataset.klasse))));
      expect(await classOf(page, 'Assen'), `${measure}, ${scale}`).toBe(highest);
    }
  }
  await expect(legend.locator('li').first()).toHaveText(/^geen daling \(\d+ gemeenten\)$/);
  await expect(page.getByTestId('kaart-samenvatting')).toContainText('Het hoogst: Assen');
});

test('the classes keep 3:1 contrast against the page, and "geen daling" is hatched', async ({ page }) => {
  await on(page).openMap('?wijziging=-20&gemeenten=Assen:-60%25:;Zwolle:0%25:0%25');
  const colours = await page.evaluate(() => {
    const parse = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
    const luminance = ([r, g, b]) => [r, g, b]
      .map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
      .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
    const bg = luminance(parse(getComputedStyle(document.body).backgroundColor));
    return [...document.querySelectorAll('.kaart__vormen path')].reduce((out, p) => {
      const fill = getComputedStyle(p).fill;
      if (!out[p.getAttribute('class')]) {
        const ratio = fill.startsWith('url') ? null : (Math.max(luminance(parse(fill)), bg) + 0.05) / (Math.min(luminance(parse(fill)), bg) + 0.05);
        out[p.getAttribute('class')] = { fill, ratio };
      }
      return out;
    }, {});
  });
  expect(Object.keys(colours).length).toBeGreaterThanOrEqual(3);
  expect(colours.k0.fill).toMatch(/url\(.*kaart-arcering/);
  for (const [k, { ratio }] of Object.entries(colours)) {
    if (k !== 'k0') expect(ratio, k).toBeGreaterThanOrEqual(3);
  }
});

test('pointing shows name and value; clicking Assen chooses Assen, or its organisation', async ({ page }) => {
  await on(page).openMap(KNOWN);
  await on(page).shape('Assen').hover();
  await expect(page.getByTestId('kaart-tip')).toContainText(/Assen: \d+(,\d+)?%/);
  await on(page).shape('Assen').click();
  await expect(page.locator('#gebied-titel')).toHaveText('Assen (gemeente)');
  await expect(page).toHaveURL(/gemeente=Assen/);
  await expect(on(page).shape('Assen')).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('radio', { name: 'haar MEE-organisatie' }).check();
  await on(page).shape('Groningen').click();
  await expect(page.locator('#gebied-titel')).toHaveText('MEE Groningen (MEE-organisatie)');
  await expect(on(page).shape('Groningen')).toHaveAttribute('aria-selected', 'true');
  await expect(on(page).shape('Assen')).toHaveAttribute('aria-selected', 'false');
});

test('keyboard only: one tab stop, arrows to a neighbour, typing a name, Enter chooses', async ({ page }) => {
  await on(page).openMap(KNOWN);
  // From the control before it, one Tab reaches the map and the next leaves it.
  await page.getByRole('radio', { name: 'de gemeente' }).focus();
  await page.keyboard.press('Tab');
  await expect(on(page).map).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(on(page).map).not.toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(on(page).map).toBeFocused();

  await page.keyboard.type('ass');
  const assen = await on(page).shape('Assen').getAttribute('id');
  await expect(on(page).map).toHaveAttribute('aria-activedescendant', assen);
  await expect(page.getByTestId('kaart-tip')).toContainText('Assen:');
  const x = async (id) => page.locator(`#${id}`).evaluate((e) => { const b = e.getBBox(); return b.x + b.width / 2; });
  await page.keyboard.press('ArrowRight');
  const east = await on(page).map.getAttribute('aria-activedescendant');
  expect(east).not.toBe(assen);
  expect(await x(east)).toBeGreaterThan(await x(assen));
  await page.keyboard.press('Home');
  await expect(page.getByTestId('kaart-tip')).toContainText(/^Aa en Hunze: /);
  await page.keyboard.press('End');
  await expect(page.getByTestId('kaart-tip')).toContainText(/^Zwolle: /);
  // After a move, letters start a new name at once (no pause needed).
  await page.keyboard.type('ass');
  await expect(on(page).map).toHaveAttribute('aria-activedescendant', assen);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.locator('#gebied-titel')).toHaveText(/\((gemeente)\)$/);
  const chosen = (await page.locator('#gebied-titel').textContent()).replace(/ \(gemeente\)$/, '');
  await expect(page.locator(`#${await on(page).map.getAttribute('aria-activedescendant')}`)).toHaveAttribute('aria-label', new RegExp(`^${chosen}: `));
  // The page did not scroll away from the map while arrowing.
  await expect(on(page).map).toBeInViewport({ ratio: 0.3 });
});

for (const width of [360, 1280]) {
  test(`axe: no violations with the map open, an area chosen and a tooltip, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await on(page).openMap(KNOWN);
    await on(page).map.focus();
    await page.keyboard.type('assen');
    await expect(page.getByTestId('kaart-tip')).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    expect(found).toEqual([]);
  });
}

test('on a 360 px phone the map fits, zooms in on the chosen area, and never scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await on(page).openMap(KNOWN);
  const box = await on(page).map.boundingBox();
  expect(box.width).toBeLessThanOrEqual(360);
  // A tooltip near the right edge stays on the page.
  await on(page).shape('Emmen').hover();
  await expect(page.getByTestId('kaart-tip')).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  const whole = await on(page).map.getAttribute('viewBox');
  await page.getByTestId('kaart-zoom').click();
  await expect(page.getByTestId('kaart-zoom')).toHaveText('Hele land tonen');
  const zoomed = await on(page).map.getAttribute('viewBox');
  expect(Number(zoomed.split(' ')[2])).toBeLessThan(Number(whole.split(' ')[2]) / 2);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
  await page.getByTestId('kaart-zoom').click();
  await expect(on(page).map).toHaveAttribute('viewBox', whole);
});

test('the map recolours when the inkoop changes', async ({ page }) => {
  await on(page).openMap(KNOWN);
  expect(await classOf(page, 'Amsterdam')).toBe(0);
  await page.getByRole('button', { name: 'Heel Nederland' }).click();
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-20');
  await expect.poll(() => classOf(page, 'Amsterdam')).toBeGreaterThan(0);
});

test('printed: the map with its legend and source in the report', async ({ page }) => {
  await on(page).openMap(KNOWN);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const printedMap = page.getByTestId('verslag').locator('.kaart--afdruk');
  await expect(printedMap.locator('.kaart__gemeenten > path')).toHaveCount(408);
  const file = join(mkdtempSync(join(tmpdir(), 'kaart-')), 'verslag.pdf');
  await page.pdf({ path: file, format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Frictiekosten in % van het budget 2014');
  expect(text).toMatch(/geen daling \(\d+ gemeenten\)/);
  expect(text).toContain('CBS/PDOK');
  // The borders and the chosen area's outline are drawn as lines, not as the white of the
  // gemeente borders.
  for (const line of ['kaart__organisatiegrens', 'kaart__regiogrens', 'kaart__buitengrens', 'kaart__gekozen-rand']) {
    const stroke = await printedMap.locator(`path.${line}`).evaluate((p) => getComputedStyle(p).stroke);
    expect(stroke, line).not.toBe('rgb(255, 255, 255)');
  }
});

test('the print button fetches the map first when no one scrolled to it', async ({ page }) => {
  await open(page, KNOWN);
  await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
  await page.getByRole('button', { name: 'Verslag afdrukken' }).click();
  await expect.poll(() => page.evaluate(() => window.__printed === true)).toBe(true);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await expect(page.getByTestId('verslag').locator('.kaart--afdruk svg')).toHaveCount(1);
});

test('embedded: no map unless kaart=1 asks for it', async ({ page }) => {
  await open(page, '?gemeente=Assen&wijziging=-10&embed=1');
  await expect(page.getByTestId('embed-meer')).toBeAttached();
  await expect(page.getByTestId('kaart')).toHaveCount(0);
  await on(page).openMap('?gemeente=Assen&wijziging=-10&embed=1&kaart=1');
  await expect(page.getByTestId('kaart')).toBeVisible();
});

test('a wrong drawing (an error page of the server) says so in Dutch, and trying again works', async ({ page }) => {
  // A status 200 with an HTML page, as some servers answer for a missing file. (A real 404
  // would also log a console error, which the fixture counts as a failure.)
  await page.route('**/kaart/gemeenten-2013.txt', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<html>Niet gevonden</html>' }));
  await open(page);
  await page.getByTestId('kaart').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('kaart-fout')).toContainText('Het kaartbestand is niet te lezen: dit is geen kaartbestand.');
  await page.unroute('**/kaart/gemeenten-2013.txt');
  await page.getByRole('button', { name: 'Opnieuw proberen' }).click();
  await expect(on(page).map.getByRole('option')).toHaveCount(408);
});

test('a tampered drawing puts no markup into the printed report, which says it could not read it', async ({ page }) => {
  // A border line that ends its attribute and the drawing and opens an element
  // with a script (the e2e server sends no CSP, so it would run).
  const hostile = 'M0 0"></path></svg><img src=x onerror="window.__ingebroken=1"><svg><path d="M0 0';
  await page.route('**/kaart/gemeenten-2013.txt', async (route) => {
    const real = await (await route.fetch()).text();
    const body = real.replace(/^R\t.*$/m, `R\t${hostile}`);
    expect(body).not.toBe(real);
    await route.fulfill({ status: 200, contentType: 'text/plain; charset=utf-8', body });
  });
  await open(page, KNOWN);
  await page.getByTestId('kaart').scrollIntoViewIfNeeded();
  // Drawn or refused: either way the drawing has been read.
  await expect(page.getByTestId('kaart-fout').or(on(page).map.getByRole('option').first())).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const report = page.getByTestId('verslag');
  await expect(report).toContainText('Uitkomsten');
  expect(await page.locator('img, [onerror]').count()).toBe(0);
  expect(await report.locator('svg').count()).toBe(0);
  expect(await page.evaluate(() => window.__ingebroken)).toBeUndefined();
  await expect(report.getByTestId('verslag-kaart-fout')).toHaveText(
    /^De kaart kan niet worden afgedrukt\. Het kaartbestand is niet te lezen: regel \d+: de grenzen tussen jeugdregio's zijn onleesbaar\.$/,
  );
  // On screen too, with the way to try again.
  await expect(page.getByTestId('kaart-fout')).toContainText("de grenzen tussen jeugdregio's zijn onleesbaar");
});
