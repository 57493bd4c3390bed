// A chart or the map as an image file: the SVG downloaded under the calculator's
// own CSP parses as XML and holds the title, the legend, the figures shown on the page and
// the source; the PNG is a PNG at twice the SVG's width; nothing is asked of another
// origin; axe finds nothing on the new buttons at 360 and 1280 px.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { test as base } from '@playwright/test';
import { CSP, startServer } from '../../scripts/static-server.mjs';
import { test, expect, settled } from './fixtures.mjs';

const DIST = resolve(new URL('../..', import.meta.url).pathname, process.env.E2E_DIST ?? 'dist');
const QUERY = '?gemeente=Assen&wijziging=-20';
let calculator;

test.beforeAll(async () => {
  calculator = await startServer({ root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: { 'Content-Security-Policy': CSP } });
});
test.afterAll(() => calculator?.server.close());

/** Opens the calculator under its strict CSP, counting requests to other origins and
 * CSP violations; waits for every section. */
async function openStrict(page, width = 1280) {
  const foreign = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(calculator.url) && !url.startsWith('data:')) foreign.push(url);
  });
  await page.setViewportSize({ width, height: 900 });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${calculator.url}${QUERY}`);
  await expect(page.getByTestId('frictiekosten')).toHaveText(/^€\s/);
  await settled(page);
  return foreign;
}

/** Clicks `button` and gives the download's name and bytes. */
async function download(page, button) {
  await button.scrollIntoViewIfNeeded();
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

/** The SVG parsed by the browser's XML parser: whether it parsed, its size, its title and
 * every text in it, in order. */
async function parse(page, bytes) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const root = doc.documentElement;
    return {
      error: doc.querySelector('parsererror')?.textContent ?? null,
      root: `${root.namespaceURI} ${root.localName}`,
      width: Number(root.getAttribute('width')),
      viewBox: root.getAttribute('viewBox'),
      title: root.querySelector('title')?.textContent,
      texts: [...root.querySelectorAll('text')].map((t) => t.textContent),
      paths: root.querySelectorAll('path').length,
    };
  }, bytes.toString('utf8'));
}

const texts = (locator) => locator.evaluateAll((els) => els.map((e) => e.textContent.replace(/\s+/g, ' ').trim()));

test('a chart downloads as an SVG with its title, legend, figures and source', async ({ page }) => {
  const foreign = await openStrict(page);
  const figure = page.getByTestId('grafiek-inkoop');
  const title = await figure.locator('.chart__caption').textContent();
  expect(title).toBe('Budget 2014 en inkoop 2015 per gemeente, Assen');
  const { name, bytes } = await download(page, page.getByRole('button', { name: `Download de grafiek ${title} als SVG` }));
  expect(name).toBe('frictiekosten-inkoop-assen.svg');
  const svg = await parse(page, bytes);
  expect(svg.error).toBeNull();
  expect(svg.root).toBe('http://www.w3.org/2000/svg svg');
  expect(svg.width).toBe(720);
  expect(svg.viewBox).toMatch(/^0 0 720 \d+$/);
  expect(svg.title).toBe(title);
  expect(svg.texts[0]).toBe(title);
  // The legend, as the page shows it.
  const legend = await texts(figure.locator('.chart__legend li'));
  expect(legend).toEqual(['Budget 2014', 'Inkoop 2015']);
  expect(svg.texts.slice(1, 3)).toEqual(legend);
  // The figures: those of the table under the chart, in words.
  const cells = await texts(figure.locator('tbody tr').first().locator('td'));
  expect(svg.texts).toContain('Assen');
  expect(svg.texts.map((t) => t.replace(/\u00a0/g, ' '))).toContain(
    `Budget 2014: ${cells[0]} · Inkoop 2015: ${cells[1]} · Wijziging: ${cells[2]}`);
  const source = svg.texts.slice(-3).join(' ');
  expect(source).toMatch(/^Bron: Rekenhulp frictiekosten MEE 2015, berekend op \d\d-\d\d-\d{4} op basis van de budgetten 2014 uit de Handreiking Cliëntondersteuning \(Bijlage 5\)/);
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

test('the composition chart\'s image holds the amounts shown under its bars', async ({ page }) => {
  await openStrict(page);
  const figure = page.getByTestId('grafiek-samenstelling');
  const { name, bytes } = await download(page, figure.getByRole('button', { name: /^Download de grafiek Samenstelling frictiekosten, Assen als SVG$/ }));
  expect(name).toBe('frictiekosten-samenstelling-assen.svg');
  const svg = await parse(page, bytes);
  expect(svg.error).toBeNull();
  const notes = await texts(figure.locator('.chart__notes > span'));
  expect(notes).toHaveLength(4);
  expect(notes[0]).toMatch(/^Personeel: € [\d.]+$/);
  const shown = svg.texts.map((t) => t.replace(/\u00a0/g, ' '));
  for (const note of notes) expect(shown).toContain(note.replace(/\u00a0/g, ' '));
});

test('the map downloads as an SVG with its title, the area, the legend, the summary and both sources', async ({ page }) => {
  const foreign = await openStrict(page);
  const section = page.getByTestId('kaart');
  await section.scrollIntoViewIfNeeded();
  const legend = page.getByTestId('kaart-legenda');
  await expect(legend.locator('li').first()).toBeVisible();
  const entries = await texts(legend.locator('li'));
  expect(entries.length).toBeGreaterThan(1);
  // By keyboard: the button is a tab stop, Enter downloads.
  const button = section.getByRole('button', { name: 'Download de kaart Frictiekosten in % van het budget 2014 als SVG' });
  await button.focus();
  const [file] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(file.suggestedFilename()).toBe('frictiekosten-kaart-assen.svg');
  const svg = await parse(page, readFileSync(await file.path()));
  expect(svg.error).toBeNull();
  expect(svg.title).toBe('Kaart: Frictiekosten in % van het budget 2014');
  expect(svg.texts[0]).toBe(svg.title);
  expect(svg.texts[1]).toBe('Omlijnd: Assen (gemeente)');
  for (const entry of entries) expect(svg.texts).toContain(entry);
  const all = svg.texts.join(' ');
  const summary = await page.getByTestId('kaart-samenvatting').textContent();
  expect(all).toContain(summary);
  expect(all).toMatch(/Bron: Rekenhulp frictiekosten MEE 2015, berekend op \d\d-\d\d-\d{4}/);
  expect(all).toContain('© CBS/PDOK');
  expect(svg.paths).toBeGreaterThanOrEqual(408);
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

/** The width and height in a PNG's header. */
function pngSize(bytes) {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

test('a chart and the map download as PNG, drawn at twice the SVG\'s size under the strict CSP', async ({ page }) => {
  const foreign = await openStrict(page);
  const figure = page.getByTestId('grafiek-samenstelling');
  const chartSvg = await parse(page, (await download(page, figure.getByRole('button', { name: /als SVG$/ }))).bytes);
  const chart = await download(page, figure.getByRole('button', { name: 'Download de grafiek Samenstelling frictiekosten, Assen als PNG' }));
  expect(chart.name).toBe('frictiekosten-samenstelling-assen.png');
  const height = Number(chartSvg.viewBox.split(' ')[3]);
  expect(pngSize(chart.bytes)).toEqual([1440, 2 * height]);

  const section = page.getByTestId('kaart');
  await section.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('kaart-legenda').locator('li').first()).toBeVisible();
  const map = await download(page, section.getByRole('button', { name: /^Download de kaart .* als PNG$/ }));
  expect(map.name).toBe('frictiekosten-kaart-assen.png');
  const [width, mapHeight] = pngSize(map.bytes);
  expect(width).toBe(1440);
  expect(mapHeight).toBeGreaterThan(1440);
  expect(map.bytes.length).toBeGreaterThan(50_000);
  await expect(page.locator('.afbeelding__fout:visible')).toHaveCount(0);
  expect(foreign).toEqual([]);
  expect(await page.evaluate(() => window.__violations)).toEqual([]);
});

for (const width of [360, 1280]) {
  test(`axe: the image buttons at ${width} px`, async ({ page }) => {
    await openStrict(page, width);
    await page.getByTestId('kaart').scrollIntoViewIfNeeded();
    await expect(page.getByTestId('kaart-legenda').locator('li').first()).toBeVisible();
    const groups = page.locator('.afbeelding');
    // The two charts and the tornado, and the map.
    await expect(groups).toHaveCount(4);
    for (const group of await groups.all()) {
      await expect(group.getByRole('button', { name: /^Download de (grafiek|kaart) .+ als SVG$/ })).toBeVisible();
      await expect(group.getByRole('button', { name: /^Download de (grafiek|kaart) .+ als PNG$/ })).toBeVisible();
      // One line on a phone: the buttons beside each other.
      const boxes = await group.getByRole('button').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().top));
      expect(Math.abs(boxes[0] - boxes[1])).toBeLessThan(2);
    }
    const results = await new AxeBuilder({ page }).include('.afbeelding')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}

// Plain `base`: the blocked fetch is reported in the console by the browser itself.
base('when the image writers cannot be fetched, the buttons say so in Dutch; a press once they can downloads one file', async ({ page }) => {
  // The writers are a chunk fetched on the first press (a proxy that blocks .wasm, or a
  // connection lost after the first load).
  let blocked = true;
  await page.route(/chunk-afbeelding-[0-9a-f]+\.wasm$/, (route) => (blocked ? route.abort('blockedbyclient') : route.continue()));
  await openStrict(page);
  const downloads = [];
  page.on('download', (d) => downloads.push(d.suggestedFilename()));
  const figure = page.getByTestId('grafiek-inkoop');
  const svg = figure.getByTestId('download-svg');
  await svg.scrollIntoViewIfNeeded();
  await svg.click();
  const alert = figure.getByRole('alert');
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText('De afbeelding kon in deze browser niet worden gemaakt; probeer het opnieuw of kies de SVG.');
  expect(downloads).toEqual([]);
  // Back online: the next press fetches the writers and offers the file once; the press that
  // failed is not carried out as well.
  blocked = false;
  const { name } = await download(page, svg);
  expect(name).toBe('frictiekosten-inkoop-assen.svg');
  await expect(alert).toBeHidden();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  expect(downloads).toEqual(['frictiekosten-inkoop-assen.svg']);
});
