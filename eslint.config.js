// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      '.tmp/',
      'test-results/',
      'playwright-report/',
      // Deliberate layering violations, linted on purpose by test/layering/layering.test.ts.
      'test/layering/fixtures/',
    ],
  },
  js.configs.recommended,
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // Style, not safety: `() => void f()`-free arrow callbacks read better.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // A terminal speaks in control characters; matching ESC and C0 bytes is the job.
      'no-control-regex': 'off',
      // Programs are generator coroutines; one that makes no syscall yields nothing.
      'require-yield': 'off',
    },
  },
  astro.configs.recommended,
  {
    // Astro components are thin; their logic lives in tested .ts files. The
    // TypeScript program does not see .astro files, so no type-aware rules here.
    files: ['**/*.astro', '**/*.astro/*.ts', '**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The layering rules for .astro files, which dependency-cruiser cannot read
    // (.dependency-cruiser.mjs has them for everything else).
    files: ['**/*.astro'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/sim/**', '!**/sim/index.ts'],
              message: 'Use the simulator through src/sim/index.ts only (docs/architecture.md).',
            },
            {
              group: ['@xterm/*'],
              message: 'Only src/terminal imports @xterm/* (docs/architecture.md).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/terminal/**', 'src/components/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
);
