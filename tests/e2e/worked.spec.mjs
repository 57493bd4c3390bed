// "Zo is dit berekend": every step of the model with the area's own numbers,
// cliëntondersteuning and Integrale Vroeghulp never mixed unannounced, and why the cost per
// fte does not move the frictiekosten.
import { test, expect, open } from './fixtures.mjs';

test('budget and inkoop say what they are made of, with the amounts', async ({ page }) => {
  await open(page, '?gemeente=Groningen');
  const inkoop = page.getByLabel('Inkoop cliëntondersteuning 2015', { exact: true });
  await inkoop.fill('300.000');
  await expect(page.getByTestId('inkoop-2015')).toHaveText('€ 322.364');
  const results = page.locator('.results');
  await expect(results.getByText('Inkoop 2015 totaal')).toBeVisible();
  await expect(results).toContainText('cliëntondersteuning € 300.000 plus Integrale Vroeghulp € 22.364.');
  await expect(results).toContainText('cliëntondersteuning € 1.917.382 plus Integrale Vroeghulp € 22.364.');
});

test('the worked calculation goes from MEE Groningen to Groningen with their own numbers', async ({ page }) => {
  await open(page, '?mee=MEE%20Groningen&wijziging=-13');
  // The whole organisation cut, then one of its gemeenten chosen.
  await page.getByRole('combobox').fill('Groningen');
  await page.getByRole('option', { name: 'Groningen gemeente', exact: true }).click();
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  const worked = page.getByTestId('berekening');
  await expect(worked).not.toHaveAttribute('open');
  await page.locator('.results').getByRole('link', { name: 'Zo is dit berekend' }).click();
  await expect(worked).toHaveAttribute('open');
  await expect(worked.locator('summary')).toBeFocused();
  await expect(page).not.toHaveURL(/#/);
  const organisation = worked.getByRole('table', { name: /MEE Groningen, de hele organisatie/ });
  await expect(organisation.getByRole('row', { name: /^Omzetdaling/ })).toContainText('€ 724.668');
  await expect(organisation.getByRole('row', { name: /^Frictiekosten €/ })).toContainText('€ 471.034');
  await expect(organisation.getByRole('row', { name: /^Budget 2014/ })).toContainText(/cliëntondersteuning €\s[\d.]+ \+ Integrale Vroeghulp €\s[\d.]+/);
  const share = worked.getByRole('table', { name: /het deel van Groningen bij MEE Groningen/ });
  await expect(share.getByRole('row', { name: /^Daling hier/ })).toContainText('€ 1.939.746 − € 1.690.486');
  await expect(share.getByRole('row', { name: /^Aandeel/ })).toContainText('€ 249.260 ÷ € 724.668');
  await expect(share.getByRole('row', { name: /^Frictiekosten/ })).toContainText('€ 162.019');
  await expect(share.getByRole('row', { name: /^Ongedekt/ })).toContainText(await page.getByTestId('frictiekosten-ongedekt').textContent());
  await expect(worked).toContainText('vallen tegen elkaar weg');
});

test('another cost per fte moves the fte, not the frictiekosten, and the page says why', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13&fte_kosten=80000');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await expect(page.getByTestId('fte-verlies')).toHaveText('3,1');
  await expect(page.locator('.bandbreedte')).toContainText('De kosten per fte veranderen alleen de fte-cijfers');
  const worked = page.getByTestId('berekening');
  await worked.locator('> summary').click();
  await expect(worked).toContainText('Waarom de kosten per fte (€ 80.000)');
  await expect(worked.getByRole('row', { name: /^Fte-verlies/ }).first()).toContainText('÷ € 80.000 per fte');
});

test('Nederland lists its organisations and points to choosing one', async ({ page }) => {
  await open(page, '?wijziging=-10');
  const worked = page.getByTestId('berekening');
  await worked.locator('> summary').click();
  const rows = worked.getByRole('table', { name: 'Per MEE-organisatie' }).locator('tbody tr');
  await expect(rows).toHaveCount(23);
  await expect(rows.last()).toContainText(await page.getByTestId('frictiekosten').textContent());
  await expect(worked).toContainText('Kies een MEE-organisatie');
});
