// One state, visible and compact: edits outside the area are said, links stay
// short or say what they left out, history and undo work, the comparison covers the
// afbouwpad, saved scenarios survive several tabs, and hostile links stay harmless.
// Each numbered block is a case the issue reproduced on the main of that day.
import { readFileSync } from 'node:fs';
import { test, expect, open, figures, dataRows, on } from './fixtures.mjs';

// Where versions 1 and 2 kept saved scenarios (still read, and moved on the first edit).
const KEY = 'mee-frictiekosten/scenarios';
const HEADER = "mee-frictiekosten scenario's v2";

const heading = (page) => page.getByTestId('selectie').getByRole('heading');
const undo = (page) => page.getByTestId('ongedaan-maken');
const list = (page) => page.getByRole('list', { name: "Bewaarde scenario's" }).getByRole('listitem');

/** Chooses an area through the search field, as a person does. */
async function choose(page, naam, kind) {
  await page.getByRole('combobox').fill(naam);
  await page.getByRole('option', { name: `${naam} ${kind}`, exact: true }).click();
  await expect(heading(page)).toHaveText(`${naam} (${kind})`);
}

/** Types an amount in a gemeente's table cell and leaves it. */
async function setGemeente(page, naam, text) {
  const cell = page.getByLabel(`Inkoop cliëntondersteuning 2015 ${naam}`, { exact: true });
  await cell.fill(text);
  await cell.press('Tab');
}

async function save(page, naam) {
  await page.getByLabel('Naam van het scenario').fill(naam);
  await page.getByRole('button', { name: 'Bewaar scenario' }).click();
}

test.describe('1. edits outside the area never act unseen', () => {
  test('Emmen is listed next to Assen’s figures, in print and in the CSV, and can be wiped and restored', async ({ page }) => {
    await open(page, '?mee=MEE+Drenthe');
    await setGemeente(page, 'Emmen', '1.500.000');
    await choose(page, 'Assen', 'gemeente');
    await on(page).inkoopCo.fill('300.000');
    await on(page).inkoopCo.press('Tab');
    // Emmen buys more from the same organisation, which offsets part of Assen's cut.
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 159.264');
    const listed = page.getByTestId('ook-gewijzigd');
    await expect(listed).toContainText('Ook gewijzigd, buiten Assen:');
    await expect(listed.getByRole('listitem')).toHaveText([/^Emmen: cliëntondersteuning €\s1\.500\.000 \(\+[\d,]+%\) \(telt mee\)$/]);

    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('verslag')).toContainText(/Ook gewijzigd buiten dit gebied.*Emmen: cliëntondersteuning €\s1\.500\.000/);
    await page.emulateMedia({ media: 'screen' });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV (Assen)' }).click(),
    ]);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv).toMatch(/\r\nOok gewijzigd buiten het gebied;Emmen: cliëntondersteuning €\s1\.500\.000 /);

    await listed.getByRole('button', { name: 'Wijzigingen buiten Assen wissen' }).click();
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 323.747');
    await expect(listed).toBeHidden();
    await expect(undo(page)).toContainText('De wijziging van 1 gemeente buiten Assen is gewist.');
    await undo(page).getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 159.264');
    await expect(listed).toContainText('Emmen');
  });
});

