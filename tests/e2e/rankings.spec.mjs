// Rankings: who is hit hardest, as a journalist would ask it. The organisation
// table sorts on every column and says whether the share of budget differs at all; at
// Nederland no column is there twice; the 408 gemeenten filter by name and group by
// organisation (in pages: paging.spec.mjs). Expected names and counts come from the data
// file, not from the page.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, dataRows, on, number } from './fixtures.mjs';

/** Lower case without accents: how the page matches and orders names. */
const fold = (text) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

const split = (page) => page.getByTestId('split');
const gemeenten = (page) => page.getByTestId('gemeenten');

/** The texts of one column of a table's body rows (0 is the row header). */
async function column(table, index) {
  return table.locator('tbody tr').evaluateAll((rows, i) => rows.map((r) => r.children[i].textContent.trim()), index);
}

function isOrdered(values, direction, compare) {
  return values.every((v, i) => i === 0 || (direction === 'ascending' ? compare(values[i - 1], v) <= 0 : compare(values[i - 1], v) >= 0));
}

// Nederland at −10 %, and two organisations' gemeenten cut harder: shares differ.
const UNEVEN = '?wijziging=-10&gemeenten=Assen:-60%25:;Emmen:-60%25:;Haren:-50%25:';

test.describe('the organisation table', () => {
  test('sorts by every column, both ways, and says so in aria-sort', async ({ page }) => {
    await open(page, UNEVEN);
    const table = split(page);
    await expect(table.locator('tbody tr')).toHaveCount(22);
    const headers = table.getByRole('columnheader');
    const names = await headers.allTextContents();
    expect(names).toHaveLength(6);
    // The hardest hit as a share of budget is on top from the start.
    const share = table.getByRole('columnheader', { name: /Frictiekosten % van budget 2014/ });
    await expect(share).toHaveAttribute('aria-sort', 'descending');
    const start = await column(table, 4);
    expect(isOrdered(start.map(number), 'descending', (a, b) => a - b)).toBe(true);
    let before = await column(table, 0);
    for (let i = 0; i < names.length; i++) {
      const header = headers.nth(i);
      for (const click of [1, 2]) {
        await header.getByRole('button').click();
        // Names A–Z first, numbers largest first; a second click flips.
        const first = i === 0 ? 'ascending' : 'descending';
        const expected = click === 1 ? first : (first === 'ascending' ? 'descending' : 'ascending');
        await expect(header).toHaveAttribute('aria-sort', expected);
        for (let j = 0; j < names.length; j++) {
          if (j !== i) await expect(headers.nth(j)).toHaveAttribute('aria-sort', 'none');
        }
        const values = await column(table, i);
        const compare = i === 0 ? (a, b) => (fold(a) < fold(b) ? -1 : fold(a) > fold(b) ? 1 : 0) : (a, b) => number(a) - number(b);
        expect(isOrdered(values, expected, compare), `${names[i]} ${expected}: ${values.join(' | ')}`).toBe(true);
        const order = await column(table, 0);
        expect(order, `${names[i]} ${expected} changes the order`).not.toEqual(before);
        before = order;
      }
    }
  });

  test('at Nederland each column once; a regio across two organisations adds the whole organisation', async ({ page }) => {
    await open(page, '?wijziging=-20');
    const headers = await split(page).getByRole('columnheader').allTextContents();
    const labels = headers.map((h) => h.replace(/[▲▼↕]/g, '').trim());
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.join(' ')).not.toMatch(/hele organisatie|dit gebied/);
    await open(page, '?regio=West-Brabant-Oost&wijziging=-20');
    await expect(split(page).locator('tbody tr')).toHaveCount(2);
    await expect(split(page).getByRole('columnheader', { name: /Frictiekosten hele organisatie/ })).toHaveCount(1);
    await expect(split(page).getByRole('columnheader', { name: /Frictiekosten dit gebied/ })).toHaveCount(1);
  });

  test('the same cut everywhere: every organisation loses the same share, said in words', async ({ page }) => {
    await open(page, '?wijziging=-20&ivh_wijziging=-20');
    const summary = page.getByTestId('split-samenvatting');
    await expect(summary).toContainText('Elke MEE-organisatie verliest hetzelfde aandeel: 20% van haar budget 2014.');
    // Equal shares: every row shows the same percentage.
    const shares = await column(split(page), 4);
    expect(new Set(shares).size).toBe(1);
    // Uneven cuts: the hardest hit is named, and it is the first row.
    await open(page, UNEVEN);
    const first = await split(page).locator('tbody tr').first().locator('th').textContent();
    await expect(summary).toContainText(`Naar verhouding het zwaarst getroffen: ${first}, met frictiekosten van `);
  });
});

