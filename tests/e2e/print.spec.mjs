// The printed report without gaps: printed with the browser's own
// command (Ctrl+P; here page.pdf(), which fires `beforeprint` as Ctrl+P does, without the
// "Verslag afdrukken" button), it holds the map; every page has a running header with the
// area and the date and a page number; a link prints its address; the map's credit prints
// only with the map; no table leaves a row alone on a page.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, open } from './fixtures.mjs';

/** Prints as the browser's print command does (no button, no event of our own), A4 with the
 * page's own margins, and reads each page back as text. */
async function printed(page) {
  await expect(page.getByTestId('verslag')).toBeAttached();
  const dir = mkdtempSync(join(tmpdir(), 'afdruk-'));
  const file = join(dir, 'afdruk.pdf');
  writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true }));
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  return pages.filter((p) => p.trim() !== '');
}

const flat = (text) => text.replace(/\s+/g, ' ');

test('printed without the button: the map, a header with area and date and a number on every page, link addresses', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  // Someone who presses Ctrl+P a moment after the figures, without scrolling to the map:
  // its drawing is there by then. (Soft: on a build that never fetches it, the PDF's own
  // checks below still run and say what is missing.)
  await expect.soft(page.getByTestId('kaart').locator('svg').first()).toBeAttached({ timeout: 15_000 });
  const pages = await printed(page);
  const all = flat(pages.join('\n'));
  expect.soft(all).toMatch(/Kaart Frictiekosten in % van het budget 2014 .*\(\d+ gemeenten\)/);
  expect.soft(all).toContain('CBS/PDOK');
  // The sections below the figures are built before printing, as for the button.
  expect.soft(all).toContain('Hoe rekenen we?');
  const date = all.match(/Afgedrukt op (\d{2}-\d{2}-\d{4})\./)[1];
  pages.forEach((text, i) => {
    const one = flat(text);
    expect.soft(one, `page ${i + 1}`).toContain(`Rekenhulp frictiekosten MEE 2015 · Groningen (gemeente) · afgedrukt op ${date}`);
    expect.soft(one, `page ${i + 1}`).toContain(`Pagina ${i + 1} van ${pages.length}`);
  });
  // The sources' links with their addresses, completed to where this calculator is.
  const base = new URL('./', page.url()).href;
  const squeezed = all.replace(/\s+/g, '');
  for (const [words, path] of [
    ['Download de gegevens (CSV, 408 gemeenten)', 'data/mee-budgetten-2014.csv'],
    ['Herkomst en bewerking van de gegevens', 'data/README.md'],
  ]) {
    expect.soft(squeezed).toContain(`${words}(${base}${path})`.replace(/\s+/g, ''));
  }
});

test('page 1 holds the figures and the map; a heading and its table stay together', async ({ page }) => {
  await open(page, '?regio=Drenthe&wijziging=-10&pad_2016=-15');
  await expect.soft(page.getByTestId('kaart').locator('svg').first()).toBeAttached({ timeout: 15_000 });
  const pages = (await printed(page)).map(flat);
  expect(pages[0]).toContain('Uitkomsten: Drenthe (jeugdregio)');
  expect(pages[0]).toContain('Ongedekt € 228.871');
  // The map (its legend and credit) under the figures, not moved whole to page 2.
  expect.soft(pages[0]).toMatch(/Kaart Frictiekosten in % van het budget 2014 .*Kaart: © CBS\/PDOK/);
  // Each step's heading on the page of its first rows; no row of a table alone on a page.
  const step2 = pages.findIndex((p) => p.includes('Stap 2: het deel van Drenthe'));
  expect.soft(pages[step2]).toMatch(/Stap 2: het deel van Drenthe.*Daling hier .*Aandeel/);
  const perGemeente = pages.findIndex((p) => p.includes('Per gemeente, cliëntondersteuning (12 gemeenten)'));
  const rows = (p) => (p.match(/ −10% /g) ?? []).length;
  for (const p of pages.slice(perGemeente)) {
    if (rows(p) > 0) expect.soft(rows(p), p.slice(0, 120)).toBeGreaterThanOrEqual(3);
  }
  expect(pages.length).toBeLessThanOrEqual(4);
});

test("a map that is not there is not credited: its drawing still on its way when printed", async ({ page }) => {
  // The drawing never arrives.
  await page.route('**/kaart/gemeenten-2013.txt', () => {});
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const all = flat((await printed(page)).join('\n'));
  expect(all).toContain('Uitkomsten: Groningen (gemeente)');
  expect(all).not.toContain('CBS/PDOK');
  expect(all).not.toContain('gemeentegrenzen 2013');
});
