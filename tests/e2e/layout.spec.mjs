// Layout that fits (issue 16): at a phone's 360 px and a desk's 1024 and 1280 px, nothing
// runs out of its column, text keeps the page's size, and what is shown twice is shown once.
import { test, expect, open } from './fixtures.mjs';

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
