// A panic never leaves a blank or frozen page: the panic hook shows a readable Dutch message.
// Needs the debug build in target/dist-debug (scripts/test.sh makes it), where `?paniek=1`
// panics on purpose; the release build has no such switch.
import { test, expect } from '@playwright/test';
import { existsSync } from 'node:fs';
import { startServer } from '../../scripts/static-server.mjs';

const DIST = new URL('../../target/dist-debug', import.meta.url).pathname;

test('a panic shows the Dutch crash message', async ({ page }) => {
  expect(existsSync(DIST), 'scripts/test.sh builds target/dist-debug first').toBe(true);
  const { server, url } = await startServer({ root: DIST, host: '127.0.0.1', port: 0, base: '/', headers: {} });
  try {
    const logged = [];
    page.on('console', (m) => { if (m.type() === 'error') logged.push(m.text()); });
    await page.goto(`${url}?paniek=1`);
    const message = page.locator('#crash');
    await expect(message).toHaveAttribute('role', 'alert');
    await expect(message).toHaveText(
      'Er ging iets mis in de rekenhulp. Herlaad de pagina; uw invoer staat in de adresregel.',
    );
    expect(logged.join('\n')).toContain('opzettelijke paniek');
  } finally {
    server.close();
  }
});

test('the release build has no panic switch', async ({ page }) => {
  await page.goto('./?paniek=1');
  await expect(page.getByTestId('frictiekosten')).toHaveText('€ 0');
  await expect(page.getByTestId('meldingen')).toContainText('‘paniek’');
  await expect(page.locator('#crash')).toHaveCount(0);
});