test.describe('2. links stay short enough to open', () => {
  test('the national picture seen from Groningen, and three such scenarios compared', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Landelijk beeld monitor 1 dec 2014' }).click();
    await choose(page, 'Groningen', 'gemeente');
    await expect(page).toHaveURL(/\?gemeente=Groningen&landelijk_wijziging=-17\.\d+&landelijk_ivh_wijziging=-17\.\d+$/);
    const shown = await figures(page);
    await page.reload();
    expect(await figures(page)).toEqual(shown);
    await save(page, 'Monitor, Groningen');

    await open(page, '?wijziging=-10');
    await choose(page, 'Groningen', 'gemeente');
    await expect(page).toHaveURL(/\?gemeente=Groningen&landelijk_wijziging=-10$/);
    await save(page, 'Min tien, Groningen');
    await choose(page, 'MEE Groningen', 'MEE-organisatie');
    await save(page, 'Min tien, MEE Groningen');
    for (const item of await list(page).all()) await item.getByLabel('Vergelijken').check();
    await expect(page.getByTestId('vergelijking').getByRole('columnheader')).toHaveCount(5);
    expect(page.url().length).toBeLessThan(1000);
    const compared = await page.getByTestId('vergelijk-uitkomsten').textContent();
    await page.reload();
    await expect(page.getByTestId('vergelijk-uitkomsten')).toHaveText(compared);
  });

  test('a state too large for a link says so, offers saving and the CSV, and survives a reload', async ({ page }) => {
    // Every gemeente with an amount of its own: more than 8.000 characters as a link.
    const entries = dataRows().map((r, i) => `${r.gemeente}:${r.co - 1n - BigInt(i)}.5:`);
    await open(page, `?${new URLSearchParams({ gemeenten: entries.join(';') })}`);
    const notice = page.getByTestId('link-onvolledig');
    await expect(notice).toContainText('de eigen bedragen van 408 gemeenten passen er niet in');
    await expect(notice.getByRole('button', { name: 'Download CSV' })).toBeVisible();
    await expect(notice.getByRole('button', { name: 'Bewaar in deze browser' })).toBeVisible();
    await expect(page).toHaveURL(/\?onvolledig=408$/);
    expect(page.url().length).toBeLessThanOrEqual(8000);
    const shown = await figures(page);
    expect(shown.frictiekosten).not.toBe('€ 0');
    await page.reload();
    expect(await figures(page)).toEqual(shown);
    await notice.getByRole('button', { name: 'Bewaar in deze browser' }).click();
    await expect(page.getByLabel('Naam van het scenario')).toBeFocused();
  });
});

test.describe('3. nothing lost without a way back', () => {
  test('an area-wide change over a gemeente’s own amount says so and can be undone', async ({ page }) => {
    await open(page, '?mee=MEE+Drenthe');
    await setGemeente(page, 'Emmen', '1.500.000');
    await on(page).wijzigingCo.fill('-10');
    await expect(undo(page)).toContainText(
      'Het eigen bedrag van 1 gemeente in MEE Drenthe is vervangen door de wijziging voor het hele gebied.');
    await undo(page).getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect(page.getByLabel('Inkoop cliëntondersteuning 2015 Emmen', { exact: true })).toHaveValue('1.500.000');
    await expect(page).toHaveURL(/gemeenten=Emmen:1500000:$/);
  });

  test('a preset that changes the area says so, with an undo', async ({ page }) => {
    await open(page, '?gemeente=Assen&wijziging=-10');
    await page.getByRole('button', { name: 'Groningen variant 2: −13%' }).click();
    await expect(heading(page)).toHaveText('MEE Groningen (MEE-organisatie)');
    await expect(undo(page)).toContainText('Het gebied is nu MEE Groningen in plaats van Assen.');
    await expect(undo(page)).toContainText('Een eerdere wijziging van 1 gemeente is vervangen.');
    await undo(page).getByRole('button', { name: 'Ongedaan maken' }).click();
    await expect(heading(page)).toHaveText('Assen (gemeente)');
    await expect(page).toHaveURL(/\?gemeente=Assen&wijziging=-10$/);
  });

  test('Back and Forward step through areas and edits, one step each', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    await choose(page, 'Assen', 'gemeente');
    await on(page).wijzigingCo.click();
    await page.keyboard.type('-13');
    await on(page).wijzigingCo.press('Tab');
    await expect(page).toHaveURL(/\?gemeente=Assen&wijziging=-13$/);
    const cut = await page.getByTestId('frictiekosten').textContent();

    await page.goBack();
    await expect(page).toHaveURL(/\?gemeente=Assen$/);
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 0');
    await expect(on(page).wijzigingCo).toHaveValue('0');
    await page.goBack();
    await expect(heading(page)).toHaveText('Groningen (gemeente)');
    await page.goForward();
    await page.goForward();
    await expect(heading(page)).toHaveText('Assen (gemeente)');
    await expect(page.getByTestId('frictiekosten')).toHaveText(cut);
  });
});

