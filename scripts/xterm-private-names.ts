/**
 * A Vite plugin for the production build: shortens xterm.js's private
 * member names (`this._bufferService` and the like, thousands of uses) the
 * way VS Code's own build mangles its private names. xterm.js marks its
 * private members with a leading underscore and never reaches them by a
 * computed name, so renaming them all within xterm's one module is safe;
 * the few an addon reaches into (addon-fit reads `terminal._core`) keep
 * their names, read from the addons themselves. The public API has no
 * underscore names. It saves about 5 KB of the terminal's gzipped
 * JavaScript (issue 6's budget; ADR 0011).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { transform } from 'esbuild';
import type { Plugin } from 'vite';

const XTERM = /[\\/]@xterm[\\/]xterm[\\/]lib[\\/]xterm\.mjs$/;
/** The addons the site bundles: the private names they use must stay. */
const ADDONS = ['@xterm/addon-fit'];
/**
 * Names kept for traces: test/e2e/terminal-mount.spec.ts tells xterm's own
 * font measurement (CharSizeService and WidthCache `_measure`) from a layout
 * our code forces by this name on the stack.
 */
const KEPT_FOR_TRACES = ['_measure'];
/** `_name`, not `__name` (e.g. `__proto__`): one underscore, then a letter. */
export const PRIVATE_NAME = /^_[A-Za-z]\w*$/;

/** The underscore names an addon's code reaches on xterm's objects (`._core`). */
export function privateNamesUsedBy(code: string): string[] {
  const names = new Set<string>();
  for (const [, name] of code.matchAll(/\.(_[A-Za-z]\w*)/g)) names.add(name as string);
  return [...names].sort();
}

function addonCode(name: string): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve(name);
  return readFileSync(main.replace(/\.js$/, '.mjs'), 'utf8');
}

/** Renames xterm's private members in its ES module, keeping what the addons reach. */
export async function manglePrivateNames(
  code: string,
  keep: readonly string[],
): Promise<{ code: string; map: string }> {
  const reserved = keep.map((name) => name.replace(/[$]/g, '\\$')).join('|');
  const result = await transform(code, {
    format: 'esm',
    loader: 'js',
    mangleProps: PRIVATE_NAME,
    ...(reserved ? { reserveProps: new RegExp(`^(?:${reserved})$`) } : {}),
    sourcemap: 'external',
  });
  return { code: result.code, map: result.map };
}

export function xtermPrivateNames(): Plugin {
  let keep: string[] = [];
  return {
    name: 'stepdown:xterm-private-names',
    apply: 'build',
    buildStart() {
      keep = [
        ...new Set([
          ...ADDONS.flatMap((addon) => privateNamesUsedBy(addonCode(addon))),
          ...KEPT_FOR_TRACES,
        ]),
      ];
    },
    async transform(code, id) {
      if (!XTERM.test(id)) return null;
      return manglePrivateNames(code, keep);
    },
  };
}
