#!/usr/bin/env node
// Screenshots of the built site in Debian's chromium, for looking at the page as a person
// would (and for the README).
//   node scripts/screenshot.mjs <url> <out.png> [width=1280] [--full]
import { chromium } from 'playwright-core';

const [url, out, width = '1280', full] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node scripts/screenshot.mjs <url> <out.png> [width] [--full]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 }, locale: 'nl-NL' });
const errors = [];
page.on('pageerror', (e) => errors.push(e.message));
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
await page.goto(url);
await page.getByTestId('frictiekosten').first().waitFor();
if (full === '--full') {
  // The whole page as one tall viewport rather than Playwright's fullPage, which draws
  // beyond the viewport: sections the page skips while out of view (content-visibility,
  // style/main.css) would come out blank there. The whole page: every section built.
  await page.waitForFunction(() => !document.querySelector('[data-testid^="laden-"]'), null, { timeout: 20_000 });
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: Number(width), height });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}
await page.screenshot({ path: out });
await browser.close();
if (errors.length) { console.error(errors.join('\n')); process.exit(1); }
console.log(out);
