import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'test/layering/fixtures/**', 'node_modules/**'],
    setupFiles: ['test/sim/support/every-piece.ts'],
  },
});
