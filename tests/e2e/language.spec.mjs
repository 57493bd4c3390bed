// The words of the page, as a government audience reads them: one name for one thing, a cut
// said as a cut, no notation of the parser in running text, and an accessibility statement
// in the model Dutch government sites use.
import { test, expect, open } from './fixtures.mjs';

test('ready-made examples and saved scenarios have different names', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { name: 'Voorbeelden', level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Scenario's bewaren en vergelijken", level: 2 })).toBeVisible();
  await expect(page.getByRole('heading', { name: "Scenario's", exact: true })).toHaveCount(0);
});

test('the split per organisation is titled as a heading, not as a phrase', async ({ page }) => {
  await open(page, '?mee=MEE%20Drenthe&wijziging=-10');
  await expect(page.locator('#split-titel')).toHaveText('Per MEE-organisatie: MEE Drenthe');
});

test('a cut is said as a cut, without a minus sign in the words', async ({ page }) => {
  await open(page, '?mee=MEE%20Drenthe');
  await page.getByLabel('Aanvaardbare ongedekte frictiekosten (maximum)').fill('500.000');
  const answer = page.getByTestId('antwoord-korting');
  await expect(answer).toContainText(/MEE Drenthe kan de inkoop van cliëntondersteuning met hoogstens \d+(,\d+)?% verlagen: inkoop/);
  await expect(answer).not.toContainText('−');
});

test('consistent terms: fte-verlies, miljoen, sources without a double colon', async ({ page }) => {
  await open(page, '?gemeente=Groningen');
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-13');
  await expect(page.getByTestId('aankondiging')).toContainText('fte-verlies 3,9.');
  await page.locator('details.params > summary').click();
  const text = (await page.locator('body').innerText()).replace(/\s+/g, ' ');
  expect(text).not.toMatch(/fte verlies/i);
  expect(text).not.toMatch(/Bron: \w+:/);
  // "mln" is something a person may type; the page itself writes the word out.
  expect(text.replace(/bijvoorbeeld [^.]*\./g, '')).not.toMatch(/\bmln\b/);
  // The percentage fields say how to type a cut.
  await expect(page.getByText('Ten opzichte van 2014: typ -13 voor 13% minder').first()).toBeVisible();
  // Natural attrition applies per year, as the afbouwpad computes it.
  await expect(page.getByTestId('param-verloop')).toContainText('per jaar');
});

test('the accessibility statement has status, what does not comply, contact and date', async ({ page }) => {
  await open(page);
  const statement = page.getByTestId('toegankelijkheidsverklaring');
  await expect(statement.getByRole('heading', { level: 2 })).toHaveText(/^Toegankelijkheids\u00ad?verklaring$/);
  const terms = statement.locator('dt');
  await expect(terms).toHaveText(['Status', 'Wat nog niet voldoet', 'Contact', 'Datum']);
  await expect(statement.locator('dd').first()).toContainText(/^[A-E]: /);
  await expect(statement.locator('dd').last()).toContainText(/opgesteld op \d{1,2} \w+ \d{4}/);
  await expect(statement).not.toContainText('axe-core op alle WCAG 2.1 A- en AA-regels, op schermen');
  await page.getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
  await expect(statement).toBeInViewport();
});
