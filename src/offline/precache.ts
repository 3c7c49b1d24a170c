/**
 * What the service worker precaches (ADR 0013), and which precached URL
 * answers a request. The build (scripts/precache-manifest.ts) describes the
 * built files with these rules; the service worker (service-worker.ts) looks
 * requests up with them: one place for both.
 */

/** The service worker's script, at the root of the built site (its scope is the site). */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The precache, written into the service worker's script at build time. */
export interface Precache {
  /**
   * A hash of the precached files' paths and contents: a deploy that changes
   * any of them has a new version, hence a new cache, and the old one goes.
   */
  readonly version: string;
  /** URLs relative to the service worker's scope; pages in their folder form ("./", "zh-cn/"). */
  readonly urls: readonly string[];
  /**
   * The URLs whose names do not change with their content (the pages, the
   * favicon): precached with a request that revalidates any copy in the
   * browser's HTTP cache. The others (`_astro/name.HASH.js`) may come from it.
   */
  readonly revalidate: readonly string[];
}

const INDEX = 'index.html';

/**
 * The URL, relative to the site's root, a built file is served at: a folder's
 * index.html at the folder ("index.html" at "./", "zh-cn/index.html" at
 * "zh-cn/"), as static hosts serve it and the site links to it; anything
 * else at its path.
 */
export function urlOfFile(file: string): string {
  if (file === INDEX) return './';
  if (file.endsWith(`/${INDEX}`)) return file.slice(0, -INDEX.length);
  return file;
}

/**
 * The precached URL (absolute, as `precached` holds them) that answers a
 * request for `requestUrl`, or undefined. A page answers for its folder with
 * or without the trailing slash and for its index.html (astro.config.mjs's
 * trailingSlash is 'ignore'); a query string or fragment does not change the
 * file, as on a static host. Other origins never match: `precached` holds the
 * site's own URLs only.
 */
export function precachedUrl(
  requestUrl: string,
  precached: ReadonlySet<string>,
): string | undefined {
  const url = new URL(requestUrl);
  url.search = '';
  url.hash = '';
  if (url.pathname.endsWith(`/${INDEX}`)) url.pathname = url.pathname.slice(0, -INDEX.length);
  if (precached.has(url.href)) return url.href;
  if (url.pathname.endsWith('/')) return undefined;
  url.pathname += '/';
  return precached.has(url.href) ? url.href : undefined;
}
