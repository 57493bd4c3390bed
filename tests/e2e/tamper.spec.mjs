// Tampered links: every one renders, names what it ignored in a notice (as text, never as
// markup), computes from the valid rest, opens no dialog, and throws no page error.
import { test, expect, open } from './fixtures.mjs';

const CASES = [
  ['unknown parameters', '?foo=1&bar=2&gemeente=Groningen&wijziging=-13', ['‘foo’', '‘bar’'], '€ 162.019'],
  ['duplicated parameters', '?gemeente=Groningen&wijziging=-13&wijziging=-50', ['‘wijziging’ staat meer dan eens'], '€ 162.019'],
  ['a gemeente that does not exist', '?gemeente=Atlantis&wijziging=-13', ['‘Atlantis’ staat niet in de tabel'], null],
  ['gemeente and regio together', '?gemeente=Groningen&regio=Drenthe&wijziging=-13', ['meer dan één gebied', 'regio=Drenthe'], '€ 162.019'],
  ['percent-encoded markup', '?gemeente=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&wijziging=-13', ['<img src=x onerror=alert(1)>'], null],
  ['a 10 000-character value', `?gemeente=Groningen&wijziging=-13&regio=${'x'.repeat(10000)}`, ['meer dan één gebied'], '€ 162.019'],
  ['invalid UTF-8 escapes', '?gemeente=Groningen&wijziging=-13&mee=%FF%FE%80', ['meer dan één gebied'], '€ 162.019'],
  ['wijziging=NaN', '?gemeente=Groningen&wijziging=NaN', ['‘wijziging’ in de link is genegeerd: Dit is geen getal'], '€ 0'],
  ['reserves=150', '?gemeente=Groningen&wijziging=-13&reserves=150', ['‘reserves’ in de link is genegeerd', '100%'], '€ 162.019'],
];

for (const [what, query, mentions, frictiekosten] of CASES) {
  test(`tampered link: ${what}`, async ({ page }) => {
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
    await open(page, query);
    const notice = page.getByTestId('meldingen');
    for (const text of mentions) await expect(notice).toContainText(text);
    // Shown as text: no element was made from it.
    expect(await notice.locator('img, script').count()).toBe(0);
    expect(await notice.evaluate((n) => n.textContent.length)).toBeLessThan(2000);
    if (frictiekosten) await expect(page.getByTestId('frictiekosten')).toHaveText(frictiekosten);
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });
}

test('nothing leaves the browser during a whole session', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await open(page);
  const origin = new URL(page.url()).origin;
  await page.getByRole('combobox').fill('Zwolle');
  await page.getByRole('combobox').press('Enter');
  await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('-25');
  await page.getByLabel('Inkoop Integrale Vroeghulp 2015', { exact: true }).fill('10.000');
  await page.getByLabel('Natuurlijk verloop').fill('3');
  await page.getByRole('button', { name: 'Landelijk beeld monitor 1 dec 2014' }).click();
  await page.getByTestId('gemeenten-sectie').locator('summary').click();
  await page.getByLabel('Inkoop cliëntondersteuning 2015 Assen', { exact: true }).fill('700.000');
  await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /Download CSV/ }).first().click()]);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.reload();
  await expect(page.getByTestId('frictiekosten')).not.toHaveText('€ 0');
  const elsewhere = requests.filter((r) => !r.startsWith(origin) && !r.startsWith('blob:') && !r.startsWith('data:'));
  expect(elsewhere).toEqual([]);
  // Only the page's own files, and no query strings carrying figures to the server.
  expect(requests.filter((r) => r.startsWith(origin) && new URL(r).pathname !== '/' && new URL(r).search)).toEqual([]);
});
