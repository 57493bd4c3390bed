// What people take into a council proposal: the keyboard-only task, the CSV for Excel, the
// charts with their tables, print, and a gemeente's own huisstijl.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../scripts/static-server.mjs';
import { test, expect, open, settled } from './fixtures.mjs';

/** Presses Tab until `locator` has focus; fails if it is not reached. */
async function tabTo(page, locator, max = 150) {
  for (let i = 0; i < max; i++) {
    if (await locator.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable by Tab: ${locator}`);
}

async function readDownload(download) {
  return readFileSync(await download.path(), 'utf8');
}

test('the whole task with the keyboard only', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 0');
  // Search and select.
  await tabTo(page, page.getByRole('combobox'));
  await page.keyboard.type('groningen');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('Groningen (gemeente)');
  // Change the percentage and read the result.
  await tabTo(page, page.getByLabel('Wijziging cliëntondersteuning', { exact: true }));
  await page.keyboard.type('-13');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  // The parameters: fold the panel shut and open it again, then change one.
  const summary = page.locator('details.params > summary');
  await tabTo(page, summary);
  await page.keyboard.press('Enter');
  await expect(page.locator('details.params')).not.toHaveAttribute('open');
  await page.keyboard.press('Enter');
  await expect(page.locator('details.params')).toHaveAttribute('open');
  await tabTo(page, page.getByLabel('Mens volgt werk'));
  await page.keyboard.type('100');
  await expect(page.getByTestId('frictiekosten-personeel')).toHaveText('€ 0');
  // Export.
  await tabTo(page, page.getByRole('button', { name: 'Download CSV (Groningen)' }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  expect(download.suggestedFilename()).toMatch(/^frictiekosten-groningen-gemeente-\d{4}-\d{2}-\d{2}\.csv$/);
});

test('CSV for Dutch Excel: BOM, semicolons, decimal comma, parameters, totals', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV (Groningen)' }).click(),
  ]);
  const text = await readDownload(download);
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).split('\r\n');
  expect(lines[1]).toBe('Gebied;Groningen (gemeente)');
  expect(lines.find((l) => l.startsWith('Link;'))).toMatch(/\?gemeente=Groningen&wijziging=-13$/);
  expect(lines.find((l) => l.startsWith('Dekking uit reserves van MEE;'))).toMatch(/^Dekking uit reserves van MEE;25,00;%;Voortgangsmonitor/);
  const header = lines.findIndex((l) => l.startsWith('gemeente;'));
  expect(lines[header].split(';')).toHaveLength(14);
  const groningen = lines[header + 1].split(';');
  expect(groningen.slice(0, 4)).toEqual(['Groningen', 'Groningen', 'MEE Groningen', '1917382,00']);
  expect(groningen[11]).toBe('162018,78');
  expect(lines[header + 2].startsWith('Totaal;;;1917382,00;')).toBe(true);
});

test('CSV of all 408 gemeenten from any area', async ({ page }) => {
  await open(page, '?regio=Drenthe&wijziging=-10');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV (alle gemeenten)' }).click(),
  ]);
  const lines = (await readDownload(download)).split('\r\n');
  const header = lines.findIndex((l) => l.startsWith('gemeente;'));
  const rows = lines.slice(header + 1).filter((l) => l);
  expect(rows).toHaveLength(409);
  expect(rows.at(-1)).toMatch(/^Totaal;;;178669214,00;1802511,00;/);
  expect(rows.find((r) => r.startsWith('Assen;'))).toMatch(/;-?\d+,\d{2}$/);
});

test('the charts are accessible images with the same figures as a table', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const composition = page.getByTestId('grafiek-samenstelling');
  await expect(composition.getByRole('img', { name: /Samenstelling frictiekosten, Groningen/ })).toBeVisible();
  await composition.getByText('Toon als tabel').click();
  await expect(composition.getByRole('table')).toContainText('€ 124.630');
  await expect(composition.getByRole('table')).toContainText('€ 121.514');
  // They follow every change at once.
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-100');
  await expect(composition.getByRole('table')).toContainText(/Frictiekosten totaal\s*€\s1\.246\.298/);
  const bars = page.getByTestId('grafiek-inkoop');
  await expect(bars.getByRole('img')).toBeVisible();
  await bars.getByText('Toon als tabel').click();
  await expect(bars.getByRole('row', { name: /Groningen/ })).toContainText('€ 22.364');
  // For Nederland: per MEE-organisatie, 22 rows.
  await page.getByRole('button', { name: 'Heel Nederland' }).click();
  await expect(bars.getByRole('img', { name: /per MEE-organisatie/ })).toBeVisible();
  await expect(bars.locator('tbody tr')).toHaveCount(22);
});

/** Prints the page as the browser would (beforeprint, print media, A4) and reads each
 * page of the PDF back as text. */
async function printed(page) {
  // The report's code comes in a chunk after the figures.
  await expect(page.getByTestId('verslag')).toBeAttached();
  // As a person prints: after the sections have come (they are built when the browser is idle).
  await settled(page);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  const dir = mkdtempSync(join(tmpdir(), 'verslag-'));
  const file = join(dir, 'verslag.pdf');
  await page.pdf({ path: file, format: 'A4', margin: { top: '15mm', bottom: '15mm', left: '15mm', right: '15mm' } });
  const pages = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f');
  return pages.filter((p) => p.trim() !== '');
}

test('print gives a report: figures together on page 1, then the calculation, assumptions and method', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const pages = await printed(page);
  // One gemeente: a few pages, not five (with the map on page 1 and the sources' addresses,
  // four).
  expect(pages.length).toBeLessThanOrEqual(4);
  const first = pages[0].replace(/\s+/g, ' ');
  expect(first).toMatch(/Afgedrukt op \d{2}-\d{2}-\d{4}\./);
  // The reopen link wraps instead of running off the page: all of it is on the paper.
  expect(pages[0].replace(/\s+/g, '')).toContain('?gemeente=Groningen&wijziging=-13');
  expect(first).toContain('Uitkomsten: Groningen (gemeente)');
  expect(first).toContain('cliëntondersteuning € 1.668.122 (−13% ten opzichte van 2014)');
  // Every key figure on page 1, from the budget to the ongedekte frictiekosten.
  for (const figure of ['Budget 2014', '€ 1.939.746', 'Frictiekosten totaal € 162.019', 'Ongedekt € 121.514']) {
    expect(first).toContain(figure);
  }
  const all = pages.join('\n').replace(/\s+/g, ' ');
  expect(all).toContain('Zo is dit berekend, met de cijfers van Groningen');
  expect(all).toContain('Aannames en bronnen');
  expect(all).toContain('Voortgangsmonitor 1 december 2014');
  expect(all).toContain('Hoe rekenen we?');
  // Nothing that only works on a screen, and no empty sections.
  for (const absent of ['Omgekeerd rekenen', 'Afbouwpad', 'Ctrl+P', 'Download CSV', 'Verslag afdrukken', 'Toegankelijkheid', 'Zoek een gemeente']) {
    expect(all).not.toContain(absent);
  }
  await expect(page.locator('input:visible, button:visible, select:visible, summary:visible')).toHaveCount(0);
});

test('a printed regio lists its gemeenten, and an afbouwpad its years', async ({ page }) => {
  await open(page, '?regio=Drenthe&wijziging=-10&pad_2016=-15');
  const all = (await printed(page)).join('\n').replace(/\s+/g, ' ');
  expect(all).toContain('Uitkomsten: Drenthe (jeugdregio)');
  expect(all).toMatch(/Per gemeente, cliëntondersteuning \(12 gemeenten\)/);
  expect(all).toMatch(/Assen € [\d.]+ € [\d.]+ −10%/);
  expect(all).toMatch(/Afbouwpad 2015–2018.*2016 € [\d.]+ .*Totaal 2015–2018/);
});

test("a gemeente's thema.css restyles the calculator", async ({ page }) => {
  const dist = new URL('../../dist', import.meta.url).pathname;
  const themed = mkdtempSync(join(tmpdir(), 'mee-thema-'));
  cpSync(dist, themed, { recursive: true });
  cpSync(join(dist, 'thema-voorbeeld.css'), join(themed, 'thema.css'));
  const { server, url } = await startServer({ root: themed, host: '127.0.0.1', port: 0, base: '/', headers: {} });
  try {
    const colour = async (base) => {
      await page.goto(`${base}?gemeente=Groningen`);
      return page.getByRole('heading', { level: 1 }).evaluate((h) => getComputedStyle(h).color);
    };
    expect(await colour('./')).toBe('rgb(21, 66, 115)');
    expect(await colour(url)).toBe('rgb(0, 104, 79)');
  } finally {
    server.close();
  }
});
