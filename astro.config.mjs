// @ts-check
import { defineConfig } from 'astro/config';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  output: 'static',
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
  vite: { worker: { format: 'es' } },
});