test('4. the comparison covers the afbouwpad and says in which inputs the columns differ', async ({ page }) => {
  const path = '?mee=MEE+Groningen&wijziging=-5&verloop=3&pad_2016=-10&pad_2018=-20';
  await open(page, `${path}&pad_2017=-15`);
  await save(page, 'Gespreid');
  await open(page, `${path}&pad_2017=-30`);
  await save(page, 'Dieper in 2017');
  for (const item of await list(page).all()) await item.getByLabel('Vergelijken').check();
  const table = page.getByTestId('vergelijk-uitkomsten');
  await expect(table.getByRole('columnheader')).toHaveText([/Uitkomst/, /Huidige berekening/, /Gespreid/, /Dieper in 2017/]);
  const fk2015 = table.getByRole('row', { name: /^Frictiekosten totaal/ }).getByRole('cell');
  const fkPath = table.getByRole('row', { name: /^Frictiekosten 2015–2018/ }).getByRole('cell');
  const [a, b, c] = await fk2015.allTextContents();
  expect(b.trim()).toBe(a.trim());
  expect(c.trim()).toBe(a.trim());
  const [, gespreid, dieper] = await fkPath.allTextContents();
  expect(gespreid).not.toBe(dieper);
  const inputs = page.getByTestId('vergelijk-invoer');
  await expect(inputs.getByRole('row')).toHaveCount(1);
  await expect(inputs.getByRole('row', { name: /Afbouwpad 2017/ }).getByRole('cell')).toHaveText(['−30%', '−15%', '−30%']);
});

test.describe('5. saved scenarios are kept across tabs and never dropped unseen', () => {
  test('saving in turn from two tabs keeps all three, and both tabs list them', async ({ context }) => {
    const [one, two] = [await context.newPage(), await context.newPage()];
    await open(one, '?gemeente=Groningen&wijziging=-13');
    await open(two, '?gemeente=Assen&wijziging=-5');
    await save(one, 'Tab 1 eerst');
    await save(two, 'Tab 2');
    await save(one, 'Tab 1 weer');
    for (const tab of [one, two]) {
      await expect(list(tab)).toHaveCount(3);
      await expect(list(tab).locator('.scenarios__name')).toHaveText(['Tab 1 eerst', 'Tab 2', 'Tab 1 weer']);
    }
    // One key per scenario (text::saved).
    const keys = await one.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('mee-frictiekosten/scenario/')));
    expect(keys).toHaveLength(3);
  });

  test('when the browser refuses to store, the list shows what storage holds', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await save(page, 'Eerste');
    await page.evaluate(() => {
      Storage.prototype.setItem = () => { throw new DOMException('vol', 'QuotaExceededError'); };
    });
    await save(page, 'Tweede');
    await expect(page.getByTestId('scenarios').getByRole('status')).toContainText('De browser weigert meer op te slaan');
    await expect(list(page)).toHaveCount(1);
    await expect(list(page).first()).toContainText('Eerste');
  });

  test('a full list refuses another scenario instead of dropping the oldest', async ({ page }) => {
    const lines = Array.from({ length: 100 }, (_, i) => `id${i}\tS${i}\t01-01-2026\twijziging=-${i % 100}`);
    await page.addInitScript(([k, v]) => { if (!localStorage.getItem(k)) localStorage.setItem(k, v); },
      [KEY, `${HEADER}\n${lines.join('\n')}\n`]);
    await open(page);
    await expect(list(page)).toHaveCount(100);
    await save(page, 'Nummer 101');
    await expect(page.getByTestId('scenarios').getByRole('status'))
      .toContainText("Er zijn al 100 scenario's bewaard. Verwijder er eerst een.");
    await expect(list(page)).toHaveCount(100);
    await expect(list(page).first()).toContainText('S0');
  });
});

