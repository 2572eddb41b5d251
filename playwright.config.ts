/**
 * End-to-end tests of the renderer in Chromium against the preview server (DESIGN §9). Each test
 * starts its own preview server on its own empty data folder (test/e2e/fixtures.ts), so tests never
 * share an install. The renderer is built once, in global setup.
 */
import { defineConfig, devices } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results',
  globalSetup: './test/e2e/global-setup.ts',
  // Argon2id at real parameters makes setup and sign-in take seconds on a small CI machine.
  timeout: 90_000,
  expect: { timeout: 20_000 },
  workers: 2,
  fullyParallel: true,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: 'list',
  use: {
    ...devices['Desktop Chrome'],
    // The smallest window the app promises to work in.
    viewport: { width: 1000, height: 700 },
    // English unless a test switches; the app starts from the browser's language.
    locale: 'en-GB',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium' }],
});
