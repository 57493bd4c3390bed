// The calculator as a person uses it: choose, type, see; in Debian's chromium against the
// release build. Expected figures come from docs/model.md (worked examples, calibration) or
// are computed here from the data file, never read back from the page.
import { test, expect, open, figures, dataRows, euro, divRound, on } from './fixtures.mjs';

test.describe('choosing an area', () => {
  test('search and select by keyboard, ignoring diacritics', async ({ page }) => {
    await open(page);
    const search = page.getByRole('combobox', { name: 'Zoek een gemeente, jeugdregio of MEE-organisatie' });
    await search.focus();
    await page.keyboard.type('sudwest');
    await expect(search).toHaveAttribute('aria-expanded', 'true');
    await expect(page.getByRole('option').first()).toContainText('Súdwest Fryslân');
    await page.keyboard.press('ArrowDown');
    await expect(search).toHaveAttribute('aria-activedescendant', 'zoek-optie-0');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('Súdwest Fryslân (gemeente)');
    // The field keeps the chosen name, so a screen reader hears what was chosen.
    await expect(search).toHaveValue('Súdwest Fryslân');
    await expect(page).toHaveURL(/gemeente=S%C3%BAdwest\+Frysl%C3%A2n/);
  });

  test('suggestions are labelled by kind and arrow keys reach each', async ({ page }) => {
    await open(page);
    const search = page.getByRole('combobox');
    await search.fill('groningen');
    const options = page.getByRole('option');
    await expect(options.nth(0)).toHaveText('Groningen gemeente');
    // Groningen as it is today (with Haren and Ten Boer), then the jeugdregio.
    await expect(options.nth(1)).toHaveText('Groningen gemeente in 2025');
    await expect(options.nth(2)).toHaveText('Groningen jeugdregio');
    await expect(page.getByRole('option', { name: 'MEE Groningen MEE-organisatie' })).toBeVisible();
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    await search.press('ArrowDown');
    await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
    await search.press('Enter');
    await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('Groningen (jeugdregio)');
  });

  test('Escape closes the list, then clears the field', async ({ page }) => {
    await open(page);
    const search = page.getByRole('combobox');
    await search.fill('zw');
    await expect(search).toHaveAttribute('aria-expanded', 'true');
    await search.press('Escape');
    await expect(search).toHaveAttribute('aria-expanded', 'false');
    await expect(search).toHaveValue('zw');
    await search.press('Escape');
    await expect(search).toHaveValue('');
  });

  test('heel Nederland shows the national 2014 budget', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    await page.getByRole('button', { name: 'Heel Nederland' }).click();
    await expect(page.getByTestId('budget-2014')).toHaveText('€ 180.471.725');
    await expect(page.getByTestId('formatie-2014')).toHaveText('2.800,0');
    await expect(page).not.toHaveURL(/gemeente=/);
  });
});

test.describe('the worked examples of docs/model.md', () => {
  test('gemeente Groningen −13 %: every figure, updated while typing', async ({ page }) => {
    await open(page, '?gemeente=groningen');
    await on(page).wijzigingCo.click();
    await page.keyboard.type('-13');
    expect(await figures(page)).toEqual({
      'budget-2014': '€ 1.939.746',
      'inkoop-2015': '€ 1.690.486',
      'formatie-2014': '30,1',
      omzetdaling: '€ 249.260',
      'fte-verlies': '3,9',
      'fte-boventallig': '3,9',
      'frictiekosten-personeel': '€ 124.630',
      'frictiekosten-huisvesting': '€ 37.389',
      frictiekosten: '€ 162.019',
      'dekking-reserves': '€ 40.505',
      'frictiekosten-ongedekt': '€ 121.514',
    });
    // The euro field follows the percentage.
    await expect(on(page).inkoopCo).toHaveValue('1.668.122');
  });

  test('all of MEE Groningen −13 %', async ({ page }) => {
    await open(page, '?mee=MEE%20Groningen');
    await on(page).wijzigingCo.fill('-13');
    await expect(page.getByTestId('omzetdaling')).toHaveText('€ 724.668');
    await expect(page.getByTestId('formatie-2014')).toHaveText('87,5');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 471.034');
  });

  test('an amount in euros sets the percentage', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    await on(page).inkoopCo.fill('€ 1.668.122');
    await expect(on(page).wijzigingCo).toHaveValue('-13');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  });

  test('Integrale Vroeghulp is set separately', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    await page.getByLabel('Wijziging Integrale Vroeghulp', { exact: true }).fill('-100');
    await expect(page.getByTestId('inkoop-2015')).toHaveText('€ 1.917.382');
    await expect(page.getByTestId('omzetdaling')).toHaveText('€ 22.364');
    await expect(on(page).wijzigingCo).toHaveValue('0');
  });

  test('the slider moves the percentage by keyboard', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    const slider = page.getByRole('slider', { name: 'Schuifregelaar cliëntondersteuning in procenten' });
    await slider.focus();
    await page.keyboard.press('ArrowLeft');
    await expect(on(page).wijzigingCo).toHaveValue('-14');
    await expect(slider).toHaveAttribute('aria-valuetext', '−14%');
  });
});

