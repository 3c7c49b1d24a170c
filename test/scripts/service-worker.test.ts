import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  serviceWorkerScript,
  UNREGISTERING_SCRIPT,
  writeServiceWorker,
} from '../../scripts/service-worker.ts';
import { cacheName } from '../../src/offline/service-worker.ts';
import { FakeServiceWorker } from '../offline/fake-service-worker.ts';

const SCOPE = 'https://stepdown.example/';

/** Runs a service worker's script as the browser would, on a fake global scope. */
function start(script: string, worker: FakeServiceWorker): void {
  runInNewContext(script, { self: worker, URL, Request, Response, Error, Promise, Set });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'service-worker-'));
  mkdirSync(join(dir, '_astro'));
  writeFileSync(join(dir, 'index.html'), '<html>');
  writeFileSync(join(dir, '_astro/mount.abc.js'), 'export{}');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('writeServiceWorker', () => {
  it('writes sw.js at the root of the build: a script that precaches the built files under their version', async () => {
    const precache = await writeServiceWorker(dir);
    const worker = new FakeServiceWorker(SCOPE);
    start(readFileSync(join(dir, 'sw.js'), 'utf8'), worker);
    await worker.install();
    await worker.activate();
    expect(await worker.fakeCaches.keys()).toEqual([cacheName(SCOPE, precache.version)]);
    expect(await worker.fakeCaches.urls(cacheName(SCOPE, precache.version))).toEqual([
      'https://stepdown.example/',
      'https://stepdown.example/_astro/mount.abc.js',
    ]);
    const page = await worker.request('https://stepdown.example/index.html');
    expect(await page?.text()).toBe('from the network: https://stepdown.example/');
  });

  it('writes a script whose bytes change when a built file does (how browsers see a new deploy)', async () => {
    await writeServiceWorker(dir);
    const first = readFileSync(join(dir, 'sw.js'), 'utf8');
    writeFileSync(join(dir, 'index.html'), '<html><!-- 2 -->');
    await writeServiceWorker(dir);
    expect(readFileSync(join(dir, 'sw.js'), 'utf8')).not.toBe(first);
  });
});

describe('serviceWorkerScript', () => {
  it('is one classic script, minified, without imports (a service worker of type "classic")', async () => {
    const script = await serviceWorkerScript({ version: 'v', urls: ['./'], revalidate: ['./'] });
    expect(script).not.toMatch(/^\s*(import|export)\b/m);
    expect(script.trim().split('\n')).toHaveLength(1);
  });
});

describe('UNREGISTERING_SCRIPT (astro dev’s /sw.js)', () => {
  it('deletes the site’s caches, no one else’s, and unregisters', async () => {
    const worker = new FakeServiceWorker(SCOPE);
    await worker.fakeCaches.open(cacheName(SCOPE, 'v1'));
    await worker.fakeCaches.open('someone-elses-cache');
    let unregistered = 0;
    Object.assign(worker.registration, { unregister: () => Promise.resolve(++unregistered) });
    runInNewContext(UNREGISTERING_SCRIPT, { self: worker, caches: worker.caches, Promise });
    await worker.install();
    expect(worker.skippedWaiting).toBe(1);
    await worker.activate();
    expect(await worker.fakeCaches.keys()).toEqual(['someone-elses-cache']);
    expect(unregistered).toBe(1);
  });
});
