// The deployment configs in deploy/, tested in the servers they are written for: Debian's
// nginx (with brotli_static) and apache2 serve dist/ with them (tests/deploy/servers.mjs),
// and Debian's chromium runs the calculator through them. The spec starts every server
// itself (as this user, on loopback, on free ports), so there is no webServer here.
//   npx playwright test --config tests/deploy/playwright.config.mjs
import { defineConfig } from '@playwright/test';
import e2e from '../e2e/playwright.config.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.mjs',
  outputDir: '../../target/deploy-results',
  // One file, its servers shared by its tests: one worker (the machine has 2 cores).
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: 'chromium',
    locale: 'nl-NL',
    // The same browser and flags as the other browser tests.
    launchOptions: e2e.use.launchOptions,
  },
});
