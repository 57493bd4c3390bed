// "Link delen/kopiëren": a link keeps what was looked at, not only the inputs. The map's
// measure, scale and "Klikken kiest", the tables' sort, filter and grouping and the open
// sections are set, the link is copied with the button and opened in a fresh browser, where
// the page looks the same. Where the clipboard is blocked, the link is selected with the
// keys to copy it; an old link (without these keys) opens as before; a wrong word is said
// in Dutch; a view change is no step of its own in the history; axe on the control.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open, settled } from './fixtures.mjs';

// Nederland at −10 %, a few gemeenten cut harder: the orders differ per column.
const UNEVEN = '?wijziging=-10&gemeenten=Assen:-60%25:;Emmen:-60%25:;Haren:-50%25:';

const share = (page) => page.getByTestId('delen');
const map = (page) => page.getByTestId('kaart');
const gemeenten = (page) => page.getByTestId('gemeenten');
const split = (page) => page.getByTestId('split');

/** Brings the share control into view once every section has come; its locator. */
async function shareControl(page) {
  await settled(page);
  await page.locator('#meenemen').scrollIntoViewIfNeeded();
  await expect(share(page).getByRole('button', { name: 'Link delen/kopiëren' })).toBeVisible();
  return share(page);
}

/** The first rows of the per-gemeente table, by name. */
const firstNames = (page) =>
  gemeenten(page).locator('tbody tr:not(.gemeenten__groep)').evaluateAll((rows) => rows.slice(0, 5).map((r) => r.children[0].textContent.trim()));

/** What a person sees of the view, read from the page as a person or a screen reader would. */
async function view(page) {
  const checked = (fieldset) => map(page).getByRole('group', { name: fieldset }).locator('input:checked').evaluate((i) => i.parentElement.textContent.trim());
  const sorted = (table) => table.locator('th[aria-sort="ascending"], th[aria-sort="descending"]').evaluate((th) => `${th.textContent.replace(/[▲▼↕]/g, '').trim()} ${th.getAttribute('aria-sort')}`);
  const isOpen = (locator) => locator.evaluate((d) => d.open);
  return {
    kleur: await checked('Kleur naar'),
    als: await checked('Als'),
    kiest: await checked('Klikken kiest'),
    bedragen: await page.getByRole('group', { name: 'Bedragen in de tabel' }).locator('input:checked').evaluate((i) => i.parentElement.textContent.trim()),
    gemeentenOpen: await isOpen(page.getByTestId('gemeenten-sectie')),
    sorteer: await sorted(gemeenten(page)),
    filter: await page.getByLabel('Filter op naam').inputValue(),
    // Offered only where the area spans several organisations.
    groep: (await page.getByLabel('Groeperen per MEE-organisatie').count()) > 0 && (await page.getByLabel('Groeperen per MEE-organisatie').isChecked()),
    sorteerMee: await sorted(split(page)),
    berekeningOpen: await isOpen(page.getByTestId('berekening')),
    aannamesOpen: await isOpen(page.locator('details.params')),
    rijen: await firstNames(page),
  };
}

test('a shared link restores the map, the tables and the open sections in a fresh browser', async ({ page, context, browser, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await open(page, UNEVEN);
  await settled(page);
  // The map: fte-verlies in fte, a click chooses the MEE-organisatie.
  await map(page).scrollIntoViewIfNeeded();
  await map(page).getByRole('radio', { name: 'Fte-verlies' }).check();
  await map(page).getByRole('radio', { name: 'bedrag (fte)' }).check();
  await map(page).getByRole('radio', { name: 'haar MEE-organisatie' }).check();
  await expect(map(page).getByRole('listbox')).toHaveAttribute('aria-label', 'Kaart van de gemeenten: Fte-verlies in fte');
  // The organisation table by name, A–Z.
  await split(page).getByRole('button', { name: /^MEE-organisatie/ }).click();
  // The 408 gemeenten (folded at first): opened, IVH, by frictiekosten, filtered, grouped.
  await page.getByTestId('gemeenten-sectie').locator('summary').click();
  await page.getByRole('radio', { name: 'Integrale Vroeghulp' }).check();
  await gemeenten(page).getByRole('button', { name: 'Frictiekosten', exact: true }).click();
  await page.getByLabel('Filter op naam').fill('en');
  await page.getByLabel('Groeperen per MEE-organisatie').check();
  // "Zo is dit berekend" opened, "Aannames" shut.
  await page.getByTestId('berekening').locator('summary').click();
  await page.locator('details.params > summary').click();
  const before = await view(page);
  expect(before).toMatchObject({
    kleur: 'Fte-verlies', als: 'bedrag (fte)', kiest: 'haar MEE-organisatie', bedragen: 'Integrale Vroeghulp',
    gemeentenOpen: true, sorteer: 'Frictiekosten descending', filter: 'en', groep: true,
    sorteerMee: 'MEE-organisatie ascending', berekeningOpen: true, aannamesOpen: false,
  });

  const control = await shareControl(page);
  await control.getByRole('button', { name: 'Link delen/kopiëren' }).click();
  await expect(control.getByRole('status')).toHaveText(/^De link staat op het klembord\./);
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toBe(await control.getByLabel('Link naar deze weergave', { exact: false }).inputValue());
  expect(link).toBe(page.url());
  expect(link).toContain('kaart_maat=fte_verlies&kaart_schaal=bedrag&kaart_kies=mee&bedragen=ivh&sorteer=-frictiekosten&filter=en&groep=mee&sorteer_mee=organisatie&open=berekening,gemeenten&dicht=aannames');
  expect(link.length).toBeLessThanOrEqual(8000);

  // Another browser, nothing shared with this one but the link.
  const fresh = await browser.newContext({ locale: 'nl-NL' });
  const other = await fresh.newPage();
  const problems = [];
  other.on('pageerror', (e) => problems.push(e.message));
  await open(other, link.replace(new URL(baseURL).origin + '/', ''));
  await settled(other);
  await map(other).scrollIntoViewIfNeeded();
  await expect(map(other).getByRole('listbox')).toHaveAttribute('aria-label', 'Kaart van de gemeenten: Fte-verlies in fte');
  await expect(gemeenten(other).locator('tbody tr').first()).toBeVisible();
  expect(await view(other)).toEqual(before);
  await expect(other.getByTestId('meldingen')).toHaveCount(0);
  expect(problems).toEqual([]);
  await fresh.close();
});

test('where the clipboard is blocked, the link is selected with the keys to copy it', async ({ page }) => {
  await open(page, '?gemeente=Assen&wijziging=-10&kaart_maat=ongedekt');
  const control = await shareControl(page);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('geweigerd')) } });
  });
  await control.getByRole('button', { name: 'Link delen/kopiëren' }).click();
  await expect(control.getByRole('status')).toHaveText(/De link is geselecteerd: kopieer met Ctrl\+C/);
  const field = control.getByLabel('Link naar deze weergave', { exact: false });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(/\?gemeente=Assen&wijziging=-10&kaart_maat=ongedekt$/);
  const [start, end, length] = await field.evaluate((t) => [t.selectionStart, t.selectionEnd, t.value.length]);
  expect([start, end]).toEqual([0, length]);
});

