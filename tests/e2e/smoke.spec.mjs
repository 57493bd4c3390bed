// The release build loads, computes from the embedded data, and serves the data file.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';

test('the page loads and shows the national 2014 budget', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('./');
  await expect(page).toHaveTitle('Rekenhulp frictiekosten MEE 2015');
  await expect(page.getByTestId('budget-2014').first()).toHaveText('€ 180.471.725');
  expect(errors).toEqual([]);
});

test('the data file is served as a download, identical to the embedded one', async ({ request }) => {
  const response = await request.get('data/mee-budgetten-2014.csv');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('text/csv');
  const committed = readFileSync(new URL('../../public/data/mee-budgetten-2014.csv', import.meta.url), 'utf8');
  expect(await response.text()).toBe(committed);
});
