// Gemeenten formed after 2013: the table holds the 408 gemeenten of
// 1 January 2013, so De Friese Meren, Alphen aan den Rijn and today's names are found by
// their own name, chosen as the 2013 gemeenten they were formed from, said so in a sentence
// on screen and in the report, outlined on the map, and kept in the link.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, dataRows, euro } from './fixtures.mjs';

const search = (page) => page.getByRole('combobox', { name: 'Zoek een gemeente, jeugdregio of MEE-organisatie' });
const heading = (page) => page.getByTestId('selectie').getByRole('heading');
const sentence = (page) => page.getByTestId('herindeling');

/** The 2014 budget (both lines) of these 2013 gemeenten, as the page shows it. */
function budget(names) {
  const rows = dataRows().filter((r) => names.includes(r.gemeente));
  expect(rows.map((r) => r.gemeente).sort()).toEqual([...names].sort());
  return euro(rows.reduce((sum, r) => sum + r.co + r.ivh, 0n));
}

test('"De Friese Meren" is found and chosen as its three 2013 gemeenten, with the sentence', async ({ page }) => {
  await open(page);
  await search(page).fill('De Friese Meren');
  const first = page.getByRole('option').first();
  await expect(first).toHaveText('De Friese Meren gemeente 2014–2015');
  await search(page).press('Enter');
  await expect(heading(page)).toHaveText('De Friese Meren (gemeente 2014–2015)');
  await expect(page.getByTestId('selectie')).toContainText('3 gemeenten · MEE-organisatie: MEE Friesland');
  await expect(page.getByTestId('budget-2014')).toHaveText(budget(['Gaasterlân-Sleat', 'Lemsterland', 'Skarsterlân']));
  await expect(sentence(page)).toContainText('De Friese Meren bestond op 1 januari 2013 nog niet');
  await expect(sentence(page)).toContainText('gevormd: Gaasterlân-Sleat, Lemsterland en Skarsterlân.');
  await expect(sentence(page)).toContainText('Van Boarnsterhim ging een deel (5%) naar De Friese Meren; dat deel telt hier niet mee.');
  await expect(sentence(page)).toContainText('meer dan de helft van haar oppervlakte');
  await expect(page).toHaveURL(/\?gemeente=De\+Friese\+Meren$/);
  const results = await new AxeBuilder({ page }).include('[data-testid="selectie"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

test('"Alphen aan den Rijn" finds the gemeente of 2014 and the Alphen a/d Rijn of 2013', async ({ page }) => {
  await open(page);
  await search(page).fill('Alphen aan den Rijn');
  const options = page.getByRole('option');
  await expect(options.nth(0)).toHaveText('Alphen aan den Rijn gemeente sinds 2014');
  await expect(options.nth(1)).toHaveText('Alphen a/d Rijn (Alphen aan den Rijn) gemeente');
  await search(page).press('Enter');
  await expect(heading(page)).toHaveText('Alphen aan den Rijn (gemeente sinds 2014)');
  await expect(page.getByTestId('budget-2014')).toHaveText(budget(['Alphen a/d Rijn', 'Boskoop', 'Rijnwoude']));
  // The short form the other way round.
  await search(page).fill('Alphen a/d Rijn');
  await expect(page.getByRole('option', { name: 'Alphen aan den Rijn (Alphen a/d Rijn) gemeente sinds 2014' })).toBeVisible();
});

test('"Den Bosch", "\'s-Hertogenbosch" and "s-Hertogenbosch" find both', async ({ page }) => {
  await open(page);
  for (const typed of ['Den Bosch', "'s-Hertogenbosch", 's-Hertogenbosch', 'den-bosch']) {
    await search(page).fill(typed);
    const options = page.getByRole('option');
    const texts = [await options.nth(0).textContent(), await options.nth(1).textContent()];
    expect(texts.some((t) => /^Den Bosch( \('s-Hertogenbosch\))? gemeente$/.test(t)), `${typed}: ${texts}`).toBe(true);
    expect(texts.some((t) => /^'s-Hertogenbosch( \(Den Bosch\))? gemeente sinds 2015$/.test(t)), `${typed}: ${texts}`).toBe(true);
  }
  await search(page).fill('Den Bosch');
  await page.getByRole('option', { name: /^'s-Hertogenbosch/ }).click();
  await expect(heading(page)).toHaveText("'s-Hertogenbosch (gemeente sinds 2015)");
  await expect(page.getByTestId('budget-2014')).toHaveText(budget(['Den Bosch', 'Maasdonk']));
});

test('a name the table does not know says which gemeenten it does know', async ({ page }) => {
  await open(page);
  await search(page).fill('Atlantis');
  await expect(page.getByTestId('zoek-geen')).toContainText('408 gemeenten van 1 januari 2013');
});

test('the link: a later name opens it, with indeling= where the name alone means another', async ({ page }) => {
  await open(page, '?gemeente=Alkmaar&indeling=2015&wijziging=-10');
  await expect(heading(page)).toHaveText('Alkmaar (gemeente sinds 2015)');
  await expect(page.getByTestId('budget-2014')).toHaveText(budget(['Alkmaar', 'Graft-De Rijp', 'Schermer']));
  await expect(sentence(page)).toContainText('Alkmaar is na 1 januari 2013 heringedeeld');
  await expect(page.getByLabel('Wijziging cliëntondersteuning', { exact: true })).toHaveValue(/-10/);
  // The page writes it back as it read it, and a reload opens the same.
  await expect(page).toHaveURL(/\?gemeente=Alkmaar&indeling=2015&wijziging=-10$/);
  await page.reload();
  await expect(heading(page)).toHaveText('Alkmaar (gemeente sinds 2015)');
  // Without indeling=, Alkmaar is the gemeente of 2013, as older links meant it.
  await open(page, '?gemeente=Alkmaar');
  await expect(heading(page)).toHaveText('Alkmaar (gemeente)');
  await expect(sentence(page)).toHaveCount(0);
  // Today's name, in any spelling: no notice, the gemeente of that name.
  await open(page, '?gemeente=krimpenerwaard');
  await expect(heading(page)).toHaveText('Krimpenerwaard (gemeente sinds 2015)');
  await expect(page.getByTestId('meldingen')).toBeHidden();
});

test('the printed report says what the merged gemeente is', async ({ page }) => {
  await open(page, '?gemeente=De+Friese+Meren&wijziging=-10');
  // The report's code comes in a chunk after the figures.
  await expect(page.getByTestId('verslag')).toBeAttached();
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('verslag')).toContainText('Uitkomsten: De Friese Meren (gemeente 2014–2015)');
  await expect(page.getByTestId('verslag')).toContainText('De Friese Meren bestond op 1 januari 2013 nog niet');
  await expect(page.getByTestId('verslag')).toContainText('Gaasterlân-Sleat, Lemsterland en Skarsterlân');
});

test('the map outlines the 2013 gemeenten of the chosen later gemeente', async ({ page }) => {
  await open(page, '?gemeente=De+Friese+Meren');
  await page.getByTestId('kaart').scrollIntoViewIfNeeded();
  const map = page.getByRole('listbox', { name: /^Kaart van de gemeenten/ });
  await expect(map.getByRole('option')).toHaveCount(408);
  const chosen = map.locator('[aria-selected="true"]');
  await expect(chosen).toHaveCount(3);
  const names = await chosen.evaluateAll((shapes) => shapes.map((s) => s.getAttribute('aria-label').split(':')[0]).sort());
  expect(names).toEqual(['Gaasterlân-Sleat', 'Lemsterland', 'Skarsterlân']);
  const outline = await page.locator('.kaart__gekozen-rand').first().getAttribute('d');
  expect((outline.match(/M/g) ?? []).length).toBeGreaterThanOrEqual(3);
});
