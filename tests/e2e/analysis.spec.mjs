// Bandbreedte, tornado and omgekeerd rekenen (docs/model.md §9) in the browser.
import { test, expect, open } from './fixtures.mjs';

const euros = (text) => Number(text.replace(/[^\d−-]/g, '').replace('−', '-'));

test('the range is shown and contains the point figure (Groningen −13 %)', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const [low, high] = (await page.getByTestId('bandbreedte-frictiekosten').textContent()).split('–').map(euros);
  expect(low).toBe(74778);
  expect(high).toBe(261723);
  expect(low).toBeLessThanOrEqual(162019);
  expect(high).toBeGreaterThanOrEqual(162019);
  const [ulow, uhigh] = (await page.getByTestId('bandbreedte-ongedekt').textContent()).split('–').map(euros);
  expect(ulow).toBeLessThanOrEqual(121514);
  expect(uhigh).toBeGreaterThanOrEqual(121514);
  // A parameter change moves the range with it.
  await page.getByLabel('Maanden personeelskosten per boventallige fte').fill('12');
  await expect(page.getByTestId('bandbreedte-frictiekosten')).not.toHaveText(/€\s74\.778/);
});

test('the tornado shows each assumption, widest first, with a table', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const tornado = page.getByTestId('tornado');
  await expect(tornado.getByRole('img', { name: /Invloed van elke aanname/ })).toBeVisible();
  // Every label whole, with its range, at the standard values.
  const labels = await tornado.locator('.chart__label').allTextContents();
  expect(labels).toHaveLength(5);
  for (const label of labels) {
    expect(label).not.toContain('…');
    expect(label).toMatch(/ (€\u00a0)?\S+–\S+$/);
  }
  expect(labels).toContain('Kosten/fte €\u00a058.000–71.000');
  await tornado.getByText('Toon als tabel').click();
  const rows = tornado.locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText('Maanden personeelskosten');
});

test('goal seek: how far can Groningen cut with at most € 50.000 uncovered', async ({ page }) => {
  await open(page, '?gemeente=Groningen');
  await page.getByLabel('Aanvaardbare ongedekte frictiekosten (maximum)').fill('50.000');
  const answer = page.getByTestId('antwoord-korting');
  await expect(answer).toContainText(/met hoogstens \d+(,\d+)?% verlagen/);
  await expect(page).toHaveURL(/doel_ongedekt=50000/);
  await answer.getByRole('button', { name: 'Pas deze wijziging toe' }).click();
  const ongedekt = euros(await page.getByTestId('frictiekosten-ongedekt').textContent());
  expect(ongedekt).toBeLessThanOrEqual(50000);
  expect(ongedekt).toBeGreaterThan(49000);
  await expect(page.getByLabel('Wijziging cliëntondersteuning', { exact: true })).not.toHaveValue('0');
  await expect(page.getByTestId('antwoord-mens-volgt-werk')).toContainText('Minstens');
});

test('goal seek: when even 100 % mens-volgt-werk is not enough, it says so', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13&doel_ongedekt=20000');
  await expect(page.getByLabel('Aanvaardbare ongedekte frictiekosten (maximum)')).toHaveValue('20.000');
  await expect(page.getByTestId('antwoord-mens-volgt-werk')).toContainText('Zelfs als al het personeel meegaat (100%) blijft € 28.042 ongedekt');
  // The target round-trips.
  await page.reload();
  await expect(page.getByLabel('Aanvaardbare ongedekte frictiekosten (maximum)')).toHaveValue('20.000');
  await expect(page).toHaveURL(/doel_ongedekt=20000/);
});
