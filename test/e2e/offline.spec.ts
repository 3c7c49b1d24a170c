import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { precacheManifest } from '../../scripts/precache-manifest.ts';
import { serveDist } from '../../scripts/serve-dist.ts';
import { writeServiceWorker } from '../../scripts/service-worker.ts';
import { cacheName } from '../../src/offline/service-worker.ts';
import { maskPsTable } from '../support/ps-table.ts';
import { DIST } from './support/built-pages.ts';
import { PROMPT, readyTerminal, run } from './support/terminal.ts';

/**
 * The site works offline after its first load (ADR 0013): the service worker
 * the terminal's script registers precaches every built file, and a reload
 * without a network still gives a working terminal, the pieces of the
 * simulator the worker fetches on demand included (ADR 0010, 0011).
 * playwright.config.ts blocks service workers for the other specs.
 */
test.use({ serviceWorkers: 'allow' });

/** The precache as the build wrote it into sw.js, from the built files themselves. */
const PRECACHE = precacheManifest(DIST);

interface CacheState {
  scope: string;
  /** The names of the caches on the origin. */
  names: string[];
  /** The URLs each of them holds, sorted. */
  urls: Record<string, string[]>;
}

/**
 * Waits until a service worker controls the page and has activated: its
 * precache is complete (it installs only then) and older caches are gone.
 */
async function whenControlled(page: Page): Promise<CacheState> {
  return page.evaluate(async () => {
    const container = navigator.serviceWorker;
    const registration = await container.ready;
    if (!container.controller) {
      await new Promise((resolve) =>
        container.addEventListener('controllerchange', resolve, { once: true }),
      );
    }
    const worker = container.controller;
    if (worker && worker.state !== 'activated') {
      await new Promise<void>((resolve) =>
        worker.addEventListener('statechange', () => {
          if (worker.state === 'activated') resolve();
        }),
      );
    }
    const names = await caches.keys();
    const urls: Record<string, string[]> = {};
    for (const name of names) {
      const requests = await (await caches.open(name)).keys();
      urls[name] = requests.map((request) => request.url).sort();
    }
    return { scope: registration.scope, names, urls };
  });
}

/** Every built file's URL, as the cache must hold it: pages in their folder form. */
function expectedUrls(scope: string, precache = PRECACHE): string[] {
  return precache.urls.map((url) => new URL(url, scope).href).sort();
}

test('after a first load the site works offline: a reload gives a terminal with every piece', async ({
  page,
  context,
}) => {
  // A request the cache cannot answer offline shows as a console error ("Failed to load resource").
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  await page.goto('/');
  await readyTerminal(page);
  const { scope, names, urls } = await whenControlled(page);
  const current = cacheName(scope, PRECACHE.version);
  expect(names).toEqual([current]);
  expect(urls[current]).toEqual(expectedUrls(scope));

  await context.setOffline(true);
  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  const terminal = await readyTerminal(page);
  // The boot piece: bash's own builtins and expansions.
  expect(await run(page, terminal, 'echo $HOME; pwd')).toEqual([
    `${PROMPT}echo $HOME; pwd`,
    '/home/learner',
    '/home/learner',
    PROMPT,
  ]);
  // The shell's paged parts (ADR 0011): printf and arithmetic.
  expect(await run(page, terminal, "printf '%s\\n' $((6*7))")).toEqual([
    `${PROMPT}printf '%s\\n' $((6*7))`,
    '42',
    PROMPT,
  ]);
  // The commands piece (coreutils).
  expect(await run(page, terminal, 'whoami')).toEqual([`${PROMPT}whoami`, 'learner', PROMPT]);
  // The docker piece and its image: BusyBox ps in gosu/alpine, as test/e2e/terminal.spec.ts has
  // it (test/sim/docker/article-images.test.ts): gosu execs ps, so ps is PID 1 and alone.
  const command = 'docker run --rm gosu/alpine gosu root ps aux';
  const [commandLine, ...rest] = await run(page, terminal, command);
  expect({
    commandLine,
    table: maskPsTable(rest.slice(0, -1).join('\n')),
    next: rest.at(-1),
  }).toEqual({
    commandLine: PROMPT + command,
    table: maskPsTable(['PID   USER     TIME  COMMAND', '    1 root      0:00 ps aux'].join('\n')),
    next: PROMPT,
  });
  expect(problems).toEqual([]);
});

test('offline, every page answers at its folder, without the slash and as index.html', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await readyTerminal(page);
  await whenControlled(page);
  await context.setOffline(true);
  for (const [path, lang] of [
    ['/zh-cn/', 'zh-CN'],
    ['/zh-cn', 'zh-CN'],
    ['/zh-cn/index.html', 'zh-CN'],
    ['/index.html', 'en'],
    ['/?from=offline', 'en'],
  ] as const) {
    const response = await page.goto(path);
    expect({
      path,
      fromServiceWorker: response?.fromServiceWorker(),
      status: response?.status(),
    }).toEqual({ path, fromServiceWorker: true, status: 200 });
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
  }
  await page.goto('/zh-cn/');
  const terminal = await readyTerminal(page);
  expect(await run(page, terminal, 'whoami')).toEqual([`${PROMPT}whoami`, 'learner', PROMPT]);
});

test('a new deploy’s service worker takes over, keeping the old deploy’s cache for pages it served', async ({
  page,
}) => {
  // A copy of the built site on a server of its own, so that the test can deploy to it.
  const site = mkdtempSync(join(tmpdir(), 'stepdown-deploy-'));
  cpSync(DIST, site, { recursive: true });
  const { url, server } = await serveDist(site);
  try {
    await page.goto(url);
    await readyTerminal(page);
    const first = await whenControlled(page);
    const oldCache = cacheName(first.scope, PRECACHE.version);
    expect(first.names).toEqual([oldCache]);

    // The second deploy changes a page; the build writes a new sw.js (a new version).
    const page2 = join(site, 'zh-cn/index.html');
    writeFileSync(page2, readFileSync(page2, 'utf8').replace('</body>', '<!-- 2 --></body>'));
    const next = await writeServiceWorker(site);
    expect(next.version).not.toBe(PRECACHE.version);

    // The browser looks for a new sw.js at each navigation; update() does it at once.
    await page.evaluate(async () => {
      const container = navigator.serviceWorker;
      const changed = new Promise((resolve) =>
        container.addEventListener('controllerchange', resolve, { once: true }),
      );
      await (await container.getRegistration())?.update();
      await changed;
    });
    const second = await whenControlled(page);
    const newCache = cacheName(first.scope, next.version);
    // The previous version stays: a page it served may still load its chunks (ADR 0013).
    expect(second.names).toEqual([oldCache, newCache]);
    expect(second.urls[newCache]).toEqual(expectedUrls(first.scope, next));
    // The changed page comes from the new cache.
    const text = await page.evaluate(async () => (await fetch('/zh-cn/')).text());
    expect(text).toContain('<!-- 2 -->');
  } finally {
    server.close();
    rmSync(site, { recursive: true, force: true });
  }
});
