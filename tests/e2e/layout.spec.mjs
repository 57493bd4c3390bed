// Layout that fits: at a phone's 360 px and a desk's 1024 and 1280 px, nothing
// runs out of its column, text keeps the page's size, and what is shown twice is shown once.
import { test, expect, open, settled, on } from './fixtures.mjs';

/** The rendered height of every piece of text inside `locator`, leaving out folded tables. */
async function textHeights(locator) {
  return locator.evaluate((root) => {
    const heights = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || node.parentElement.closest('details:not([open]) > :not(summary)')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.height > 0) heights.push({ text: node.textContent.trim(), height: rect.height });
    }
    return heights;
  });
}

for (const width of [360, 1280]) {
  test(`chart text is the page's text size at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page, '?gemeente=Groningen&wijziging=-13');
    const body = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    for (const id of ['grafiek-samenstelling', 'grafiek-inkoop', 'tornado']) {
      const chart = page.getByTestId(id);
      await chart.scrollIntoViewIfNeeded();
      const heights = await textHeights(chart);
      expect(heights.length, `${id} has text`).toBeGreaterThan(3);
      for (const { text, height } of heights) {
        // A line of text at 87.5 % to 100 % of the body size is 1.1 to 1.8 times the body size high.
        expect(height, `"${text}" in ${id}`).toBeGreaterThanOrEqual(body * 0.875 * 1.1);
        expect(height, `"${text}" in ${id}`).toBeLessThanOrEqual(body * 1.8 * 1.5);
      }
      // And nothing leaves the page sideways.
      const box = await chart.boundingBox();
      expect(box.x + box.width, `${id} within the page`).toBeLessThanOrEqual(width);
    }
  });
}

for (const width of [1024, 1280]) {
  for (const query of ['?regio=Drenthe', '']) {
    test(`the gemeenten table fits its column at ${width} px (${query || 'Nederland'})`, async ({ page }) => {
      await page.setViewportSize({ width, height: 900 });
      await open(page, query);
      const table = await on(page).openTable();
      const { table: wide, box } = await table.evaluate((t) => ({ table: t.scrollWidth, box: t.parentElement.clientWidth }));
      expect(wide, 'no sideways scrolling: every column, Fte-verlies too, in view').toBeLessThanOrEqual(box);
      const last = table.getByRole('columnheader', { name: 'Fte-verlies' });
      await last.scrollIntoViewIfNeeded();
      await expect(last).toBeInViewport({ ratio: 1 });
      // The line the amounts belong to is said once, above the table.
      await expect(table.locator('caption')).toContainText('cliëntondersteuning');
    });
  }
}

test('on a phone each gemeente is a card: the figures under its name, each named', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page, '?regio=Drenthe&wijziging=-10');
  const table = await on(page).openTable();
  // Measured once every section has come, so that none above moves the rows in between.
  await settled(page);
  const row = table.locator('tbody tr').first();
  const name = await row.locator('th').boundingBox();
  for (const label of ['Budget 2014', 'Wijziging', 'Frictiekosten', 'Fte-verlies']) {
    const cell = row.locator(`td[data-label="${label}"]`);
    const box = await cell.boundingBox();
    expect(box.x + box.width, `${label} within the screen`).toBeLessThanOrEqual(360);
    expect(box.y, `${label} below the name`).toBeGreaterThan(name.y);
    expect(box.y - name.y, `${label} near the name, not a screen away`).toBeLessThan(250);
    expect(await cell.evaluate((td) => getComputedStyle(td, '::before').content)).toBe(`"${label}"`);
  }
  await row.getByRole('textbox').scrollIntoViewIfNeeded();
  await expect(row.getByRole('textbox')).toBeInViewport({ ratio: 1 });
  // Sorting stays at hand.
  await table.getByRole('button', { name: 'Frictiekosten', exact: true }).click();
  await expect(table.getByRole('columnheader', { name: 'Frictiekosten', exact: true })).toHaveAttribute('aria-sort', 'descending');
});

test('the figures bar steps aside while the results panel is in view', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const bar = page.locator('.key-figures--bar');
  // At the top the panel beside the fields shows the same figures.
  await expect(page.locator('.results .key-figures')).toBeInViewport();
  await expect(bar).toBeHidden();
  // Further down, by the charts, the bar brings them back.
  await page.getByTestId('grafiek-inkoop').scrollIntoViewIfNeeded();
  await expect(page.locator('.results .key-figures')).not.toBeInViewport();
  await expect(bar).toBeVisible();
  await expect(bar).toContainText('€ 162.019');
  // On a phone the fields come first: the bar shows, until the panel is reached.
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(bar).toBeVisible();
  await page.locator('.results .key-figures').scrollIntoViewIfNeeded();
  await expect(bar).toBeHidden();
});

test('with an afbouwpad the key figures are its totals over 2015–2018, labelled so', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '?mee=MEE%20Groningen&wijziging=-5&pad_2016=-10&pad_2017=-15&pad_2018=-20');
  const bar = page.locator('.key-figures--bar');
  await expect(bar).toContainText('Frictiekosten 2015–2018');
  // The same total as the path's own table.
  const total = page.getByTestId('pad-tabel').getByRole('row', { name: /^Totaal 2015–2018/ });
  const frictiekosten = (await total.textContent()).match(/€\s[\d.]+/g);
  expect(frictiekosten.length).toBeGreaterThan(0);
  const shown = await bar.locator('.key-figures__value').first().textContent();
  expect((await total.textContent())).toContain(shown);
  // Without the path, 2015 alone again.
  for (const year of ['2016', '2017', '2018']) await page.getByLabel(`Cliëntondersteuning ${year}, wijziging t.o.v. 2014`).fill('');
  await expect(bar).not.toContainText('2015–2018');
  await expect(bar.locator('.key-figures__value').first()).toHaveText(await page.getByTestId('frictiekosten').textContent());
});

test('an amount never breaks after its € and a range never starts a line with its dash', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '?gemeente=Groningen&wijziging=-13');
  const range = page.getByTestId('bandbreedte-frictiekosten');
  await expect(range).toContainText('–');
  // The range's own text: € and number, and first end and dash, held by no-break spaces.
  expect(await range.textContent()).toMatch(/^€\u00a0[\d.]+\u00a0– €\u00a0[\d.]+$/);
  // And nowhere on the page does an ordinary space follow a € before a number.
  const loose = await page.evaluate(() => document.body.textContent.match(/€ [\d−-][^\s]*/g));
  expect(loose).toBeNull();
});

test('sections out of view are skipped while typing, at their real height, but not in a frame', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page, '?regio=Drenthe');
  await settled(page);
  const sections = page.locator('.page__below > section, .page__below > details');
  const skipping = () => sections.evaluateAll((all) => all.map((s) => getComputedStyle(s).contentVisibility));
  await expect.poll(async () => new Set(await skipping()).size === 1 && (await skipping())[0]).toBe('auto');
  // Far below the fold: not rendered while the figures are in view, rendered once it is seen.
  const far = page.locator('#toegankelijkheid-titel');
  const rendered = () => far.evaluate((h) => h.checkVisibility({ contentVisibilityAuto: true }));
  await expect.poll(rendered).toBe(false);
  // Skipped at the height it had when it was rendered: the page is as long as with every
  // section rendered, so the scrollbar does not lie and nothing moves when one comes into view.
  const length = () => page.evaluate(() => document.documentElement.scrollHeight);
  const skipped = await length();
  const everything = await page.addStyleTag({ content: '.page__below > * { animation: none !important; content-visibility: visible !important; }' });
  expect(await length()).toBe(skipped);
  await everything.evaluate((tag) => tag.remove());
  await far.scrollIntoViewIfNeeded();
  await expect.poll(rendered).toBe(true);
  // A frame is as tall as its content and must follow every change in it: nothing skipped.
  await open(page, '?regio=Drenthe&embed=1');
  expect(await sections.count()).toBeGreaterThan(0);
  expect(await sections.evaluateAll((all) => all.flatMap((s) => s.getAnimations()).length)).toBe(0);
  expect(new Set(await skipping())).toEqual(new Set(['visible']));
});

test('a control at the edge of a skipped section shows its whole focus ring', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '?gemeente=Assen&wijziging=-13');
  await settled(page);
  // The last control of "Meenemen": its section ends where the button does.
  const button = page.getByRole('button', { name: 'Verslag afdrukken' });
  await expect.poll(() => button.evaluate((b) => getComputedStyle(b.closest('section')).contentVisibility)).toBe('auto');
  await button.focus();
  const room = await button.evaluate((b) => {
    const style = getComputedStyle(b);
    const ring = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
    const section = b.closest('section');
    const clip = parseFloat(getComputedStyle(section).overflowClipMargin) || 0;
    const [inner, outer] = [b.getBoundingClientRect(), section.getBoundingClientRect()];
    // content-visibility: auto clips painting at the section's edge, plus its clip margin.
    return Math.min(outer.bottom + clip - (inner.bottom + ring), outer.right + clip - (inner.right + ring),
      inner.left - ring - (outer.left - clip), inner.top - ring - (outer.top - clip));
  });
  expect(room, 'the focus ring is painted whole').toBeGreaterThanOrEqual(0);
});