test('an old link opens with the page as it always opened, and is shared as it was', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
  await open(page, '?regio=Groningen&wijziging=-13');
  const control = await shareControl(page);
  await expect(page.getByTestId('meldingen')).toHaveCount(0);
  expect(await view(page)).toMatchObject({
    kleur: 'Frictiekosten', als: '% van het budget 2014', kiest: 'de gemeente', bedragen: 'Cliëntondersteuning',
    gemeentenOpen: true, sorteer: 'Gemeente ascending', filter: '', groep: false,
    sorteerMee: 'Frictiekosten % van budget 2014 descending', berekeningOpen: false, aannamesOpen: true,
  });
  await control.getByRole('button', { name: 'Link delen/kopiëren' }).click();
  await expect(control.getByRole('status')).toHaveText(/^De link staat op het klembord\./);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('?regio=Groningen&wijziging=-13', baseURL).href);
});

test('a view word the page does not know is said in Dutch, and the rest of the link is used', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13&kaart_maat=rood&sorteer_mee=-organisatie');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  await expect(page.getByText('‘kaart_maat’ in de link kan omzetdaling, frictiekosten, ongedekt of fte_verlies zijn, niet ‘rood’; genegeerd.')).toBeVisible();
  await settled(page);
  await expect(split(page).getByRole('columnheader', { name: /^MEE-organisatie/ })).toHaveAttribute('aria-sort', 'descending');
});

test('a view change is no step of its own: Back goes to the area before', async ({ page }) => {
  await open(page, '?regio=Groningen');
  await settled(page);
  await page.getByRole('combobox').fill('Assen');
  await page.getByRole('option', { name: 'Assen gemeente', exact: true }).click();
  await expect(page).toHaveURL(/\?gemeente=Assen$/);
  await split(page).getByRole('button', { name: /^Fte-verlies/ }).click();
  await expect(page).toHaveURL(/\?gemeente=Assen&sorteer_mee=-fte_verlies$/);
  await page.goBack();
  await expect(page).toHaveURL(/\?regio=Groningen$/);
  await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('Groningen (jeugdregio)');
  await page.goForward();
  await expect(page).toHaveURL(/\?gemeente=Assen&sorteer_mee=-fte_verlies$/);
  await expect(split(page).getByRole('columnheader', { name: /^Fte-verlies/ })).toHaveAttribute('aria-sort', 'descending');
});

test('"Ongedaan maken" restores the inputs and keeps the view as it is', async ({ page }) => {
  await open(page, '?gemeente=Assen&wijziging=-10');
  await settled(page);
  await page.getByRole('button', { name: 'Groningen variant 2: −13%' }).click();
  await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('MEE Groningen (MEE-organisatie)');
  await split(page).getByRole('button', { name: /^Budget 2014/ }).click();
  await expect(page).toHaveURL(/&sorteer_mee=-budget_2014$/);
  await page.getByTestId('ongedaan-maken').getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('Assen (gemeente)');
  await expect(page).toHaveURL(/\?gemeente=Assen&wijziging=-10&sorteer_mee=-budget_2014$/);
  await expect(split(page).getByRole('columnheader', { name: /^Budget 2014/ })).toHaveAttribute('aria-sort', 'descending');
});

for (const width of [360, 1280]) {
  test(`axe: the share control at ${width} px`, async ({ page, context, baseURL }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
    await page.setViewportSize({ width, height: 900 });
    // A long link: the field wraps it instead of widening the page.
    await open(page, '?gemeente=Súdwest+Fryslân&wijziging=-13.123456789&filter=Nuenen,+Gerwen+en+Nederwetten&open=berekening');
    const control = await shareControl(page);
    await control.getByRole('button', { name: 'Link delen/kopiëren' }).click();
    await expect(control.getByRole('status')).not.toBeEmpty();
    const results = await new AxeBuilder({ page })
      .include('[data-testid="delen"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
    expect(found).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  });
}
