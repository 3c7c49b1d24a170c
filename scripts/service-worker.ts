/**
 * An Astro integration that writes the service worker (ADR 0013) once the
 * site is built: src/offline/service-worker-entry.ts bundled with esbuild
 * into sw.js at the root of the build, with the precache of every built
 * file (scripts/precache-manifest.ts) written into it. The script's bytes
 * change whenever any built file does, which is how browsers notice a new
 * deploy.
 *
 * `astro dev` builds no service worker: there, /sw.js is one that deletes
 * the site's caches and unregisters itself, so that a browser that once
 * loaded the built site on the same origin (`npm start` uses the same port)
 * is not served the built pages from its cache.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { SERVICE_WORKER_FILE, type Precache } from '../src/offline/precache.ts';
import { CACHE_PREFIX } from '../src/offline/service-worker.ts';
import { precacheManifest } from './precache-manifest.ts';

const ENTRY = fileURLToPath(new URL('../src/offline/service-worker-entry.ts', import.meta.url));

/** The service worker's script for this precache, minified. */
export async function serviceWorkerScript(precache: Precache): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'es2022',
    legalComments: 'none',
    write: false,
    define: { __STEPDOWN_PRECACHE__: JSON.stringify(precache) },
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error('esbuild wrote no service worker');
  return output.text;
}

/** Writes sw.js into the built site in `dir`; returns its precache. */
export async function writeServiceWorker(dir: string, immutableDir?: string): Promise<Precache> {
  const precache = precacheManifest(dir, immutableDir);
  writeFileSync(join(dir, SERVICE_WORKER_FILE), await serviceWorkerScript(precache));
  return precache;
}

/** What `astro dev` serves at /sw.js: a worker that clears the built site's caches and leaves. */
export const UNREGISTERING_SCRIPT = `self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(caches.keys()
  .then((names) => Promise.all(names.filter((name) => name.startsWith(${JSON.stringify(CACHE_PREFIX)}))
    .map((name) => caches.delete(name))))
  .then(() => self.registration.unregister())));
`;

export function serviceWorker(): AstroIntegration {
  let immutableDir = '_astro';
  return {
    name: 'stepdown-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        immutableDir = config.build.assets;
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(`/${SERVICE_WORKER_FILE}`, (_request, response) => {
          response.setHeader('Content-Type', 'text/javascript; charset=utf-8');
          response.end(UNREGISTERING_SCRIPT);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        const precache = await writeServiceWorker(fileURLToPath(dir), immutableDir);
        logger.info(
          `${SERVICE_WORKER_FILE}: ${precache.urls.length} files precached, version ${precache.version}`,
        );
      },
    },
  };
}
