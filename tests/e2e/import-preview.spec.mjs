// The import preview finishes the job: a name that is nearly right is
// accepted where it is asked ("Bedoelt u ‘Midden-Drenthe’?"), one at a time or all at once,
// without editing the file; the gemeenten of the area that the file leaves out are listed;
// the chosen file is named in Dutch, whatever the browser's language.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open } from './fixtures.mjs';

const section = (page) => page.getByTestId('inlezen');

async function chooseFile(page, name, content) {
  await section(page).getByLabel('Kies een CSV-bestand').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content) });
}

const NEAR_MISSES = 'gemeente;inkoop 2015\nAssen;700.000\nMidden Drente;500.000\nCoevordn;400.000\nAsen;1.000\n';

test('a near miss is accepted in the preview, all at once or one by one, and applied', async ({ page }) => {
  await open(page, '?mee=MEE%20Drenthe');
  await chooseFile(page, 'drenthe.csv', NEAR_MISSES);
  const preview = section(page).getByTestId('inlezen-voorbeeld');
  await expect(preview).toContainText('1 gemeente krijgt een ander bedrag; 3 regels worden niet gebruikt');
  const questions = preview.getByTestId('inlezen-voorstellen');
  await expect(questions).toContainText('Regel 3: ‘Midden Drente’. Bedoelt u:');
  await expect(questions).toContainText('Regel 5: ‘Asen’. Bedoelt u:');

  // "Asen" may be Assen or Asten: all at once takes only the two names with one answer.
  await questions.getByRole('button', { name: 'Alle 2 voorstellen overnemen' }).click();
  await expect(preview).toContainText('3 gemeenten krijgen een ander bedrag; 1 regel wordt niet gebruikt');
  await expect(section(page).getByTestId('inlezen-melding')).toHaveText(/^3 gemeenten krijgen een ander bedrag/);
  const changes = preview.getByRole('table', { name: 'Wat verandert' });
  await expect(changes.getByRole('row', { name: /Midden-Drenthe/ })).toContainText('€ 500.000');
  await expect(changes.getByRole('row', { name: /Coevorden/ })).toContainText('€ 400.000');
  const accepted = preview.getByTestId('inlezen-overgenomen');
  await expect(accepted).toContainText('Regel 3: ‘Midden Drente’ wordt gelezen als Midden-Drenthe.');
  await expect(accepted).toContainText('Regel 4: ‘Coevordn’ wordt gelezen als Coevorden.');
  // Focus goes on to the question that is left, not to the top of the page.
  const asten = questions.getByRole('button', { name: 'Asten gebruiken voor ‘Asen’ op regel 5' });
  await expect(questions.getByRole('button', { name: 'Assen gebruiken voor ‘Asen’ op regel 5' })).toBeFocused();

  // One taken back, and taken again by its own button.
  await accepted.getByRole('button', { name: 'Terugzetten: regel 4' }).click();
  await expect(preview).toContainText('2 gemeenten krijgen een ander bedrag');
  await questions.getByRole('button', { name: 'Coevorden gebruiken voor ‘Coevordn’ op regel 4' }).click();
  await expect(preview).toContainText('3 gemeenten krijgen een ander bedrag');
  // Asten lies outside MEE Drenthe: choosing it is allowed, and the preview shows it.
  await asten.click();
  await expect(preview).toContainText('4 gemeenten krijgen een ander bedrag');
  await expect(changes.getByRole('row', { name: /Asten/ })).toContainText('€ 1.000');
  await expect(questions).toHaveCount(0);
  await expect(page.getByRole('button', { name: '4 bedragen toepassen' })).toBeFocused();

  await page.getByRole('button', { name: '4 bedragen toepassen' }).click();
  await expect(page.getByTestId('ongedaan-maken')).toContainText('Bedragen van 4 gemeenten ingelezen uit ‘drenthe.csv’');
  // Midden-Drenthe now has the file's amount, as if the file had said so.
  const cell = page.getByLabel('Inkoop cliëntondersteuning 2015 Midden-Drenthe', { exact: true });
  await expect(cell).toHaveValue(/500\.000/);
});

test("the area's gemeenten that the file leaves out are listed, and keep their amounts", async ({ page }) => {
  await open(page, '?regio=Drenthe&wijziging=-10');
  await chooseFile(page, 'twee.csv', 'gemeente;inkoop 2015\nAssen;700.000\nEmmen;1.200.000\nMidden Drente;5\n');
  const missing = section(page).getByTestId('inlezen-ontbrekend');
  await expect(missing).toHaveText(
    '10 van de 12 gemeenten van jeugdregio Drenthe staan niet in het bestand en houden hun huidige bedrag: '
    + 'Aa en Hunze, Borger-Odoorn, Coevorden, De Wolden, Hoogeveen, Meppel, Midden-Drenthe, Noordenveld, Tynaarlo en Westerveld.',
  );
  // Accepting "Midden Drente" takes Midden-Drenthe off the list.
  await section(page).getByRole('button', { name: 'Midden-Drenthe gebruiken voor ‘Midden Drente’ op regel 4' }).click();
  await expect(missing).toContainText('9 van de 12 gemeenten');
  await expect(missing).not.toContainText('Midden-Drenthe');
  // Nederland: the 405 names folded away under a count.
  await page.getByRole('button', { name: 'Heel Nederland' }).click();
  await chooseFile(page, 'twee.csv', 'gemeente;inkoop 2015\nAssen;700.000\nEmmen;1.200.000\nMidden Drente;5\n');
  await expect(missing).toContainText('406 van de 408 gemeenten van Nederland staan niet in het bestand');
  await missing.getByText('Toon de 406 gemeenten').click();
  await expect(missing).toContainText('Aa en Hunze, Aalburg, Aalsmeer');
});

test('the chosen file is named in Dutch, the button is reached by keyboard, and axe finds nothing', async ({ page }) => {
  await open(page, '?mee=MEE%20Drenthe');
  const chosen = section(page).getByTestId('inlezen-bestand');
  await expect(chosen).toHaveText('Nog geen bestand gekozen.');
  const input = section(page).getByLabel('Kies een CSV-bestand');
  await expect(input).toHaveAccessibleDescription('Nog geen bestand gekozen.');
  // The browser's own control (which says "No file chosen" in its own language) is not
  // seen; its label is the button, and shows the focus the input gets from the keyboard.
  expect((await input.boundingBox()).width).toBeLessThanOrEqual(1);
  const button = section(page).locator('label[for="import-bestand"]');
  await expect(button).toBeVisible();
  await page.getByLabel('Of plak de kolommen uit Excel (met kopregel)').focus();
  await page.keyboard.press('Shift+Tab');
  await expect(input).toBeFocused();
  expect(await button.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('solid');

  await chooseFile(page, 'drenthe 2015.csv', NEAR_MISSES);
  await expect(chosen).toHaveText('Gekozen bestand: drenthe 2015.csv');
  await expect(input).toHaveAccessibleDescription('Gekozen bestand: drenthe 2015.csv');
  await expect(section(page).getByTestId('inlezen-voorstellen')).toBeVisible();
  const results = await new AxeBuilder({ page }).include('[data-testid="inlezen"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
