// The keyboard and screen-reader path of a person who cannot use a mouse: choosing an area
// is said and stays in the field, skip links reach every main section, the map keeps its
// tab stop while its drawing loads, a focus ring that can be seen, words that fit a phone.
import { test, expect, open, settled } from './fixtures.mjs';

test('choosing an area is said, and the field keeps its name', async ({ page }) => {
  await open(page);
  const field = page.getByRole('combobox', { name: /Zoek een gemeente/ });
  await field.fill('Midden-Dren');
  await expect(page.locator('#zoek-status')).toHaveText(/suggestie/);
  await field.press('ArrowDown');
  await field.press('Enter');
  await expect(field).toHaveValue('Midden-Drenthe');
  await expect(page.locator('#zoek-status')).toHaveText('Gekozen: gemeente Midden-Drenthe.');
  // Chosen another way (the Nederland button), the field and the status follow.
  await page.getByRole('button', { name: 'Heel Nederland', exact: true }).click();
  await expect(page.locator('#zoek-status')).toHaveText('Gekozen: heel Nederland.');
  await expect(field).toHaveValue('');
  // Back to the field: its text is selected, so typing replaces it.
  await page.goto('./?gemeente=Groningen');
  await expect(field).toHaveValue('Groningen');
  await field.focus();
  await page.keyboard.type('Assen');
  await expect(field).toHaveValue('Assen');
});

test('skip links are the first tab stops and reach the main sections, also before their code has come', async ({ page }) => {
  const CHUNK = /\/chunk-[a-z0-9-]+-[0-9a-f]{12,16}\.wasm$/;
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(CHUNK, async (route) => { await held; await route.continue(); });
  await open(page, '?regio=Groningen&wijziging=-10');
  await page.keyboard.press('Tab');
  const first = page.getByRole('link', { name: 'Naar de keuze van het gebied' });
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  const targets = await page.getByRole('navigation', { name: 'Direct naar' }).getByRole('link').evaluateAll(
    (links) => links.map((a) => a.getAttribute('href')),
  );
  expect(targets.length).toBeGreaterThanOrEqual(6);
  for (const href of targets) {
    await expect(page.locator(href), `${href} is on the page while the chunks load`).toHaveCount(1);
  }
  release();
  await settled(page);
  for (const href of targets) {
    await expect(page.locator(href), `${href} is on the page once built`).toHaveCount(1);
  }
  // Following one moves the reading position there: the next Tab is inside that section.
  await page.keyboard.press('Tab'); // inkoop
  await page.keyboard.press('Tab'); // uitkomsten
  await page.keyboard.press('Tab'); // kaart
  await page.keyboard.press('Tab'); // per gemeente
  await page.keyboard.press('Tab'); // downloaden en afdrukken
  await expect(page.getByRole('link', { name: 'Naar downloaden en afdrukken' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(page.locator('#meenemen :focus')).toHaveCount(1);
});

test('the map keeps its tab stop while its drawing loads, and hands focus to the drawing', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/gemeenten-2013\.txt/, async (route) => { await held; await route.continue(); });
  await open(page, '?gemeente=Groningen');
  const placeholder = page.getByTestId('kaart-laden');
  await expect(placeholder).toHaveCount(1, { timeout: 15_000 });
  // The last radio button of the map's settings, then Tab: the map's place, not past it.
  await page.getByRole('radio', { name: 'haar MEE-organisatie' }).focus();
  await page.keyboard.press('Tab');
  await expect(placeholder).toBeFocused();
  await expect(placeholder).toHaveAccessibleName(/Kaart van de gemeenten, wordt geladen/);
  release();
  await expect(page.getByRole('listbox', { name: /Kaart van de gemeenten/ })).toBeFocused();
});

test('a focused button has a focus ring of at least 2 px with a contrasting colour', async ({ page }) => {
  await open(page, '?gemeente=Groningen');
  const button = page.getByRole('button', { name: 'Heel Nederland' });
  await button.focus();
  // Focused from the keyboard, so :focus-visible applies.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(button).toBeFocused();
  const ring = await button.evaluate((el) => {
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.color).toBe('rgb(0, 0, 0)');
});

test('on a touch screen the map’s tip says “Tik”, with a mouse “Klik of Enter”', async ({ browser }) => {
  for (const [hasTouch, words, other] of [[true, 'Tik: kiezen', 'Klik of Enter'], [false, 'Klik of Enter: kiezen', 'Tik:']]) {
    const context = await browser.newContext({ hasTouch, isMobile: hasTouch, viewport: { width: 390, height: 800 } });
    const page = await context.newPage();
    await open(page, '?gemeente=Groningen');
    await page.evaluate(() => document.getElementById('kaart').scrollIntoView());
    const map = page.getByRole('listbox', { name: /Kaart van de gemeenten/ });
    await expect(map).toBeVisible({ timeout: 15_000 });
    await map.focus();
    const tip = page.getByTestId('kaart-tip');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText(words);
    await expect(tip.getByText(other)).toBeHidden();
    await context.close();
  }
});

test('at 360 px the download buttons keep their words on one line', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '?gemeente=Groningen');
  const buttons = page.locator('#meenemen .download__buttons button');
  await expect(buttons.first()).toHaveCount(1, { timeout: 15_000 });
  for (const button of await buttons.all()) {
    const lines = await button.evaluate((el) => {
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
      const r = document.createRange();
      r.selectNodeContents(el);
      return Math.round(r.getBoundingClientRect().height / lineHeight);
    });
    expect(lines, await button.textContent()).toBeLessThanOrEqual(1);
  }
});

test('at 360 px a long area name wraps under “Download CSV”, not beside it in a column', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await open(page, '?gemeente=De%20Friese%20Meren');
  const button = page.locator('#meenemen .download__buttons button').first();
  await expect(button).toContainText('(De Friese Meren)', { timeout: 15_000 });
  const lines = await button.evaluate((el) => {
    const r = document.createRange();
    r.selectNodeContents(el.firstChild); // "Download CSV "
    return Math.round(r.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
  });
  expect(lines, '“Download CSV” on one line').toBe(1);
});
