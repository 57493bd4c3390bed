// The per-gemeente table in pages: for all of Nederland it draws 30 rows at a
// time, not 408, so typing with the table open stays quick. Paging, the status that says
// which rows are shown, the filter, sorting, grouping, editing on a later page, the
// keyboard and axe. Expected names come from the data file, not from the page.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, dataRows, on, number } from './fixtures.mjs';

const PAGE = 30;
/** Lower case without accents: how the page orders names. */
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
const byName = (a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0);
const names = () => dataRows().map((r) => r.gemeente).sort(byName);

const table = (page) => page.getByTestId('gemeenten');
const status = (page) => page.getByTestId('gemeenten-pagina');
const above = (page) => page.getByRole('navigation', { name: 'Pagina’s van de tabel, boven' });
const below = (page) => page.getByRole('navigation', { name: 'Pagina’s van de tabel, onder' });

/** The row headers of the rows drawn. */
const rowNames = (page) => table(page).locator('tbody th[scope="row"]').allTextContents();

// Nederland at −10 %, and some gemeenten cut harder: frictiekosten differ.
const UNEVEN = '?wijziging=-10&gemeenten=Assen:-60%25:;Emmen:-60%25:;Haren:-50%25:;Zwolle:-40%25:';

test('Nederland shows 30 rows a page; Volgende shows 31–60 and says so', async ({ page }) => {
  await open(page, '?wijziging=-20');
  await on(page).openTable();
  const all = names();
  await expect(table(page).locator('tbody tr')).toHaveCount(PAGE);
  await expect(status(page)).toHaveText('Gemeenten 1–30 van 408');
  await expect(above(page)).toContainText('Pagina 1 van 14');
  expect(await rowNames(page)).toEqual(all.slice(0, PAGE));
  await above(page).getByRole('button', { name: 'Volgende' }).click();
  await expect(status(page)).toHaveText('Gemeenten 31–60 van 408');
  await expect(above(page)).toContainText('Pagina 2 van 14');
  await expect(table(page).locator('tbody tr')).toHaveCount(PAGE);
  expect(await rowNames(page)).toEqual(all.slice(PAGE, 2 * PAGE));
  // The last page holds the rest; Volgende says it cannot go further.
  for (let i = 2; i < 14; i++) await above(page).getByRole('button', { name: 'Volgende' }).click();
  await expect(status(page)).toHaveText('Gemeenten 391–408 van 408');
  expect(await rowNames(page)).toEqual(all.slice(390));
  await expect(above(page).getByRole('button', { name: 'Volgende' })).toHaveAttribute('aria-disabled', 'true');
  // The totals are those of all 408, not of the page.
  await expect(table(page).locator('tfoot th')).toHaveText(['Totaal']);
  await expect(table(page).locator('tfoot td[data-label="Frictiekosten"]')).toHaveText(await page.getByTestId('frictiekosten').textContent());
});

test('a gemeente found by the filter is shown, whatever page was open', async ({ page }) => {
  await open(page, '?wijziging=-20');
  await on(page).openTable();
  await above(page).getByRole('button', { name: 'Volgende' }).click();
  await above(page).getByRole('button', { name: 'Volgende' }).click();
  await expect(status(page)).toHaveText('Gemeenten 61–90 van 408');
  await page.getByLabel('Filter op naam').fill('zwolle');
  expect(await rowNames(page)).toEqual(['Zwolle']);
  await expect(page.getByTestId('gemeenten-gevonden')).toHaveText('1 van 408 gemeenten');
  // One page: no pager, no page status.
  await expect(above(page)).toBeHidden();
  await expect(status(page)).toHaveText('');
  // A wider filter starts at its first page.
  await page.getByLabel('Filter op naam').fill('e');
  const e = names().filter((n) => fold(n).includes('e'));
  await expect(status(page)).toHaveText(`Gemeenten 1–30 van ${e.length}`);
  expect(await rowNames(page)).toEqual(e.slice(0, PAGE));
});

test('sorting by frictiekosten shows the highest first, on page 1', async ({ page }) => {
  await open(page, UNEVEN);
  await on(page).openTable();
  await above(page).getByRole('button', { name: 'Volgende' }).click();
  await expect(status(page)).toHaveText('Gemeenten 31–60 van 408');
  const header = table(page).getByRole('columnheader', { name: 'Frictiekosten', exact: true });
  await header.getByRole('button').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect(status(page)).toHaveText('Gemeenten 1–30 van 408');
  const values = async () => (await table(page).locator('tbody td[data-label="Frictiekosten"]').allTextContents()).map(number);
  const first = await values();
  expect(first.every((v, i) => i === 0 || first[i - 1] >= v), first.join(' ')).toBe(true);
  // Assen, cut by 60 %, is among the hardest hit in euros: on the first page.
  expect(await rowNames(page)).toContain('Assen');
  await above(page).getByRole('button', { name: 'Volgende' }).click();
  const second = await values();
  expect(second.every((v) => v <= first.at(-1)), second.join(' ')).toBe(true);
});

