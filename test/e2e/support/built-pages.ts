import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The built site the tests run against (astro.config.mjs's outDir). */
export const DIST = process.env.STEPDOWN_OUT_DIR || join(import.meta.dirname, '../../../dist');

function indexFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return indexFiles(path);
    return name === 'index.html' ? [path] : [];
  });
}

/** Every page of the built site (`npm run build` first) as a URL path: "/", "/zh-cn/", … */
export function builtPages(): string[] {
  return indexFiles(DIST)
    .map((file) => {
      const folder = relative(DIST, file).split(sep).slice(0, -1).join('/');
      return folder === '' ? '/' : `/${folder}/`;
    })
    .sort();
}
