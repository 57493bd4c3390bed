// WCAG 2.1 A/AA: axe-core finds no violations on every view, at 360 and 1280 px wide;
// reflow at 320 px and 200 % zoom without sideways scrolling.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, open } from './fixtures.mjs';

const VIEWS = [
  ['start page', ''],
  ['a gemeente', '?gemeente=Groningen&wijziging=-13'],
  ['a jeugdregio with its table', '?regio=West-Brabant-Oost&wijziging=-10'],
  ['Nederland with a changed parameter', '?verloop=2&wijziging=-5'],
  ['embedded (embed=1)', '?gemeente=Groningen&wijziging=-13&embed=1'],
  ['a link with notices and a bad field', '?gemeente=Atlantis&foo=1'],
  ['a pasted list in preview', '?mee=MEE%20Drenthe'],
];

for (const width of [360, 1280]) {
  for (const [name, query] of VIEWS) {
    test(`axe: ${name} at ${width} px`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await open(page, query);
      if (name.includes('bad field')) {
        await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).fill('abc');
      }
      if (name.includes('preview')) {
        await page.getByLabel('Of plak de kolommen uit Excel (met kopregel)').fill('Gemeente\tInkoop 2015\nAssen\t700.000\nAsen\t1\n');
        await page.getByRole('button', { name: 'Geplakte tekst lezen' }).click();
        await expect(page.getByTestId('inlezen-voorbeeld')).toBeVisible();
      }
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      const found = results.violations.map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
      expect(found).toEqual([]);
    });
  }
}

for (const [width, why] of [[320, 'reflow at 320 px'], [640, '200 % zoom of a 1280 px screen']]) {
  test(`no sideways scrolling: ${why}`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    await open(page, '?regio=West-Brabant-Oost&wijziging=-10');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await expect(page.getByTestId('frictiekosten')).toBeVisible();
  });
}