test('a cell on page 2 is edited in place and changes the figures', async ({ page }) => {
  await open(page, '?wijziging=-20');
  await on(page).openTable();
  const before = await page.getByTestId('frictiekosten').textContent();
  await above(page).getByRole('button', { name: 'Volgende' }).click();
  const naam = names()[PAGE + 4];
  const cell = page.getByLabel(`Inkoop cliëntondersteuning 2015 ${naam}`, { exact: true });
  await cell.fill('0');
  await expect(page.getByTestId('frictiekosten')).not.toHaveText(before);
  const row = table(page).locator('tbody tr').filter({ has: page.locator('th', { hasText: naam }) });
  await expect(row.locator('td[data-label="Wijziging"]')).toHaveText('−100%');
  // Typing reorders nothing: the row stays where it was.
  await expect(status(page)).toHaveText('Gemeenten 31–60 van 408');
  expect((await rowNames(page)).indexOf(naam)).toBe(4);
});

test('grouped by organisation, a group cut by a page continues under its heading', async ({ page }) => {
  await open(page, '?wijziging=-20');
  await on(page).openTable();
  await page.getByLabel('Groeperen per MEE-organisatie').check();
  const rows = dataRows();
  const groups = [...new Set(rows.map((r) => r.organisatie))].sort(byName);
  const size = (o) => rows.filter((r) => r.organisatie === o).length;
  // The group that holds position 30 (the first row of page 2), and where it starts.
  let start = 0;
  const cut = groups.find((o) => (start += size(o)) > PAGE);
  const continued = start - size(cut) < PAGE;
  await expect(status(page)).toHaveText('Gemeenten 1–30 van 408');
  await expect(table(page).locator('tbody th[scope="row"]')).toHaveCount(PAGE);
  await above(page).getByRole('button', { name: 'Volgende' }).click();
  await expect(table(page).locator('tbody th[scope="row"]')).toHaveCount(PAGE);
  await expect(table(page).locator('th[scope="rowgroup"]').first())
    .toHaveText(`${cut} (${size(cut)} gemeenten${continued ? ', vervolg' : ''})`);
  await page.getByLabel('Groeperen per MEE-organisatie').uncheck();
  await expect(status(page)).toHaveText('Gemeenten 1–30 van 408');
});

test('paging by keyboard alone; from under the table the focus goes to the pager above it', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await open(page, '?wijziging=-20');
  await on(page).openTable();
  await page.getByLabel('Groeperen per MEE-organisatie').focus();
  await page.keyboard.press('Tab');
  const vorige = above(page).getByRole('button', { name: 'Vorige' });
  const volgende = above(page).getByRole('button', { name: 'Volgende' });
  await expect(vorige).toBeFocused();
  await expect(vorige).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Gemeenten 1–30 van 408');
  await page.keyboard.press('Tab');
  await expect(volgende).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Gemeenten 31–60 van 408');
  await expect(volgende).toBeFocused();
  await page.keyboard.press('Space');
  await expect(status(page)).toHaveText('Gemeenten 61–90 van 408');
  // Tab leads from the pager into the table (its scroll region, then its sort buttons).
  await page.keyboard.press('Tab');
  await expect(page.locator(':focus')).toHaveAttribute('role', 'region');
  // Under the table: the new page's first rows come into view with the pager above them.
  await below(page).getByRole('button', { name: 'Volgende' }).focus();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Gemeenten 91–120 van 408');
  await expect(volgende).toBeFocused();
  await expect(volgende).toBeInViewport();
  await expect(table(page).locator('tbody tr').first()).toBeInViewport();
  await page.keyboard.press('Shift+Tab');
  await expect(vorige).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(status(page)).toHaveText('Gemeenten 61–90 van 408');
});

for (const width of [360, 1280]) {
  test(`axe on the paged table, and no sideways scrolling, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, '?wijziging=-20');
    await on(page).openTable();
    await above(page).getByRole('button', { name: 'Volgende' }).click();
    await expect(status(page)).toHaveText('Gemeenten 31–60 van 408');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    expect(found).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    // Both pagers fit the screen, their buttons side by side.
    for (const nav of [above(page), below(page)]) {
      const box = await nav.boundingBox();
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
  });
}
