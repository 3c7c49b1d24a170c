/**
 * The service worker's precache for a built site (ADR 0013): every file the
 * site serves, by the URL it is served at, and a version that is a hash of
 * their paths and contents, so that any change to any file is a new version.
 * Left out: the service worker's own script, files a static host reads as
 * its configuration and never serves (_headers, _redirects, _routes.json),
 * dotfiles and source maps.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_WORKER_FILE, urlOfFile, type Precache } from '../src/offline/precache.ts';

/** Read by Netlify, Cloudflare Pages and the like, not served. */
const HOST_CONFIGURATION = new Set(['_headers', '_redirects', '_routes.json']);

/** The built files, as paths relative to `dir` with "/" separators, sorted. */
export function builtFiles(dir: string): string[] {
  const walk = (folder: string): string[] =>
    readdirSync(join(dir, folder), { withFileTypes: true }).flatMap((entry) => {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      return entry.isDirectory() ? walk(path) : [path];
    });
  return walk('').sort();
}

function precached(file: string): boolean {
  const name = file.split('/').at(-1) ?? file;
  return (
    file !== SERVICE_WORKER_FILE &&
    !HOST_CONFIGURATION.has(file) &&
    !file.split('/').some((part) => part.startsWith('.')) &&
    !name.endsWith('.map')
  );
}

/**
 * The precache of the site built into `dir`. `immutableDir` is where the
 * build puts the files whose names carry a hash of their content (Astro's
 * build.assets, "_astro"): the others are revalidated when precached.
 */
export function precacheManifest(dir: string, immutableDir = '_astro'): Precache {
  const files = builtFiles(dir).filter(precached);
  const version = createHash('sha256');
  for (const file of files) {
    const content = createHash('sha256')
      .update(readFileSync(join(dir, file)))
      .digest('hex');
    version.update(`${file} ${content}\n`);
  }
  return {
    version: version.digest('hex').slice(0, 16),
    urls: files.map(urlOfFile),
    revalidate: files.filter((file) => !file.startsWith(`${immutableDir}/`)).map(urlOfFile),
  };
}
