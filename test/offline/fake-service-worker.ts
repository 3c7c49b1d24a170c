/**
 * A service worker's global scope for unit tests: CacheStorage in memory,
 * a network the test answers, and events the test dispatches and awaits.
 */
import type {
  ExtendableEvent,
  FetchEvent,
  ServiceWorkerScope,
} from '../../src/offline/service-worker.ts';

class FakeCache {
  readonly #entries = new Map<string, Response>();

  match(request: RequestInfo | URL): Promise<Response | undefined> {
    return Promise.resolve(this.#entries.get(urlOf(request))?.clone());
  }

  put(request: RequestInfo | URL, response: Response): Promise<void> {
    this.#entries.set(urlOf(request), response);
    return Promise.resolve();
  }

  keys(): Promise<Request[]> {
    return Promise.resolve([...this.#entries.keys()].map((url) => new Request(url)));
  }
}

function urlOf(request: RequestInfo | URL): string {
  if (request instanceof Request) return request.url;
  return new URL(request).href;
}

export class FakeCacheStorage {
  readonly caches = new Map<string, FakeCache>();

  open(name: string): Promise<FakeCache> {
    let cache = this.caches.get(name);
    if (!cache) {
      cache = new FakeCache();
      this.caches.set(name, cache);
    }
    return Promise.resolve(cache);
  }

  keys(): Promise<string[]> {
    return Promise.resolve([...this.caches.keys()]);
  }

  has(name: string): Promise<boolean> {
    return Promise.resolve(this.caches.has(name));
  }

  delete(name: string): Promise<boolean> {
    return Promise.resolve(this.caches.delete(name));
  }

  /** The URLs a cache holds, sorted; undefined when there is no such cache. */
  async urls(name: string): Promise<string[] | undefined> {
    const cache = this.caches.get(name);
    return cache && (await cache.keys()).map((request) => request.url).sort();
  }
}

/** A listener of any of the events, called with the event of its type. */
type Listener = (event: never) => void;

export class FakeServiceWorker implements ServiceWorkerScope {
  readonly registration: { readonly scope: string };
  readonly fakeCaches = new FakeCacheStorage();
  readonly caches = this.fakeCaches as unknown as CacheStorage;
  /** Every request the worker made to the network. */
  readonly fetched: Request[] = [];
  claimed = 0;
  skippedWaiting = 0;
  readonly clients = {
    claim: (): Promise<void> => {
      this.claimed += 1;
      return Promise.resolve();
    },
  };
  /** Answers the worker's network requests; by default a 200 naming the URL. */
  network: (request: Request) => Promise<Response> = (request) =>
    Promise.resolve(new Response(`from the network: ${request.url}`));
  readonly #listeners = new Map<string, Listener[]>();

  constructor(scope: string) {
    this.registration = { scope };
  }

  fetch(request: Request): Promise<Response> {
    this.fetched.push(request);
    return this.network(request);
  }

  skipWaiting(): Promise<void> {
    this.skippedWaiting += 1;
    return Promise.resolve();
  }

  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
  addEventListener(type: string, listener: Listener): void {
    this.#listeners.set(type, [...(this.#listeners.get(type) ?? []), listener]);
  }

  /** Dispatches install and resolves (or rejects) as its waitUntil promises do. */
  install(): Promise<void> {
    return this.#extendable('install');
  }

  activate(): Promise<void> {
    return this.#extendable('activate');
  }

  /** Dispatches a fetch event: the worker's response, or undefined when it left it to the browser. */
  async request(request: Request | string): Promise<Response | undefined> {
    let response: Promise<Response> | undefined;
    const event: FetchEvent = {
      request: typeof request === 'string' ? new Request(request) : request,
      waitUntil: () => undefined,
      respondWith: (answer) => {
        response = answer;
      },
    };
    this.#dispatch('fetch', event);
    return response;
  }

  async #extendable(type: string): Promise<void> {
    const promises: Promise<unknown>[] = [];
    const event: ExtendableEvent = { waitUntil: (promise) => promises.push(promise) };
    this.#dispatch(type, event);
    await Promise.all(promises);
  }

  #dispatch(type: string, event: ExtendableEvent | FetchEvent): void {
    for (const listener of this.#listeners.get(type) ?? [])
      (listener as (event: ExtendableEvent | FetchEvent) => void)(event);
  }
}