test.describe('presets', () => {
  test('landelijk beeld monitor 1 dec 2014 reproduces € 20,8 mln', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    await page.getByRole('button', { name: 'Landelijk beeld monitor 1 dec 2014' }).click();
    await expect(page.getByRole('heading', { name: 'Gevolgen voor Nederland' })).toBeVisible();
    await expect(page.getByTestId('omzetdaling')).toHaveText('€ 32.000.000');
    await expect(page.getByTestId('fte-verlies')).toHaveText('496,5');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 20.800.000');
    await expect(page.getByTestId('dekking-reserves')).toHaveText('€ 5.200.000');
    await expect(on(page).wijzigingCo).toHaveValue('-17,73');
  });

  test('Groningen variant 2, niets bij MEE inkopen, status quo', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Groningen variant 2: −13%' }).click();
    await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('MEE Groningen (MEE-organisatie)');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 471.034');
    await page.getByRole('button', { name: 'Niets bij MEE inkopen' }).click();
    await expect(page.getByTestId('inkoop-2015')).toHaveText('€ 0');
    await expect(on(page).wijzigingCo).toHaveValue('-100');
    await page.getByRole('button', { name: 'Status quo' }).click();
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 0');
    await expect(page).toHaveURL(/\?mee=MEE\+Groningen$/);
  });
});

test('a jeugdregio spanning two organisations shows both', async ({ page }) => {
  await open(page, '?regio=west-brabant-oost&wijziging=-10');
  await expect(page.getByTestId('selectie')).toContainText('MEE-organisaties: MEE Plus, MEE West-Brabant');
  const split = page.getByTestId('split');
  await expect(split.locator('tbody tr')).toHaveCount(2);
  await expect(split.locator('tbody th')).toHaveText(['MEE Plus', 'MEE West-Brabant']);
  // Only this regio changed: 65 % of 10 % of its co budget in frictiekosten.
  const co = dataRows().filter((r) => r.jeugdregio === 'West-Brabant-Oost').reduce((s, r) => s + r.co, 0n);
  await expect(page.getByTestId('frictiekosten')).toHaveText(euro(divRound(co * 65n, 1000n)));
});

test('URL round trip: load, change, reload, same figures', async ({ page }) => {
  await open(page);
  await page.getByRole('combobox').fill('Groningen');
  await page.getByRole('combobox').press('Enter');
  await on(page).wijzigingCo.fill('-13');
  await page.getByLabel('Aandeel huisvesting en kapitaallasten').fill('20');
  await page.getByLabel('Natuurlijk verloop').fill('1,5');
  await expect(page).toHaveURL(/\?gemeente=Groningen&wijziging=-13&huisvesting=20&verloop=1\.5$/);
  const before = await figures(page);
  expect(before.frictiekosten).not.toBe('€ 162.019');
  await page.reload();
  await expect(page.getByTestId('frictiekosten')).toHaveText(before.frictiekosten);
  expect(await figures(page)).toEqual(before);
  await expect(on(page).wijzigingCo).toHaveValue('-13');
  await expect(page.getByLabel('Natuurlijk verloop')).toHaveValue('1,5');
  // A copied link in a fresh page gives the same.
  const link = page.url();
  const other = await page.context().newPage();
  await other.goto(link);
  await expect(other.getByTestId('frictiekosten')).toHaveText(before.frictiekosten);
});

