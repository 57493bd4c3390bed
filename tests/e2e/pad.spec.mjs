// The afbouwpad 2015–2018 (docs/model.md §8) in the browser.
import { test, expect, open } from './fixtures.mjs';

test('the preset puts a gradual path next to the same cut at once', async ({ page }) => {
  await open(page, '?mee=MEE%20Groningen');
  await page.getByRole('button', { name: 'In één keer of gespreid' }).click();
  const pad = page.getByTestId('afbouwpad');
  await expect(pad).toHaveAttribute('open');
  await expect(page.getByLabel('Cliëntondersteuning 2018, wijziging t.o.v. 2014')).toHaveValue('-20');
  await expect(page.getByLabel('Natuurlijk verloop')).toHaveValue('3');
  const table = page.getByTestId('pad-tabel');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  // Four steps of 5 % of MEE Groningen's co budget (5.574.366): € 278.718 each.
  for (const year of ['2015', '2016', '2017', '2018']) {
    await expect(table.getByRole('row', { name: new RegExp(`^${year}`) })).toContainText('€ 278.718');
  }
  await expect(table.getByRole('row', { name: /^Totaal 2015–2018/ })).toContainText('€ 1.114.873');
  await expect(page.getByTestId('pad-verschil')).toContainText('Geleidelijk afbouwen bespaart €');
  await expect(page).toHaveURL(/pad_2016=-10&pad_2017=-15&pad_2018=-20/);
});

test('a path in the link opens the section and round-trips', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-5&pad_2016=-10&pad_2017=-15&pad_2018=-20');
  await expect(page.getByTestId('afbouwpad')).toHaveAttribute('open');
  const before = await page.getByTestId('pad-tabel').textContent();
  await page.getByLabel('Cliëntondersteuning 2017, wijziging t.o.v. 2014').fill('');
  await expect(page).toHaveURL(/wijziging=-5&pad_2016=-10&pad_2018=-20$/);
  await page.reload();
  await expect(page.getByLabel('Cliëntondersteuning 2017, wijziging t.o.v. 2014')).toHaveValue('');
  await expect(page.getByTestId('pad-tabel')).not.toHaveText(before);
  // Without verloop, spreading costs the same in total.
  await expect(page.getByTestId('pad-verschil')).toContainText('Zonder natuurlijk verloop kost geleidelijk afbouwen evenveel');
});

test('a bad year is refused and nothing changes', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-5&pad_2016=-10');
  const field = page.getByLabel('Cliëntondersteuning 2016, wijziging t.o.v. 2014');
  await field.fill('-150');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page).toHaveURL(/pad_2016=-10$/);
});
