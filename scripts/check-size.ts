/**
 * `npm run size` (part of `npm test`): JavaScript per built page, gzipped,
 * against its budgets. Exits 1 when a page is over one.
 *
 * - Up front: every script the page references and every chunk they import,
 *   including the simulator's Web Worker (`new URL(…)`) and the worker's
 *   static imports: all a page downloads to reach a ready terminal.
 * - On demand: what the worker imports dynamically (`import(…)`), the pieces
 *   of the simulator it fetches when a program first needs them or once the
 *   prompt is up (ADR 0010), and all they import. For a page whose scripts
 *   register the service worker (ADR 0013), also sw.js, fetched after load
 *   (once the terminal is ready and the browser idle), and any script it
 *   precaches that the page would not fetch anyway (none today: every page
 *   fetches the same chunks). Not up front: nothing waits for them, and the
 *   page works without them. The pages and the favicon it also precaches
 *   are not JavaScript.
 *
 * Issue 6's budgets, enforced: 130 KB up front for a page with a terminal
 * and 20 KB for a page without. At the end of 2026-11-29 a terminal page
 * took 128.5 KB: xterm.js and its glue 79.0 (its private names shortened,
 * scripts/xterm-private-names.ts), the worker's first chunk (kernel, line
 * discipline, the shells' core, the walkthrough probes) 44.7, the terminal's
 * script with the service worker's registration 1.9 and small shared chunks
 * 2.8; the shells' rarer builtins and arithmetic are paged in (ADR 0011).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { SERVICE_WORKER_FILE } from '../src/offline/precache.ts';
import { precacheManifest } from './precache-manifest.ts';

const DIST = process.env.STEPDOWN_OUT_DIR || join(import.meta.dirname, '../dist');
const KB = 1024;
const UP_FRONT_WITH_TERMINAL = 130 * KB;
const UP_FRONT_WITHOUT_TERMINAL = 20 * KB;
/** Everything a terminal page may ever fetch, the pieces included. */
const IN_ALL_WITH_TERMINAL = 320 * KB;

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

interface Imports {
  /** import … from, import "…" */
  readonly static: string[];
  /** import(…) */
  readonly dynamic: string[];
  /** new URL(…): how Vite references a Web Worker's script */
  readonly worker: string[];
}

function importsOf(file: string): Imports {
  const code = readFileSync(file, 'utf8');
  const specifiers = (pattern: RegExp) =>
    [...code.matchAll(pattern)].map((m) => chunkPath(file, m[1] as string));
  return {
    static: specifiers(/(?:\bfrom\s*|\bimport\s*)["'`]([^"'`]+\.js)["'`]/g),
    dynamic: specifiers(/\bimport\s*\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g),
    worker: specifiers(/new URL\s*\(\s*["'`]([^"'`]+\.js)["'`]/g),
  };
}

/**
 * What a page fetches to reach a ready terminal (its scripts, all they
 * import, the worker and the worker's static imports), and what the worker
 * fetches on demand (its dynamic imports and all they import).
 */
function split(scripts: readonly string[]): { upFront: Set<string>; onDemand: Set<string> } {
  const upFront = new Set<string>();
  const roots: string[] = [];
  const visit = (file: string, inWorker: boolean) => {
    if (upFront.has(file)) return;
    upFront.add(file);
    const imports = importsOf(file);
    for (const next of imports.static) visit(next, inWorker);
    for (const next of imports.worker) visit(next, true);
    if (inWorker) roots.push(...imports.dynamic);
    else for (const next of imports.dynamic) visit(next, inWorker);
  };
  for (const script of scripts) visit(script, false);
  const onDemand = new Set<string>();
  const fetchLater = (file: string) => {
    if (upFront.has(file) || onDemand.has(file)) return;
    onDemand.add(file);
    const imports = importsOf(file);
    for (const next of [...imports.static, ...imports.dynamic, ...imports.worker]) fetchLater(next);
  };
  for (const root of roots) fetchLater(root);
  return { upFront, onDemand };
}

/** A page's scripts register the service worker if they name its script. */
function registersServiceWorker(files: Iterable<string>): boolean {
  const name = new RegExp(`["'\`][^"'\`]*\\b${SERVICE_WORKER_FILE.replace('.', '\\.')}["'\`]`);
  return [...files].some((file) => name.test(readFileSync(file, 'utf8')));
}

/**
 * What the service worker adds to what a page fetches: its own script and
 * the scripts it precaches that the page would not fetch anyway.
 */
function serviceWorkerFiles(counted: ReadonlySet<string>): string[] {
  const precached = precacheManifest(DIST)
    .urls.filter((url) => url.endsWith('.js'))
    .map((url) => join(DIST, url));
  return [join(DIST, SERVICE_WORKER_FILE), ...precached.filter((file) => !counted.has(file))];
}

function gzipped(files: Iterable<string>): { file: string; size: number }[] {
  return [...files].map((file) => ({ file, size: gzipSync(readFileSync(file)).length }));
}

const total = (sizes: { size: number }[]) => sizes.reduce((sum, { size }) => sum + size, 0);
const kb = (bytes: number) => `${(bytes / KB).toFixed(1).padStart(6)} KB`;

let failed = false;
for (const page of pages(DIST)) {
  const html = readFileSync(page, 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) =>
    chunkPath(page, m[1] as string),
  );
  const files = split(scripts);
  const byServiceWorker = registersServiceWorker(files.upFront)
    ? serviceWorkerFiles(new Set([...files.upFront, ...files.onDemand]))
    : [];
  for (const file of byServiceWorker) files.onDemand.add(file);
  const upFront = gzipped(files.upFront);
  const onDemand = gzipped(files.onDemand);
  const hasTerminal = html.includes('<stepdown-terminal');
  const budget = hasTerminal ? UP_FRONT_WITH_TERMINAL : UP_FRONT_WITHOUT_TERMINAL;
  const inAll = total(upFront) + total(onDemand);
  const over = total(upFront) > budget || (hasTerminal && inAll > IN_ALL_WITH_TERMINAL);
  if (over) failed = true;
  console.log(
    `${relative(DIST, page).padEnd(24)} ${kb(total(upFront))} gzipped JS up front (budget ${budget / KB} KB, ${hasTerminal ? 'terminal' : 'no terminal'}), ${kb(total(onDemand))} on demand, ${kb(inAll)} in all${hasTerminal ? ` (budget ${IN_ALL_WITH_TERMINAL / KB} KB)` : ''} ${over ? 'OVER BUDGET' : 'ok'}`,
  );
  for (const { file, size } of upFront) console.log(`  ${kb(size)}  ${relative(DIST, file)}`);
  for (const { file, size } of onDemand)
    console.log(
      `  ${kb(size)}  ${relative(DIST, file)} (on demand${byServiceWorker.includes(file) ? ', service worker, after load' : ''})`,
    );
}
process.exitCode = failed ? 1 : 0;
