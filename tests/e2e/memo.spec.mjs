// "Tekst voor een nota": a paragraph a beleidsmedewerker pastes into a raadsvoorstel. Its
// figures are the figures shown, its link reopens the calculation, and it can be copied,
// also where the browser does not let a page write to the clipboard.
import { test, expect, open, figures } from './fixtures.mjs';

async function memoText(page) {
  const area = page.getByRole('textbox', { name: 'Tekst voor een nota of raadsvoorstel' });
  await area.scrollIntoViewIfNeeded();
  await expect(area).toHaveValue(/^Als /, { timeout: 15_000 });
  return area;
}

test('the paragraph holds the figures shown and the link to them', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const shown = await figures(page);
  const area = await memoText(page);
  const text = (await area.inputValue()).replace(/\u00a0/g, ' ');
  for (const id of ['omzetdaling', 'frictiekosten', 'frictiekosten-ongedekt', 'dekking-reserves']) {
    expect(text, id).toContain(shown[id]);
  }
  expect(text).toContain(`verlies van ${shown['fte-verlies']} fte`);
  expect(text).toMatch(/^Als Groningen in 2015 bij MEE voor € 1\.668\.122 cliëntondersteuning \(−13% ten opzichte van 2014\)/);
  expect(text).toMatch(/Berekend op \d{2}-\d{2}-\d{4} /);
  const link = text.match(/(http\S+)$/)[1];
  expect(new URL(link).search).toBe(new URL(page.url()).search);
  // A change in the inkoop follows into the paragraph.
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('5');
  await expect(area).toHaveValue(/geen omzetdaling en dus geen frictiekosten/);
});

test('the copy button copies the paragraph and says so', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page, '?regio=Groningen&wijziging=-10');
  const area = await memoText(page);
  await page.getByRole('button', { name: 'Kopieer de tekst' }).click();
  await expect(page.getByTestId('nota-gekopieerd')).toHaveText('De tekst is gekopieerd. Plak hem in uw document.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(await area.inputValue());
});

test('where the clipboard is blocked, the text is selected and the page says how to copy it', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const area = await memoText(page);
  await page.getByRole('button', { name: 'Kopieer de tekst' }).click();
  await expect(page.getByTestId('nota-gekopieerd')).toContainText('kopieer hem met Ctrl+C');
  await expect(area).toBeFocused();
  const selected = await area.evaluate((el) => [el.selectionStart, el.selectionEnd, el.value.length]);
  expect(selected).toEqual([0, selected[2], selected[2]]);
});
