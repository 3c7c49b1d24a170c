/**
 * The service worker that keeps the site working offline after its first
 * load (ADR 0013). It precaches every built file when it installs, answers
 * requests for them from that cache first, and leaves every other request
 * to the network, as if it were not there. Each deploy's precache has its
 * own cache, named by the precache's version; a new version takes over at
 * once and deletes the caches of older ones but the one before it, whose
 * pages may still be open and load their chunks from it.
 *
 * The build writes the precache into the script (scripts/service-worker.ts);
 * service-worker-entry.ts starts it on the worker's global scope.
 */
import { precachedUrl, type Precache } from './precache.ts';

export interface ExtendableEvent {
  waitUntil(promise: Promise<unknown>): void;
}

export interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}

/**
 * The parts of a ServiceWorkerGlobalScope this worker uses (the site
 * compiles against the DOM's types, which have no service worker scope).
 */
export interface ServiceWorkerScope {
  readonly registration: { readonly scope: string };
  readonly caches: CacheStorage;
  readonly clients: { claim(): Promise<void> };
  fetch(request: Request): Promise<Response>;
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}

/** The start of every cache name of this service worker (the site's caches, no one else's). */
export const CACHE_PREFIX = 'stepdown-precache';

/**
 * The cache of one version of the site deployed at `scope`. The scope is in
 * the name so that two copies of the site on one origin (say /a/ and /b/)
 * never delete each other's caches.
 */
export function cacheName(scope: string, version: string): string {
  return `${CACHE_PREFIX} ${scope} ${version}`;
}

export function serveOffline(worker: ServiceWorkerScope, precache: Precache): void {
  const scope = worker.registration.scope;
  const current = cacheName(scope, precache.version);
  const absolute = (url: string) => new URL(url, scope).href;
  const precached = new Set(precache.urls.map(absolute));
  const revalidate = new Set(precache.revalidate.map(absolute));
  const ours = `${CACHE_PREFIX} ${scope} `;
  /** Where the build puts its hashed files (`_astro/`): a page of an older version loads its own there. */
  const assetFolders = [...precached]
    .filter((url) => !revalidate.has(url))
    .map((url) => url.slice(0, url.lastIndexOf('/') + 1));

  async function precacheAll(): Promise<void> {
    // The same version may be here already (this script changed, not the site): keep what it
    // holds, fill in what it lacks, and never delete a cache pages are using.
    const existed = await worker.caches.has(current);
    const cache = await worker.caches.open(current);
    try {
      await Promise.all(
        [...precached].map(async (url) => {
          if (existed && (await cache.match(url))) return;
          const cacheMode = revalidate.has(url) ? 'no-cache' : 'default';
          const response = await worker.fetch(new Request(url, { cache: cacheMode }));
          if (!response.ok) throw new Error(`precaching ${url}: HTTP ${response.status}`);
          await cache.put(url, response.redirected ? await withoutRedirect(response) : response);
        }),
      );
    } catch (error) {
      // The install fails and this worker is discarded: leave no half-filled cache behind.
      if (!existed) await worker.caches.delete(current);
      throw error;
    }
  }

  /** This site's caches of other versions, oldest first (CacheStorage keeps creation order). */
  async function olderVersions(): Promise<string[]> {
    const names = await worker.caches.keys();
    return names.filter((name) => name.startsWith(ours) && name !== current);
  }

  async function deleteOlderVersions(): Promise<void> {
    const older = await olderVersions();
    const previous = older.at(-1);
    await Promise.all(
      older.filter((name) => name !== previous).map((name) => worker.caches.delete(name)),
    );
  }

  async function cacheFirst(url: string, request: Request): Promise<Response> {
    const cache = await worker.caches.open(current);
    return (await cache.match(url)) ?? worker.fetch(request);
  }

  /** A hashed file this version does not have: an older version's page may be asking for it. */
  async function olderOrNetwork(request: Request): Promise<Response> {
    for (const name of (await olderVersions()).reverse()) {
      const cache = await worker.caches.open(name);
      const response = await cache.match(request.url);
      if (response) return response;
    }
    return worker.fetch(request);
  }

  // Installed once every file is in the cache; then it takes over at once, pages already open
  // included, rather than waiting for every tab of the old version to close.
  worker.addEventListener('install', (event) => {
    event.waitUntil(precacheAll().then(() => worker.skipWaiting()));
  });
  worker.addEventListener('activate', (event) => {
    event.waitUntil(deleteOlderVersions().then(() => worker.clients.claim()));
  });
  worker.addEventListener('fetch', (event) => {
    if (event.request.method !== 'GET') return;
    const url = precachedUrl(event.request.url, precached);
    if (url !== undefined) event.respondWith(cacheFirst(url, event.request));
    else if (assetFolders.some((folder) => event.request.url.startsWith(folder)))
      event.respondWith(olderOrNetwork(event.request));
    // Anything else is not ours: the browser fetches it as if there were no service worker.
  });
}

/**
 * The response without its "redirected" flag: a host that redirects, say,
 * /zh-cn/ to /zh-cn, still serves the page, but a browser refuses a
 * redirected response from a service worker for a navigation.
 */
async function withoutRedirect(response: Response): Promise<Response> {
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}
