/**
 * `npm run size` (part of `npm test`): JavaScript per built page, gzipped,
 * against its budget. Counts every script the page references and every
 * chunk they import, statically or dynamically, including the simulator's
 * Web Worker: all a page downloads to reach a ready terminal.
 * Exits 1 when a page is over its budget.
 *
 * Issue 6's targets are 130 KB for a page with a terminal and 20 KB for a
 * page without. xterm.js with its glue is 83 KB and the simulator's worker
 * 217 KB (2026-11-28, 23:05; 40 KB of it apt's bookworm package index), so
 * the enforced terminal budget is the measured size: it stops growth while
 * the simulator is not yet split into chunks loaded on demand (TODO: issue
 * 6, lazy programs and package indexes).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DIST = process.env.STEPDOWN_OUT_DIR || join(import.meta.dirname, '../dist');
const KB = 1024;
/** Issue 6's target for a page with a terminal, printed next to the enforced budget. */
const TARGET_WITH_TERMINAL = 130 * KB;
const WITH_TERMINAL = 305 * KB;
const WITHOUT_TERMINAL = 20 * KB;

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return pages(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

function chunkPath(from: string, specifier: string): string {
  return specifier.startsWith('/') ? join(DIST, specifier) : join(from, '..', specifier);
}

/** A script and everything it imports, as a set of files. */
function closure(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const code = readFileSync(entry, 'utf8');
  // import … from, import(…), and new URL(…) (how Vite references a Web Worker's script).
  const imports = [
    ...code.matchAll(/(?:import|from|new URL)\s*\(?\s*["'`]([^"'`]+\.js)["'`]/g),
  ].map((m) => m[1] as string);
  for (const specifier of imports) closure(chunkPath(entry, specifier), seen);
  return seen;
}

let failed = false;
for (const page of pages(DIST)) {
  const html = readFileSync(page, 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) =>
    chunkPath(page, m[1] as string),
  );
  const files = new Set<string>();
  for (const script of scripts) for (const file of closure(script)) files.add(file);
  const sizes = [...files].map((file) => ({ file, gzipped: gzipSync(readFileSync(file)).length }));
  const gzipped = sizes.reduce((sum, { gzipped: size }) => sum + size, 0);
  const hasTerminal = html.includes('<stepdown-terminal');
  const budget = hasTerminal ? WITH_TERMINAL : WITHOUT_TERMINAL;
  const verdict = gzipped <= budget ? 'ok' : 'OVER BUDGET';
  if (gzipped > budget) failed = true;
  console.log(
    `${relative(DIST, page).padEnd(24)} ${(gzipped / KB).toFixed(1).padStart(6)} KB gzipped JS (budget ${budget / KB} KB, ${hasTerminal ? `terminal; target ${TARGET_WITH_TERMINAL / KB} KB` : 'no terminal'}) ${verdict}`,
  );
  for (const { file, gzipped: size } of sizes)
    console.log(`  ${(size / KB).toFixed(1).padStart(6)} KB  ${relative(DIST, file)}`);
}
process.exitCode = failed ? 1 : 0;