test.describe('bad input', () => {
  const refused = [
    ['letters', 'abc', 'Dit is geen getal'],
    ['two commas', '12,3,4', 'hoogstens één komma'],
    ['double minus', '--5', 'één plus- of minteken'],
    ['exponent', '1e999', 'Dit is geen getal'],
    ['30 digits', '123456789012345678901234567890', 'te groot'],
    ['empty', '', 'Vul een getal in'],
    ['a lone minus', '-', 'Vul na het minteken een getal in'],
    ['markup', '<img src=x onerror=alert(1)>', 'Dit is geen getal'],
    ['below −100 %', '-150', 'meer dan 100%'],
  ];
  for (const [what, text, message] of refused) {
    test(`percentage: ${what}`, async ({ page }) => {
      await open(page, '?gemeente=Groningen&wijziging=-13');
      const field = on(page).wijzigingCo;
      await field.fill(text);
      await expect(field).toHaveAttribute('aria-invalid', 'true');
      const errorId = (await field.getAttribute('aria-describedby')).split(' ')[0];
      await expect(page.locator(`[id="${errorId}"]`)).toContainText(message);
      await expect(page.locator(`[id="${errorId}"]`)).toBeVisible();
      // Every figure keeps its last valid value, and so does the link.
      await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
      await expect(on(page).inkoopCo).toHaveValue('1.668.122');
      await expect(page).toHaveURL(/wijziging=-13$/);
      // Leaving the field keeps the text to correct; Escape returns to the valid value.
      await field.blur();
      await expect(field).toHaveValue(text);
      await field.press('Escape');
      await expect(field).toHaveValue('-13');
      await expect(field).toHaveAttribute('aria-invalid', 'false');
    });
  }

  test('an amount above € 10 mld is refused', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await on(page).inkoopCo.fill('20.000.000.000');
    await expect(on(page).inkoopCo).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('groter dan € 10 miljard')).toBeVisible();
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  });

  test('a valid value after a bad one clears the message', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    await on(page).wijzigingCo.fill('abc');
    await expect(on(page).wijzigingCo).toHaveAttribute('aria-invalid', 'true');
    await on(page).wijzigingCo.fill('-13');
    await expect(on(page).wijzigingCo).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByText('Dit is geen getal')).toBeHidden();
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  });

  test('a parameter out of range is refused', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    const reserves = page.getByLabel('Dekking uit reserves van MEE');
    await reserves.fill('150');
    await expect(reserves).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('Kies een waarde van 0% tot en met 100%.')).toBeVisible();
    await expect(page.getByTestId('dekking-reserves')).toHaveText('€ 40.505');
  });

  test('a tampered link is ignored with a visible notice', async ({ page }) => {
    await open(page, '?gemeente=Atlantis&wijziging=abc&foo=%3Cscript%3E&reserves=-5');
    const notice = page.getByTestId('meldingen');
    await expect(notice).toContainText('‘Atlantis’ staat niet in de tabel');
    await expect(notice).toContainText('‘foo’');
    await expect(notice).toContainText('‘reserves’ in de link is genegeerd');
    await expect(page.getByTestId('budget-2014')).toHaveText('€ 180.471.725');
    await expect(page).toHaveURL(/\/$/);
    await notice.getByRole('button', { name: 'Melding sluiten' }).click();
    await expect(notice).toBeHidden();
  });
});

