// Saved scenarios (localStorage, only on request) and the comparison view.
import { test, expect, open } from './fixtures.mjs';

// Versions 1 and 2 kept every scenario as lines of one text under KEY; version 3 keeps each
// under a key of its own, PREFIX and its id, and moves the old text there on the first edit.
const KEY = 'mee-frictiekosten/scenarios';
const PREFIX = 'mee-frictiekosten/scenario/';
const HEADER = "mee-frictiekosten scenario's v2";
const HEADER_V1 = "mee-frictiekosten scenario's v1";

/** Every key of localStorage that starts with `prefix`, with its value. */
const stored = (page, prefix = PREFIX) => page.evaluate((p) => Object.fromEntries(
  Object.keys(localStorage).filter((k) => k.startsWith(p)).map((k) => [k, localStorage.getItem(k)])), prefix);

async function save(page, naam) {
  await page.getByLabel('Naam van het scenario').fill(naam);
  await page.getByRole('button', { name: 'Bewaar scenario' }).click();
}

const list = (page) => page.getByRole('list', { name: "Bewaarde scenario's" }).getByRole('listitem');

test('save, reopen after a reload, rename and delete', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
  await save(page, 'Variant 2');
  await expect(list(page)).toHaveCount(1);
  await expect(list(page).first()).toContainText('Variant 2');
  const [[key, value]] = Object.entries(await stored(page));
  expect(key).toMatch(/^mee-frictiekosten\/scenario\/[0-9a-f-]+$/);
  expect(value).toMatch(/^\d+\tVariant 2\t\d{2}-\d{2}-\d{4}\tgemeente=Groningen&wijziging=-13$/);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
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
  expect(await page.evaluate((k) => localStorage.getItem(k), key)).toContain('\tVariant 2, −13%\t');
  // Delete.
  await list(page).first().getByRole('button', { name: 'Verwijderen' }).click();
  await expect(list(page)).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.length)).toBe(0);
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

for (const [what, seeded, message] of [
  ['garbage', '{"not": "ours"', 'onbekende of oude vorm'],
  ['an old JSON format', '[{"naam":"oud","url":"?gemeente=Groningen"}]', 'onbekende of oude vorm'],
  ['broken lines', `${HEADER_V1}\ngoed\t01-01-2026\twijziging=-5\nkapot\nook\tkapot`, "2 bewaarde scenario's konden niet worden gelezen"],
  ['a huge value', `${HEADER}\n${'id\tx\t1\t' + 'y'.repeat(70000)}`, 'Eén bewaard scenario kon niet worden gelezen'],
  ['markup in a name', `${HEADER_V1}\n<img src=x onerror=alert(1)>\t1\twijziging=-5`, null],
]) {
  test(`tampered storage: ${what}`, async ({ page }) => {
    // In the top page only: the Insluiten preview is a frame of the same origin, whose
    // init script would otherwise put the old key back after a save has moved it.
    await page.addInitScript(([k, v]) => { if (window === window.top) localStorage.setItem(k, v); }, [KEY, seeded]);
    await open(page);
    const section = page.getByTestId('scenarios');
    if (message) await expect(section.getByRole('status')).toContainText(message);
    expect(await page.locator('img').count()).toBe(0);
    await expect(page.getByTestId('budget-2014')).toHaveText('€ 180.471.725');
    // Still usable: saving works (and keeps, or sets aside, what could not be read).
    await save(page, 'Nieuw');
    await expect(list(page).last()).toContainText('Nieuw');
    expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
    if (message) expect(Object.values(await stored(page, `${KEY}-onleesbaar-`))).toEqual([seeded]);
  });
}

test('scenarios saved by an older version are listed, then moved to keys of their own in their order', async ({ page }) => {
  const old = `${HEADER}\nb2\tOud 1\t01-01-2026\twijziging=-5\na1\tOud 2\t02-01-2026\tgemeente=Assen\n`;
  await page.addInitScript(([k, v]) => { if (!sessionStorage.getItem('gezet')) { sessionStorage.setItem('gezet', '1'); localStorage.setItem(k, v); } }, [KEY, old]);
  await open(page);
  await expect(list(page).locator('.scenarios__name')).toHaveText(['Oud 1', 'Oud 2']);
  // Reading writes nothing.
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBe(old);
  await save(page, 'Nieuw');
  await expect(list(page).locator('.scenarios__name')).toHaveText(['Oud 1', 'Oud 2', 'Nieuw']);
  expect(await page.evaluate((k) => localStorage.getItem(k), KEY)).toBeNull();
  const keys = await stored(page);
  expect(keys[`${PREFIX}b2`]).toBe('0\tOud 1\t01-01-2026\twijziging=-5');
  expect(keys[`${PREFIX}a1`]).toBe('1\tOud 2\t02-01-2026\tgemeente=Assen');
  expect(Object.keys(keys)).toHaveLength(3);
  expect(await stored(page, `${KEY}-onleesbaar-`)).toEqual({});
  await page.reload();
  await expect(list(page).locator('.scenarios__name')).toHaveText(['Oud 1', 'Oud 2', 'Nieuw']);
});

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

test('two tabs saving twenty each at the same moment keep all forty, in both lists and after a reload', async ({ context }) => {
  // Each save was a read-merge-write of one stored text, and two tabs interleaved
  // (35 to 38 of 40 kept). Two pages of one context share one localStorage.
  test.setTimeout(60_000);
  const tabs = [await context.newPage(), await context.newPage()];
  const problems = [];
  for (const tab of tabs) tab.on('pageerror', (e) => problems.push(e.message));
  await open(tabs[0], '?gemeente=Groningen&wijziging=-13');
  await open(tabs[1], '?gemeente=Assen&wijziging=-5');
  for (const tab of tabs) await expect(tab.getByRole('button', { name: 'Bewaar scenario' })).toBeVisible();
  // Both tabs start together, and save as fast as a person clicking twice a second could
  // not: each save is the page's own click on "Bewaar scenario", a moment apart.
  await Promise.all(tabs.map((tab, t) => tab.evaluate(async (t) => {
    const field = document.getElementById('scenario-naam');
    const button = [...document.querySelectorAll('button')].find((b) => b.textContent.trim() === 'Bewaar scenario');
    for (let i = 1; i <= 20; i += 1) {
      field.value = `Tab ${t} nr ${i}`;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      button.click();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }, t + 1)));
  const wanted = [1, 2].flatMap((t) => Array.from({ length: 20 }, (_, i) => `Tab ${t} nr ${i + 1}`)).sort();
  const names = async (tab) => (await list(tab).locator('.scenarios__name').allTextContents()).sort();
  for (const tab of tabs) {
    await expect(list(tab)).toHaveCount(40);
    expect(await names(tab)).toEqual(wanted);
  }
  await tabs[0].reload();
  await expect(list(tabs[0])).toHaveCount(40);
  expect(await names(tabs[0])).toEqual(wanted);
  // Each tab's own saves keep their order.
  const own = (await list(tabs[0]).locator('.scenarios__name').allTextContents()).filter((n) => n.startsWith('Tab 1 '));
  expect(own).toEqual(Array.from({ length: 20 }, (_, i) => `Tab 1 nr ${i + 1}`));
  expect(problems).toEqual([]);
});
