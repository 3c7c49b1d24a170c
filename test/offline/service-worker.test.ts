import { describe, expect, it } from 'vitest';
import type { Precache } from '../../src/offline/precache.ts';
import { cacheName, serveOffline } from '../../src/offline/service-worker.ts';
import { FakeServiceWorker } from './fake-service-worker.ts';

const SCOPE = 'https://stepdown.example/';
const PRECACHE: Precache = {
  version: 'v1',
  urls: ['_astro/mount.abc.js', '_astro/commands-def.js', 'favicon.svg', './', 'zh-cn/'],
  revalidate: ['favicon.svg', './', 'zh-cn/'],
};
const CURRENT = cacheName(SCOPE, 'v1');

function installed(precache = PRECACHE, scope = SCOPE): FakeServiceWorker {
  const worker = new FakeServiceWorker(scope);
  serveOffline(worker, precache);
  return worker;
}

describe('install', () => {
  it('precaches every URL in a cache named by the version, then takes over without waiting', async () => {
    const worker = installed();
    await worker.install();
    expect(await worker.fakeCaches.keys()).toEqual([CURRENT]);
    expect(await worker.fakeCaches.urls(CURRENT)).toEqual([
      'https://stepdown.example/',
      'https://stepdown.example/_astro/commands-def.js',
      'https://stepdown.example/_astro/mount.abc.js',
      'https://stepdown.example/favicon.svg',
      'https://stepdown.example/zh-cn/',
    ]);
    expect(worker.skippedWaiting).toBe(1);
  });

  it('revalidates the files whose names do not change with their content; hashed ones may come from the HTTP cache', async () => {
    const worker = installed();
    await worker.install();
    const modes = Object.fromEntries(worker.fetched.map((r) => [r.url, r.cache]));
    expect(modes).toEqual({
      'https://stepdown.example/': 'no-cache',
      'https://stepdown.example/zh-cn/': 'no-cache',
      'https://stepdown.example/favicon.svg': 'no-cache',
      'https://stepdown.example/_astro/mount.abc.js': 'default',
      'https://stepdown.example/_astro/commands-def.js': 'default',
    });
  });

  it('fails on a file the server does not have, and leaves no half-filled cache', async () => {
    const worker = installed();
    worker.network = (request) =>
      Promise.resolve(
        request.url.endsWith('commands-def.js')
          ? new Response('not found', { status: 404 })
          : new Response('ok'),
      );
    await expect(worker.install()).rejects.toThrow(
      'precaching https://stepdown.example/_astro/commands-def.js: HTTP 404',
    );
    expect(await worker.fakeCaches.keys()).toEqual([]);
    expect(worker.skippedWaiting).toBe(0);
  });

  it('keeps a page the host redirected, without the redirect (a navigation refuses one)', async () => {
    const worker = installed();
    worker.network = (request) => {
      const response = new Response(`page at ${request.url}`, { headers: { 'X-Page': '1' } });
      Object.defineProperty(response, 'redirected', { value: request.url.endsWith('/zh-cn/') });
      return Promise.resolve(response);
    };
    await worker.install();
    const page = await worker.request('https://stepdown.example/zh-cn/');
    expect(page?.redirected).toBe(false);
    expect(page?.headers.get('X-Page')).toBe('1');
    expect(await page?.text()).toBe('page at https://stepdown.example/zh-cn/');
  });
});

describe('activate', () => {
  it('deletes the caches of older versions of the site at its scope but the one before it, then claims the pages', async () => {
    const worker = installed();
    for (const name of [
      cacheName(SCOPE, 'v-1'),
      cacheName(SCOPE, 'v0'),
      cacheName('https://stepdown.example/other/', 'v0'),
      'someone-elses-cache',
    ]) {
      await worker.fakeCaches.open(name);
    }
    await worker.install();
    expect(worker.claimed).toBe(0);
    await worker.activate();
    expect((await worker.fakeCaches.keys()).sort()).toEqual(
      [
        CURRENT,
        cacheName(SCOPE, 'v0'),
        cacheName('https://stepdown.example/other/', 'v0'),
        'someone-elses-cache',
      ].sort(),
    );
    expect(worker.claimed).toBe(1);
  });

  it('reinstalling the same version (only this script changed) keeps its cache, even when the install fails', async () => {
    const first = installed();
    await first.install();
    await first.activate();
    const again = new FakeServiceWorker(SCOPE);
    Object.defineProperty(again, 'caches', { value: first.caches });
    serveOffline(again, PRECACHE);
    again.network = () => Promise.resolve(new Response('gone', { status: 404 }));
    await again.install();
    // Nothing was missing, so nothing was fetched and nothing failed.
    expect(again.fetched).toEqual([]);
    // A file lost from it (evicted) is fetched again; if that fails, the cache stays.
    const cache = first.fakeCaches.caches.get(CURRENT);
    await first.fakeCaches.delete(CURRENT);
    await first.fakeCaches.open(CURRENT);
    for (const url of (await cache?.keys()) ?? []) {
      if (!url.url.endsWith('favicon.svg'))
        await (await first.fakeCaches.open(CURRENT)).put(url.url, new Response('kept'));
    }
    await expect(again.install()).rejects.toThrow(
      'precaching https://stepdown.example/favicon.svg: HTTP 404',
    );
    expect(await first.fakeCaches.urls(CURRENT)).toHaveLength(4);
  });

  it('a second deploy: its worker installs beside the first, and activating it deletes the first one’s cache', async () => {
    const first = installed();
    await first.install();
    await first.activate();
    const second = new FakeServiceWorker(SCOPE);
    // The same origin's caches: the second worker sees what the first one left.
    Object.defineProperty(second, 'caches', { value: first.caches });
    serveOffline(second, { ...PRECACHE, version: 'v2' });
    await second.install();
    expect((await first.fakeCaches.keys()).sort()).toEqual([CURRENT, cacheName(SCOPE, 'v2')]);
    await second.activate();
    // The first version stays while its pages may still be loading their chunks; a third
    // deploy's activation removes it.
    expect((await first.fakeCaches.keys()).sort()).toEqual([CURRENT, cacheName(SCOPE, 'v2')]);
    const third = new FakeServiceWorker(SCOPE);
    Object.defineProperty(third, 'caches', { value: first.caches });
    serveOffline(third, { ...PRECACHE, version: 'v3' });
    await third.install();
    await third.activate();
    expect((await first.fakeCaches.keys()).sort()).toEqual([
      cacheName(SCOPE, 'v2'),
      cacheName(SCOPE, 'v3'),
    ]);
  });
});