test.describe('6. hostile or odd links and pages', () => {
  test('broken or surplus compared scenarios get notices, not a column of zeros', async ({ page }) => {
    await open(page, '?vergelijk=abc');
    await expect(page.getByTestId('meldingen')).toContainText('‘vergelijk’: ‘abc’ bevat geen scenario; weggelaten.');
    await expect(page.getByTestId('vergelijking')).toHaveCount(0);
    await open(page, `?vergelijk=${encodeURIComponent('A=&B=wijziging%3D-5&C=&D=&E=')}`);
    await expect(page.getByTestId('meldingen')).toContainText("meer dan 3 scenario's; de laatste 2 zijn weggelaten");
    await expect(page.getByTestId('vergelijking').getByRole('columnheader')).toHaveCount(5);
  });

  test('an empty area before a real one: the real one, and a notice about the empty one', async ({ page }) => {
    await open(page, '?gemeente=&gemeente=Groningen');
    await expect(heading(page)).toHaveText('Groningen (gemeente)');
    await expect(page.getByTestId('meldingen')).toContainText('‘gemeente’ in de link heeft geen waarde; genegeerd.');
  });

  test('bidirectional control characters cannot turn words around', async ({ page }) => {
    await page.addInitScript(([k, v]) => localStorage.setItem(k, v), [KEY, `${HEADER}\nid1\t\u202Eevil\u2066 naam\t01-01-2026\twijziging=-5\n`]);
    await open(page, '?gemeente=%E2%80%AEsnegninorG%E2%81%A6');
    const notice = await page.getByTestId('meldingen').textContent();
    expect(notice).toContain('Gemeente ‘snegninorG’ staat niet in de tabel');
    expect(notice).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    const name = page.locator('.scenarios__name bdi');
    await expect(name).toHaveText('evil naam');
  });

  test('a megabyte of gemeenten opens at once, reading what a link can hold', async ({ page }) => {
    await page.addInitScript(() => {
      if (!sessionStorage.getItem('done')) {
        sessionStorage.setItem('done', '1');
        history.replaceState(null, '', `?gemeenten=${'Groningen:1:;'.repeat(80000)}`);
      }
    });
    await open(page);
    await expect(page.getByTestId('meldingen')).toContainText('noemt Groningen meer dan eens');
    await expect(page).toHaveURL(/\?gemeenten=Groningen:1:$/);
  });

  test('a page translator wrapping text in <font> does not keep the old area’s name', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await expect(page.getByTestId('grafiek-inkoop')).toBeVisible();
    // What Google Translate does: each text node is replaced by <font> elements.
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const nodes = [];
      while (walker.nextNode()) nodes.push(walker.currentNode);
      for (const node of nodes) {
        const parent = node.parentElement;
        if (!node.textContent.trim() || parent.closest('[translate="no"], script, style, svg')) continue;
        const font = document.createElement('font');
        font.textContent = node.textContent;
        parent.replaceChild(font, node);
      }
    });
    await choose(page, 'Assen', 'gemeente');
    await expect(page.getByRole('heading', { name: /^Gevolgen voor/ })).toHaveText('Gevolgen voor Assen');
    await expect(page.getByRole('button', { name: /^Download CSV \(/ }).first()).toHaveText('Download CSV (Assen)');
    await expect(page.getByTestId('selectie').locator('.summary__meta')).toContainText('MEE Drenthe');
  });

  test('with storage blocked, the link box follows an afbouwpad edit', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
    });
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await page.getByTestId('afbouwpad').locator('summary').click();
    await page.getByLabel('Cliëntondersteuning 2016, wijziging t.o.v. 2014').fill('-20');
    // The section was opened by hand, before a path opened it by itself: the link keeps that.
    await expect(page.getByLabel('Link naar deze berekening')).toHaveValue(/pad_2016=-20&open=afbouwpad$/);
  });
});
