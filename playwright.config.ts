import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/support/chromium.ts';

/** STEPDOWN_E2E_PORT and STEPDOWN_OUT_DIR (astro.config.mjs) let several builds be tested at once. */
const PORT = Number(process.env.STEPDOWN_E2E_PORT || 4322);

// End-to-end tests against the built site (`npm run build` first; `npm test` does).
// The browser is Debian's Chromium: see test/e2e/support/chromium.ts.
export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  workers: 2,
  reporter: process.env.CI ? 'list' : [['list'], ['html', { open: 'never' }]],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    launchOptions: chromiumLaunchOptions(),
    trace: 'retain-on-failure',
    // Each test is a first visit over the network, as it was before the site had a service
    // worker (ADR 0013): page.route sees every request (a service worker's fetches bypass it,
    // which would defeat test/e2e/pieces.spec.ts), and no test pays for a precache it does not
    // need. The registration resolves to nothing here. test/e2e/offline.spec.ts allows them.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `astro preview --host 127.0.0.1 --port ${PORT} --ignore-lock`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    env: { ASTRO_TELEMETRY_DISABLED: '1' },
  },
});