test.describe('per gemeente', () => {
  test('editing one gemeente in the table', async ({ page }) => {
    await open(page, '?mee=MEE%20Groningen&wijziging=-13');
    const rows = dataRows().filter((r) => r.organisatie === 'MEE Groningen');
    const haren = rows.find((r) => r.gemeente === 'Haren');
    // Haren buys its full 2014 amount; the others stay at −13 %.
    const cell = page.getByLabel('Inkoop cliëntondersteuning 2015 Haren', { exact: true });
    await cell.fill(haren.co.toString());
    const others = rows.reduce((s, r) => s + r.co, 0n) - haren.co;
    // omzetdaling = 13 % of the others; frictiekosten = 65 % of that (in 1/10 000 euros).
    await expect(page.getByTestId('omzetdaling')).toHaveText(euro(divRound(others * 13n, 100n)));
    await expect(page.getByTestId('frictiekosten')).toHaveText(euro(divRound(others * 13n * 65n, 10000n)));
    const harenRow = page.getByRole('row', { name: /^Haren/ });
    await expect(harenRow.getByRole('cell').nth(2)).toHaveText('0%');
    await expect(harenRow.getByRole('cell').nth(3)).toHaveText('€ 0');
    await expect(page).toHaveURL(/&gemeenten=Haren:0%25:$/);
    await page.reload();
    await expect(page.getByTestId('frictiekosten')).toHaveText(euro(divRound(others * 13n * 65n, 10000n)));
  });

  test('leaving a table field shows the amount typed at once, not the one before', async ({ page }) => {
    // The table follows the figures once typing pauses; leaving a field must bring it up to
    // date then and there, or the old amount would flash back for a moment.
    await open(page, '?regio=Drenthe');
    const cell = page.getByLabel('Inkoop cliëntondersteuning 2015 Assen', { exact: true });
    await cell.focus();
    const shown = await cell.evaluate(async (input) => {
      input.value = '1000000';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.blur();
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return input.value;
    });
    expect(shown).toBe('1.000.000');
  });

  test('the table sorts by a column and says so', async ({ page }) => {
    await open(page, '?regio=Drenthe&wijziging=-10');
    const header = page.getByTestId('gemeenten').getByRole('columnheader', { name: 'Frictiekosten', exact: true });
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'descending');
    const largest = dataRows().filter((r) => r.jeugdregio === 'Drenthe').sort((a, b) => (b.co > a.co ? 1 : -1))[0];
    await expect(page.getByTestId('gemeenten').locator('tbody tr').first().locator('th')).toHaveText(largest.gemeente);
    await header.getByRole('button').click();
    await expect(header).toHaveAttribute('aria-sort', 'ascending');
  });

  test('the table can show Integrale Vroeghulp', async ({ page }) => {
    await open(page, '?regio=Drenthe');
    await page.getByLabel('Integrale Vroeghulp', { exact: true }).check();
    const assen = dataRows().find((r) => r.gemeente === 'Assen');
    await expect(page.getByLabel('Inkoop Integrale Vroeghulp 2015 Assen', { exact: true })).toHaveValue(
      euro(assen.ivh).replace('€ ', ''),
    );
  });
});

test.describe('parameters', () => {
  test('changing one recomputes at once, and reset restores it', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await page.getByLabel('Mens volgt werk').fill('100');
    await expect(page.getByTestId('frictiekosten-personeel')).toHaveText('€ 0');
    await expect(page.getByTestId('fte-boventallig')).toHaveText('0,0');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 37.389');
    const param = page.getByTestId('param-mens_volgt_werk');
    await expect(param).toContainText('Standaard: 0%');
    await expect(param).toContainText('Bron:');
    await param.getByRole('button', { name: /Terug naar standaard/ }).click();
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
    await expect(page.getByLabel('Mens volgt werk')).toHaveValue('0');
  });

  test('every parameter is shown with its default and source', async ({ page }) => {
    await open(page);
    for (const name of ['fte_kosten', 'maanden_personeel', 'huisvesting', 'maanden_huisvesting', 'mens_volgt_werk', 'verloop', 'reserves']) {
      const param = page.getByTestId(`param-${name}`);
      await expect(param).toContainText('Standaard:');
      await expect(param).toContainText('Bron:');
      await expect(param.getByRole('button', { name: /Terug naar standaard/ })).toBeDisabled();
    }
  });
});

test('screen readers hear a summary once typing pauses', async ({ page }) => {
  await open(page, '?gemeente=Groningen');
  const live = page.getByTestId('aankondiging');
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText('');
  // Typed key by key, as a person does (pressSequentially would move the caret itself).
  await on(page).wijzigingCo.click();
  await page.keyboard.type('-13', { delay: 50 });
  await expect(live).toHaveText('Groningen: frictiekosten € 162.019, waarvan ongedekt € 121.514; fte-verlies 3,9.');
});

test('the method section links to the downloadable data', async ({ page }) => {
  await open(page);
  const link = page.getByRole('link', { name: /Download de gegevens/ });
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toBe('mee-budgetten-2014.csv');
  await expect(page.getByRole('heading', { name: 'Hoe rekenen we?' })).toBeVisible();
});

