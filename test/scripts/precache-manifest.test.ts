import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtFiles, precacheManifest } from '../../scripts/precache-manifest.ts';

let dir: string;

function write(files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
}

/** A built site as Astro writes it, with what a host reads and what the build leaves around. */
const SITE = {
  'index.html': '<html lang="en">',
  'zh-cn/index.html': '<html lang="zh-CN">',
  'favicon.svg': '<svg/>',
  '_astro/mount.abc.js': 'export{}',
  '_astro/commands-def.js': 'export{}',
  '_astro/mount.abc.js.map': '{}',
  _headers: '/*\n  X-Content-Type-Options: nosniff\n',
  _redirects: '/old / 301\n',
  '.nojekyll': '',
  '.well-known/x.txt': 'x',
  'sw.js': 'self.addEventListener("fetch", () => {})',
};

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'precache-'));
  write(SITE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('builtFiles', () => {
  it('lists every file under the folder, "/"-separated and sorted', () => {
    expect(builtFiles(dir)).toEqual([
      '.nojekyll',
      '.well-known/x.txt',
      '_astro/commands-def.js',
      '_astro/mount.abc.js',
      '_astro/mount.abc.js.map',
      '_headers',
      '_redirects',
      'favicon.svg',
      'index.html',
      'sw.js',
      'zh-cn/index.html',
    ]);
  });
});

describe('precacheManifest', () => {
  it('precaches every file the site serves, pages at their folders; not the host’s files, maps, dotfiles or sw.js', () => {
    const { urls, revalidate } = precacheManifest(dir);
    expect(urls).toEqual([
      '_astro/commands-def.js',
      '_astro/mount.abc.js',
      'favicon.svg',
      './',
      'zh-cn/',
    ]);
    // Only _astro/ names carry a hash of their content.
    expect(revalidate).toEqual(['favicon.svg', './', 'zh-cn/']);
  });

  it('takes the folder of hashed files from the build’s configuration', () => {
    write({ 'assets/x.123.js': 'export{}' });
    expect(precacheManifest(dir, 'assets').revalidate).toEqual([
      '_astro/commands-def.js',
      '_astro/mount.abc.js',
      'favicon.svg',
      './',
      'zh-cn/',
    ]);
  });

  it('has a version that is 16 hex digits and the same for the same files', () => {
    const { version } = precacheManifest(dir);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(precacheManifest(dir).version).toBe(version);
  });

  it('has a new version when any precached file changes, is added or goes', () => {
    const versions = new Set([precacheManifest(dir).version]);
    write({ 'zh-cn/index.html': '<html lang="zh-CN"><!-- 2 -->' });
    versions.add(precacheManifest(dir).version);
    write({ 'zh-cn/about/index.html': '<html>' });
    versions.add(precacheManifest(dir).version);
    rmSync(join(dir, 'favicon.svg'));
    versions.add(precacheManifest(dir).version);
    // The same bytes under another name is another site too.
    rmSync(join(dir, 'zh-cn/about/index.html'));
    write({ 'zh-cn/about.html': '<html>' });
    versions.add(precacheManifest(dir).version);
    expect(versions.size).toBe(5);
  });

  it('keeps its version when only files it leaves out change', () => {
    const { version } = precacheManifest(dir);
    write({ _headers: '/*\n', 'sw.js': 'another', '_astro/mount.abc.js.map': '{"v":3}' });
    expect(precacheManifest(dir).version).toBe(version);
  });
});
