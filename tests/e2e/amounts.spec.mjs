// Amounts the way people type them: the Dutch notations of money in the inkoop
// field, the question for an English thousands comma and its button, the messages that say
// what was wrong, a percentage shown as it is used, and the keyboard a phone shows.
// Expected figures are computed here from the data file, never read back from the page.
import { test, expect, open, dataRows, euro, on } from './fixtures.mjs';

const groningen = dataRows().find((r) => r.gemeente === 'Groningen');
/** The figure "inkoop 2015" of Groningen when it buys `co` euros of cliëntondersteuning. */
const inkoop2015 = (co) => euro(co + groningen.ivh);

/** The message shown for a field, found as its description says. */
async function messageOf(page, field) {
  const errorId = (await field.getAttribute('aria-describedby')).split(' ')[0];
  return page.locator(`[id="${errorId}"]`);
}

test.describe('one amount, many notations', () => {
  const notations = [
    '300.000', '300000', '€ 300.000,-', '300.000,—', '300 000', '300\u00a0000', '300\u202f000',
    '300 duizend', '0,3 mln',
  ];
  for (const text of notations) {
    test(`${JSON.stringify(text)} is € 300.000`, async ({ page }) => {
      await open(page, '?gemeente=Groningen');
      const field = on(page).inkoopCo;
      await field.fill(text);
      await expect(field).toHaveAttribute('aria-invalid', 'false');
      await expect(page.getByTestId('inkoop-2015')).toHaveText(inkoop2015(300000n));
      // Left, the field shows the amount the way the page writes it, and so does the link.
      await field.press('Tab');
      await expect(field).toHaveValue('300.000');
      await expect(page).toHaveURL(/[?&]inkoop=300000(&|$)/);
    });
  }

  for (const text of ['1,5 mln', '1,5 miljoen']) {
    test(`${JSON.stringify(text)} is € 1.500.000`, async ({ page }) => {
      await open(page, '?gemeente=Groningen');
      await on(page).inkoopCo.fill(text);
      await expect(page.getByTestId('inkoop-2015')).toHaveText(inkoop2015(1500000n));
      await on(page).inkoopCo.press('Tab');
      await expect(on(page).inkoopCo).toHaveValue('1.500.000');
    });
  }
});

test.describe('what cannot be read is asked or explained', () => {
  const question = 'Bedoelt u 300.000? In het Nederlands is de komma het decimaalteken: typ 300.000 of 300000.';

  test('"300,000" is asked about, not guessed; the button applies 300.000', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    const field = on(page).inkoopCo;
    await field.fill('300,000');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(await messageOf(page, field)).toHaveText(question);
    // Nothing was applied: the figures keep the last valid value (not € 300).
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
    const yes = page.getByRole('button', { name: 'Ja, 300.000' });
    await expect(yes).toHaveAccessibleDescription(question);
    await yes.click();
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await expect(field).toHaveValue('300.000');
    await expect(field).toBeFocused();
    await expect(yes).toHaveCount(0);
    await expect(page.getByTestId('inkoop-2015')).toHaveText(inkoop2015(300000n));
    await expect(page).toHaveURL(/[?&]inkoop=300000(&|$)/);
  });

  test('the suggestion is reached and taken by keyboard', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    const field = on(page).inkoopCo;
    await field.fill('1,250,000');
    await field.press('Tab');
    const yes = page.getByRole('button', { name: 'Ja, 1.250.000' });
    await expect(yes).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(field).toHaveValue('1.250.000');
    await expect(page.getByTestId('inkoop-2015')).toHaveText(inkoop2015(1250000n));
  });

  test('a percentage in the amount field says where it belongs', async ({ page }) => {
    await open(page, '?gemeente=Groningen&wijziging=-13');
    const field = on(page).inkoopCo;
    await field.fill('-10%');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(await messageOf(page, field)).toHaveText(
      'Typ hier een bedrag in euro\'s, geen percentage. Een wijziging in procenten typt u bij ‘Wijziging’.',
    );
    await expect(page.getByRole('button', { name: /^Ja, / })).toHaveCount(0);
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
    await expect(on(page).wijzigingCo).toHaveValue('-13');
  });

  test('letters in the amount field: the message names what is allowed', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    await on(page).inkoopCo.fill('veel');
    await expect(await messageOf(page, on(page).inkoopCo)).toHaveText(
      'Dit is geen getal. Typ een bedrag in cijfers, bijvoorbeeld 1.250.000 of 1,5 mln.',
    );
    await on(page).inkoopCo.fill('1,5 M');
    await expect(await messageOf(page, on(page).inkoopCo)).toContainText('duizend, mln (miljoen) of mld (miljard)');
  });
});

test.describe('a percentage as it is shown', () => {
  test('a change shown as 0 cannot cost money: more than two decimals are refused', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    const field = on(page).wijzigingCo;
    await field.fill('-0,001');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(await messageOf(page, field)).toHaveText('Gebruik hoogstens 2 decimalen.');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 0');
    await expect(page).not.toHaveURL(/wijziging=/);
    // Two decimals are used and shown as typed.
    await field.fill('-13,25');
    await field.press('Tab');
    await expect(field).toHaveValue('-13,25');
    await expect(page).toHaveURL(/[?&]wijziging=-13\.25(&|$)/);
  });
});

test.describe('the keyboard on a phone', () => {
  test('a percentage field has the full keyboard, with its minus; an amount the decimal keypad', async ({ page }) => {
    await open(page, '?gemeente=Groningen');
    await expect(on(page).wijzigingCo).toHaveAttribute('inputmode', 'text');
    await expect(on(page).wijzigingCo).toHaveAttribute('autocapitalize', 'off');
    await expect(on(page).wijzigingCo).toHaveAttribute('autocorrect', 'off');
    await expect(on(page).inkoopCo).toHaveAttribute('inputmode', 'decimal');
    // What that keyboard lets a person type, typed key by key.
    await on(page).wijzigingCo.focus();
    await page.keyboard.type('-13');
    await expect(page.getByTestId('frictiekosten')).toHaveText('€ 162.019');
  });
});