test('entering a number field selects it, so typing replaces the value', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-5');
  await on(page).wijzigingCo.click();
  await page.keyboard.type('-13');
  await expect(on(page).wijzigingCo).toHaveValue('-13');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.type('-20');
  await expect(on(page).wijzigingCo).toHaveValue('-20');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 249.260');
});

test.describe('found in review', () => {
  test('a half-typed value is never applied: invalid text shows the state from before the edit', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await on(page).inkoopCo.click();
    await page.keyboard.type('1,5 milj');
    await expect(on(page).inkoopCo).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
    await expect(page).toHaveURL(/wijziging=-13$/);
    await page.keyboard.press('Escape');
    await expect(on(page).inkoopCo).toHaveValue('1.668.122');
  });

  test('Escape cancels a valid edit too, back to the value before it', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await on(page).wijzigingCo.click();
    await page.keyboard.type('-50');
    await expect(page.getByTestId('frictiekosten')).not.toHaveText('€ 162.019');
    await page.keyboard.press('Escape');
    await expect(on(page).wijzigingCo).toHaveValue('-13');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  });

  test('an amount over +1000 % is refused like a percentage', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    await on(page).inkoopCo.fill('25.000.000');
    await expect(on(page).inkoopCo).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('meer dan 11 keer het budget 2014')).toBeVisible();
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  });

  for (const query of ['', '?regio=Drenthe', '?mee=MEE%20Plus&wijziging=-5', '?gemeente=Groningen']) {
    test(`no sideways scrolling at 360 px: ${query || 'Nederland'}`, async ({ page }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await open(page, query);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(360);
    });
  }

  test('other names and spellings are found', async ({ page }) => {
    await open(page);
    const search = page.getByRole('combobox');
    await search.fill('hertogenbosch');
    // Today's 's-Hertogenbosch (with Maasdonk) by its own name, then Den Bosch of 2013.
    await expect(page.getByRole('option').first()).toHaveText("'s-Hertogenbosch gemeente sinds 2015");
    await expect(page.getByRole('option').nth(1)).toHaveText("Den Bosch ('s-Hertogenbosch) gemeente");
    await search.fill('Súdwest-Fryslân');
    await expect(page.getByRole('option').first()).toContainText('Súdwest Fryslân');
    await open(page, "?gemeente='s-Gravenhage");
    await expect(page.getByTestId('selectie').getByRole('heading')).toHaveText('Den Haag (gemeente)');
  });

  test('the highlighted suggestion stays visible in the list', async ({ page }) => {
    await open(page);
    const search = page.getByRole('combobox');
    await search.fill('a');
    for (let i = 0; i < 10; i++) await search.press('ArrowDown');
    await expect(page.getByRole('option').nth(9)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('option').nth(9)).toBeInViewport();
    const visible = await page.evaluate(() => {
      const list = document.getElementById('zoek-suggesties');
      const option = document.getElementById('zoek-optie-9');
      return option.offsetTop >= list.scrollTop && option.offsetTop + option.offsetHeight <= list.scrollTop + list.clientHeight;
    });
    expect(visible).toBe(true);
  });

  test('focus stays put after a reset or closing the notice', async ({ page }) => {
    await open(page, '?verloop=5&foo=1');
    await page.getByTestId('param-verloop').getByRole('button', { name: /Terug naar standaard/ }).click();
    await expect(page.getByLabel('Natuurlijk verloop')).toBeFocused();
    await page.getByRole('button', { name: 'Melding sluiten' }).click();
    await expect(page.getByRole('combobox')).toBeFocused();
  });
});

test('for all of Nederland the table starts folded, and opens to the first page of its 408 gemeenten', async ({ page }) => {
  await open(page);
  const section = page.getByTestId('gemeenten-sectie');
  await expect(section).not.toHaveAttribute('open');
  await expect(page.getByTestId('gemeenten')).toHaveCount(0);
  await section.getByRole('heading', { name: 'Per gemeente (408)' }).click();
  // In pages of 30 (paging.spec.mjs), not all 408 rows at once.
  await expect(page.getByTestId('gemeenten').locator('tbody tr')).toHaveCount(30);
  await expect(page.getByTestId('gemeenten-pagina')).toHaveText('Gemeenten 1–30 van 408');
  // A regio of fewer gemeenten starts open.
  await page.goto('./?regio=Drenthe');
  await expect(page.getByTestId('gemeenten-sectie')).toHaveAttribute('open');
});