describe('fetch', () => {
  async function ready(): Promise<FakeServiceWorker> {
    const worker = installed();
    worker.network = (request) => Promise.resolve(new Response(`v1 of ${request.url}`));
    await worker.install();
    await worker.activate();
    worker.network = () => Promise.reject(new TypeError('Failed to fetch'));
    worker.fetched.length = 0;
    return worker;
  }

  it('answers the precached files from the cache, without the network', async () => {
    const worker = await ready();
    const script = await worker.request('https://stepdown.example/_astro/commands-def.js');
    expect(await script?.text()).toBe('v1 of https://stepdown.example/_astro/commands-def.js');
    expect(worker.fetched).toEqual([]);
  });

  it('answers a page at its folder, without the trailing slash, as index.html and with a query', async () => {
    const worker = await ready();
    const answers: Record<string, string | undefined> = {};
    for (const url of [
      'https://stepdown.example/',
      'https://stepdown.example/index.html',
      'https://stepdown.example/?utm_source=x#top',
      'https://stepdown.example/zh-cn/',
      'https://stepdown.example/zh-cn',
      'https://stepdown.example/zh-cn/index.html',
    ]) {
      answers[url] = await (await worker.request(url))?.text();
    }
    expect(answers).toEqual({
      'https://stepdown.example/': 'v1 of https://stepdown.example/',
      'https://stepdown.example/index.html': 'v1 of https://stepdown.example/',
      'https://stepdown.example/?utm_source=x#top': 'v1 of https://stepdown.example/',
      'https://stepdown.example/zh-cn/': 'v1 of https://stepdown.example/zh-cn/',
      'https://stepdown.example/zh-cn': 'v1 of https://stepdown.example/zh-cn/',
      'https://stepdown.example/zh-cn/index.html': 'v1 of https://stepdown.example/zh-cn/',
    });
  });

  it('leaves everything else to the browser: other files, other methods, other origins', async () => {
    const worker = await ready();
    const left = [
      new Request('https://stepdown.example/not-built.js'),
      new Request('https://stepdown.example/', { method: 'POST', body: 'x' }),
      new Request('https://stepdown.example/', { method: 'HEAD' }),
      new Request('https://elsewhere.example/_astro/mount.abc.js'),
      new Request('https://elsewhere.example/'),
    ];
    for (const request of left) expect(await worker.request(request)).toBeUndefined();
  });

  it('answers a hashed file of the version before from its cache: a page it served may still ask for it', async () => {
    const worker = await ready();
    const older = await worker.fakeCaches.open(cacheName(SCOPE, 'v0'));
    await older.put('https://stepdown.example/_astro/mount.old.js', new Response('v0 mount'));
    const old = await worker.request('https://stepdown.example/_astro/mount.old.js');
    expect(await old?.text()).toBe('v0 mount');
    // One no version has goes to the network (which is down here).
    await expect(worker.request('https://stepdown.example/_astro/none.js')).rejects.toThrow(
      'Failed to fetch',
    );
    expect(worker.fetched.map((r) => r.url)).toEqual(['https://stepdown.example/_astro/none.js']);
  });

  it('goes to the network for a precached file its cache lost (evicted storage)', async () => {
    const worker = await ready();
    await worker.fakeCaches.delete(CURRENT);
    worker.network = () => Promise.resolve(new Response('from the network'));
    const script = await worker.request('https://stepdown.example/_astro/mount.abc.js');
    expect(await script?.text()).toBe('from the network');
    expect(worker.fetched.map((r) => r.url)).toEqual([
      'https://stepdown.example/_astro/mount.abc.js',
    ]);
  });

  it('serves a site deployed under a folder from that folder', async () => {
    const scope = 'https://docs.example/stepdown/';
    const worker = installed(PRECACHE, scope);
    await worker.install();
    expect(await worker.fakeCaches.urls(cacheName(scope, 'v1'))).toContain(
      'https://docs.example/stepdown/zh-cn/',
    );
    expect(await worker.request('https://docs.example/stepdown/zh-cn')).toBeDefined();
    expect(await worker.request('https://docs.example/zh-cn/')).toBeUndefined();
  });
});
