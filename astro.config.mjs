// @ts-check
import { defineConfig } from 'astro/config';
import { serviceWorker } from './scripts/service-worker.ts';
import { xtermPrivateNames } from './scripts/xterm-private-names.ts';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  output: 'static',
  // Where the build goes (default dist/). Set by engineers who build and test in parallel;
  // scripts/check-size.ts, scripts/bench-site.ts and the e2e tests read the same variable.
  outDir: process.env.STEPDOWN_OUT_DIR || './dist',
  // The origin the site is served from, e.g. https://stepdown.example.org: enables the
  // canonical and hreflang links (absolute URLs only). Unset, the pages omit them.
  site: process.env.STEPDOWN_SITE || undefined,
  trailingSlash: 'ignore',
  // English at "/", Simplified Chinese at "/zh-cn/" (folder name = locale).
  // Keep in step with src/i18n/locales.ts (test/i18n/locales.test.ts checks it).
  i18n: {
    defaultLocale: 'en',
    locales: ['en', 'zh-cn'],
    routing: { prefixDefaultLocale: false },
  },
  devToolbar: { enabled: false },
  // The simulator's Web Worker (src/terminal/host-worker.ts, ADR 0007) is an ES module.
  // xterm.js's private member names are shortened in the build (scripts/xterm-private-names.ts).
  vite: { worker: { format: 'es' }, plugins: [xtermPrivateNames()] },
  // sw.js, written after the build with every built file to precache: the site works
  // offline after its first load (scripts/service-worker.ts, ADR 0013).
  integrations: [serviceWorker()],
});
