import { describe, expect, it } from 'vitest';
import { precachedUrl, urlOfFile } from '../../src/offline/precache.ts';

describe('urlOfFile', () => {
  it('serves a folder’s index.html at the folder, anything else at its path', () => {
    expect(
      [
        'index.html',
        'zh-cn/index.html',
        'a/b/index.html',
        'favicon.svg',
        '_astro/mount.abc.js',
        'not-index.html',
        'zh-cn/other.html',
      ].map(urlOfFile),
    ).toEqual([
      './',
      'zh-cn/',
      'a/b/',
      'favicon.svg',
      '_astro/mount.abc.js',
      'not-index.html',
      'zh-cn/other.html',
    ]);
  });
});

describe('precachedUrl', () => {
  const precached = new Set([
    'https://s.example/',
    'https://s.example/zh-cn/',
    'https://s.example/_astro/a.js',
    'https://s.example/404.html',
  ]);
  const answer = (url: string) => precachedUrl(url, precached);

  it('finds a page by its folder, without the slash, as index.html, with a query or a fragment', () => {
    expect(
      [
        'https://s.example/',
        'https://s.example/index.html',
        'https://s.example/?q=1',
        'https://s.example/zh-cn',
        'https://s.example/zh-cn/',
        'https://s.example/zh-cn/index.html',
        'https://s.example/zh-cn/index.html?x#y',
      ].map(answer),
    ).toEqual([
      'https://s.example/',
      'https://s.example/',
      'https://s.example/',
      'https://s.example/zh-cn/',
      'https://s.example/zh-cn/',
      'https://s.example/zh-cn/',
      'https://s.example/zh-cn/',
    ]);
  });

  it('finds a file at its path only', () => {
    expect(
      [
        'https://s.example/_astro/a.js',
        'https://s.example/_astro/a.js/',
        'https://s.example/_astro/a.js/index.html',
        'https://s.example/404.html',
        'https://s.example/404.html/',
      ].map(answer),
    ).toEqual([
      'https://s.example/_astro/a.js',
      undefined,
      undefined,
      'https://s.example/404.html',
      undefined,
    ]);
  });

  it('finds nothing elsewhere: other paths, other origins', () => {
    expect(
      [
        'https://s.example/en/',
        'https://s.example/zh-cn/x',
        'http://s.example/',
        'https://other.example/_astro/a.js',
        'https://s.example:8443/',
      ].map(answer),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
