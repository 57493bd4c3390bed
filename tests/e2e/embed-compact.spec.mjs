// Compact mode (embed=1): in an intranet column of 360 px the figures come first,
// everything else is folded under one heading, and nothing tells people to press Ctrl+P
// (which in a frame prints the host page): they are offered the full page instead.
import { test, expect, open } from './fixtures.mjs';

const EMBEDDED = '?gemeente=Groningen&wijziging=-13&embed=1';

test('in a narrow frame the figures come first and the rest is folded', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page, EMBEDDED);
  const first = page.locator('.key-figures__value').first();
  await expect(first).toHaveText('€ 162.019');
  const top = await first.evaluate((e) => e.getBoundingClientRect().top + scrollY);
  expect(top, 'the first figure within the first screen').toBeLessThan(400);
  // The fields follow the figures.
  const field = await page.getByLabel('Wijziging cliëntondersteuning', { exact: true }).boundingBox();
  expect(field.y).toBeGreaterThan(top);
  const more = page.getByTestId('embed-meer');
  await expect(more).not.toHaveAttribute('open');
  await expect(page.getByTestId('grafiek-inkoop')).toBeHidden();
  const height = await page.evaluate(() => document.body.offsetHeight);
  expect(height, 'a few screens, not thirty').toBeLessThan(3200);
  // Everything is still there, one click away.
  await more.locator('> summary').click();
  await expect(page.getByTestId('grafiek-inkoop')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Status quo' })).toBeVisible();
});

test('a frame offers the full page for printing, not Ctrl+P', async ({ page }) => {
  await open(page, EMBEDDED);
  await page.getByTestId('embed-meer').locator('> summary').click();
  await expect(page.getByRole('heading', { name: 'Meenemen' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('Ctrl+P');
  const link = page.getByTestId('open-om-af-te-drukken');
  await expect(link).toHaveText('open de rekenhulp in een nieuw tabblad');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('href', /gemeente=Groningen&wijziging=-13/);
  await expect(link).not.toHaveAttribute('href', /embed/);
});

test('the full page is not folded and keeps its print button', async ({ page }) => {
  await open(page, '?gemeente=Groningen&wijziging=-13');
  await expect(page.getByTestId('embed-meer')).toHaveCount(0);
  await expect(page.getByTestId('grafiek-inkoop')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verslag afdrukken' })).toBeVisible();
});
