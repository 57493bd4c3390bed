// Saved scenarios (localStorage, only on request) and the comparison view.
import { test, expect, open } from './fixtures.mjs';

const KEY = 'mee-frictiekosten/scenarios';
const HEADER = "mee-frictiekosten scenario's v2";
const HEADER_V1 = "mee-frictiekosten scenario's v1";

async function save(page, naam) {
  await page.getByLabel('Naam van het scenario').fill(naam);
  await page.getByRole('button', { name: 'Bewaar scenario' }).click();
}

const list = (page) => page.getByRole('list', { name: "Bewaarde scenario's" }).getByRole('listitem');

test('save, reopen after a reload, rename and delete', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  await save(page, 'Variant 2');
  await expect(list(page)).toHaveCount(1);
  await expect(list(page).first()).toContainText('Variant 2');
  const stored = await page.evaluate((k) => localStorage.getItem(k), KEY);
  expect(stored).toMatch(new RegExp(`^${HEADER}\\n[0-9a-f-]+\\tVariant 2\\t\\d{2}-\\d{2}-\\d{4}\\tgemeente=Groningen&wijziging=-13\\n$`));
  // Somewhere else, then open the saved one.
  await page.goto('./?regio=Drenthe');
  await expect(list(page)).toHaveCount(1);
  await list(page).first().getByRole('button', { name: 'Openen' }).click();
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await expect(page).toHaveURL(/\?gemeente=Groningen&wijziging=-13$/);
  // Rename.
  await list(page).first().getByRole('button', { name: 'Naam wijzigen' }).click();
  await page.getByLabel('Nieuwe naam').fill('Variant 2, −13%');
  await page.getByLabel('Nieuwe naam').press('Enter');
  await expect(list(page).first()).toContainText('Variant 2, −13%');
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toContain('Variant 2, −13%\t');
  // Delete.
  await list(page).first().getByRole('button', { name: 'Verwijderen' }).click();
  await expect(list(page)).toHaveCount(0);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(`${HEADER}\n`);
});

test('with storage blocked, the link is offered instead and nothing breaks', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const section = page.getByTestId('scenarios');
  await expect(section).toContainText('Bewaren kan niet in deze browser');
  await expect(section.getByRole('button', { name: 'Bewaar scenario' })).toHaveCount(0);
  await expect(page.getByLabel('Link naar deze berekening')).toHaveValue(/\?gemeente=Groningen&wijziging=-13$/);
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-20');
  await expect(page.getByLabel('Link naar deze berekening')).toHaveValue(/wijziging=-20$/);
});

for (const [what, stored, message] of [
  ['garbage', '{"not": "ours"', 'onbekende of oude vorm'],
  ['an old JSON format', '[{"naam":"oud","url":"?gemeente=Groningen"}]', 'onbekende of oude vorm'],
  ['broken lines', `${HEADER_V1}\ngoed\t01-01-2026\twijziging=-5\nkapot\nook\tkapot`, "2 bewaarde scenario's konden niet worden gelezen"],
  ['a huge value', `${HEADER}\n${'id\tx\t1\t' + 'y'.repeat(70000)}`, 'Eén bewaard scenario kon niet worden gelezen'],
  ['markup in a name', `${HEADER_V1}\n<img src=x onerror=alert(1)>\t1\twijziging=-5`, null],
]) {
  test(`tampered storage: ${what}`, async ({ page }) => {
    await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, stored]);
    await open(page);
    const section = page.getByTestId('scenarios');
    if (message) await expect(section.getByRole('status')).toContainText(message);
    expect(await page.locator('img').count()).toBe(0);
    await expect(page.getByTestId('budget-2014')).toHaveText('€ 180.471.725');
    // Still usable: saving works (and keeps, or sets aside, what could not be read).
    await save(page, 'Nieuw');
    await expect(list(page).last()).toContainText('Nieuw');
  });
}

test('compare up to three saved scenarios side by side, shareable as a link', async ({ page, context }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  await save(page, 'Variant 2');
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-100');
  await save(page, 'Niets');
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('0');
  for (const item of await list(page).all()) await item.getByLabel('Vergelijken').check();
  const view = page.getByTestId('vergelijking');
  await expect(view.getByRole('columnheader')).toHaveText([/Uitkomst/, /Huidige berekening/, /Variant 2/, /Niets/]);
  const fk = view.getByRole('row', { name: /^Frictiekosten totaal/ });
  await expect(fk.getByRole('cell')).toHaveText(['€ 0', /€\s162\.019/, /€\s1\.246\.298/]);
  await expect(fk.locator('.verschil')).toHaveCount(2);
  await expect(page.getByTestId('vergelijk-grafiek').getByRole('img')).toHaveCount(2);
  await expect(page).toHaveURL(/vergelijk=/);
  // The same comparison in a browser without the saved scenarios.
  const other = await context.browser().newContext();
  const fresh = await other.newPage();
  await fresh.goto(page.url());
  await expect(fresh.getByTestId('vergelijking').getByRole('row', { name: /^Frictiekosten totaal/ }).getByRole('cell'))
    .toHaveText(['€ 0', /€\s162\.019/, /€\s1\.246\.298/]);
  await other.close();
  await view.getByRole('button', { name: 'Vergelijking sluiten' }).click();
  await expect(view).toHaveCount(0);
  await expect(page).not.toHaveURL(/vergelijk=/);
});

test('ticking Vergelijken says what happened and offers the way to the comparison', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  await save(page, 'Variant 2');
  const said = page.getByTestId('vergelijk-melding');
  const jump = page.getByRole('button', { name: 'Naar de vergelijking' });
  await expect(jump).toBeHidden();
  await list(page).first().getByLabel('Vergelijken').check();
  await expect(said).toHaveText('‘Variant 2’ staat nu in de vergelijking (1 van 3).');
  await expect(said).toHaveAttribute('role', 'status');
  await jump.click();
  const heading = page.getByRole('heading', { name: 'Vergelijking', exact: true });
  await expect(heading).toBeFocused();
  await expect(heading).toBeInViewport();
  // And unticking says that too.
  await list(page).first().getByLabel('Vergelijken').uncheck();
  await expect(said).toHaveText('‘Variant 2’ is uit de vergelijking gehaald.');
  await expect(jump).toBeHidden();
});