test.describe('the gemeenten table', () => {
  test('a filter by name narrows the 408 rows, ignoring case and accents, and says so', async ({ page }) => {
    await open(page, '?wijziging=-20');
    const table = await on(page).openTable();
    // The table shows a page of 30 rows at a time (paging.spec.mjs); the filter searches all.
    await expect(table.locator('tbody tr')).toHaveCount(30);
    const filter = page.getByLabel('Filter op naam');
    const status = page.getByTestId('gemeenten-gevonden');
    const dam = dataRows().filter((r) => fold(r.gemeente).includes('dam')).map((r) => r.gemeente);
    expect(dam.length).toBeGreaterThan(3);
    await filter.fill('DAM');
    await expect(table.locator('tbody tr')).toHaveCount(dam.length);
    await expect(status).toHaveText(`${dam.length} van 408 gemeenten`);
    expect((await column(table, 0)).sort()).toEqual([...dam].sort());
    // The totals say which is which: the rows shown, then the whole area.
    await expect(table.locator('tfoot tr')).toHaveCount(2);
    await expect(table.locator('tfoot th').first()).toHaveText(`Getoond: ${dam.length}`);
    await expect(table.locator('tfoot th').last()).toHaveText('Totaal alle 408');
    await filter.fill('fryslan');
    await expect(table.locator('tbody th')).toContainText(['Súdwest Fryslân']);
    await filter.fill('xyzzy');
    await expect(table.locator('tbody tr')).toHaveCount(0);
    await expect(status).toHaveText('Geen van de 408 gemeenten heeft ‘xyzzy’ in de naam. Pas het filter aan of maak het leeg.');
    await filter.fill('');
    await expect(table.locator('tbody tr')).toHaveCount(30);
    await expect(page.getByTestId('gemeenten-pagina')).toHaveText('Gemeenten 1–30 van 408');
    await expect(status).toHaveText('');
    await expect(table.locator('tfoot th')).toHaveText(['Totaal']);
  });

  test('frictiekosten as % of the 2014 budget: a column of its own, sortable', async ({ page }) => {
    await open(page, UNEVEN.replace('?', '?mee=MEE%20Drenthe&'));
    const table = await on(page).openTable();
    const header = table.getByRole('columnheader', { name: /Frictiekosten % van budget 2014/ });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const index = await header.evaluate((th) => [...th.parentElement.children].indexOf(th));
    const shares = (await column(table, index)).map(number);
    expect(shares.every((s, i) => i === 0 || shares[i - 1] >= s)).toBe(true);
    expect(shares[0]).toBeGreaterThan(shares.at(-1));
  });

  test('grouped by MEE-organisatie: each gemeente under its organisation', async ({ page }) => {
    await open(page, '?regio=West-Brabant-Oost&wijziging=-10');
    const table = await on(page).openTable();
    await expect(table.getByRole('columnheader', { name: 'MEE-organisatie' })).toHaveCount(1);
    await page.getByLabel('Groeperen per MEE-organisatie').check();
    const rows = dataRows().filter((r) => r.jeugdregio === 'West-Brabant-Oost');
    const groups = [...new Set(rows.map((r) => r.organisatie))].sort();
    expect(groups).toEqual(['MEE Plus', 'MEE West-Brabant']);
    await expect(table.locator('tbody')).toHaveCount(2);
    for (const [i, organisatie] of groups.entries()) {
      const body = table.locator('tbody').nth(i);
      const members = rows.filter((r) => r.organisatie === organisatie).map((r) => r.gemeente);
      await expect(body.locator('th[scope="rowgroup"]')).toHaveText(`${organisatie} (${members.length} gemeenten)`);
      await expect(body.locator('th[scope="row"]')).toHaveCount(members.length);
      expect((await body.locator('th[scope="row"]').allTextContents()).sort()).toEqual([...members].sort());
    }
    // The organisation is the group's heading, not a column beside it.
    await expect(table.getByRole('columnheader', { name: 'MEE-organisatie' })).toHaveCount(0);
    // Within a group, the chosen order.
    await table.getByRole('button', { name: /Budget 2014/ }).click();
    for (const i of [0, 1]) {
      const budgets = (await table.locator('tbody').nth(i).locator('th[scope="row"] ~ td:nth-of-type(1)').allTextContents()).map(number);
      expect(budgets.every((b, j) => j === 0 || budgets[j - 1] >= b), budgets.join(' ')).toBe(true);
    }
    // Filtered and grouped at once; a row is still edited in place.
    await page.getByLabel('Filter op naam').fill('berg');
    const berg = rows.filter((r) => fold(r.gemeente).includes('berg'));
    await expect(table.locator('tbody th[scope="row"]')).toHaveCount(berg.length);
    await page.getByLabel('Groeperen per MEE-organisatie').uncheck();
    await expect(table.locator('tbody')).toHaveCount(1);
    await expect(table.locator('th[scope="rowgroup"]')).toHaveCount(0);
  });

  test('filter, grouping and sorting are reachable by keyboard', async ({ page }) => {
    await open(page, '?regio=West-Brabant-Oost&wijziging=-10');
    await on(page).openTable();
    await page.getByLabel('Integrale Vroeghulp', { exact: true }).focus();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Filter op naam')).toBeFocused();
    await page.keyboard.type('berg');
    await expect(page.getByTestId('gemeenten-gevonden')).toHaveText(/^\d+ van \d+ gemeenten$/);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Groeperen per MEE-organisatie')).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByLabel('Groeperen per MEE-organisatie')).toBeChecked();
    // The organisation table: its scroll region, then its first sort button.
    await split(page).locator('xpath=..').focus();
    await page.keyboard.press('Tab');
    const button = split(page).getByRole('button', { name: /MEE-organisatie/ });
    await expect(button).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(split(page).getByRole('columnheader', { name: /MEE-organisatie/ })).toHaveAttribute('aria-sort', 'ascending');
  });
});

for (const width of [360, 1280]) {
  test(`axe with the filter and grouping on, and no sideways scrolling, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, '?wijziging=-20');
    await on(page).openTable();
    await page.getByLabel('Filter op naam').fill('ber');
    await page.getByLabel('Groeperen per MEE-organisatie').check();
    await expect(gemeenten(page).locator('th[scope="rowgroup"]').first()).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    expect(found).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
