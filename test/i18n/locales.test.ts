import { describe, expect, it } from 'vitest';
import config from '../../astro.config.mjs';
import {
  DEFAULT_LOCALE,
  htmlLang,
  LOCALES,
  localizedPath,
  splitLocale,
  toLocale,
} from '../../src/i18n/locales.ts';
import { STRINGS } from '../../src/i18n/strings.ts';

describe('locales', () => {
  it('match the i18n routing of astro.config.mjs', () => {
    expect(config.i18n?.locales).toEqual([...LOCALES]);
    expect(config.i18n?.defaultLocale).toBe(DEFAULT_LOCALE);
  });

  it('give BCP 47 tags for <html lang>', () => {
    expect(LOCALES.map(htmlLang)).toEqual(['en', 'zh-CN']);
  });

  it.each([
    ['en', '/', '/'],
    ['zh-cn', '/', '/zh-cn/'],
    ['en', 'lessons/pid-1/', '/lessons/pid-1/'],
    ['zh-cn', '/lessons/pid-1/', '/zh-cn/lessons/pid-1/'],
  ] as const)('localizedPath(%s, %s) is %s and splitLocale inverts it', (locale, path, url) => {
    expect(localizedPath(locale, path)).toBe(url);
    expect(splitLocale(url)).toEqual({ locale, path: '/' + path.replace(/^\//, '') });
  });

  it('falls back to the default locale for anything unknown', () => {
    expect(toLocale(undefined)).toBe('en');
    expect(toLocale('fr')).toBe('en');
    expect(toLocale('zh-cn')).toBe('zh-cn');
    expect(splitLocale('/en/x')).toEqual({ locale: 'en', path: '/en/x' });
  });
});

describe('UI strings', () => {
  it('are complete and non-empty in every language', () => {
    const keys = Object.keys(STRINGS.en).sort();
    for (const locale of LOCALES) {
      const table = STRINGS[locale];
      expect(Object.keys(table).sort()).toEqual(keys);
      const empty = Object.entries(table).filter(([, value]) => String(value).trim() === '');
      expect(empty).toEqual([]);
    }
  });

  it('say in two sentences what Stepdown teaches', () => {
    expect(STRINGS.en.intro.split(/(?<=[.])\s+/)).toHaveLength(2);
    expect(STRINGS['zh-cn'].intro.split(/(?<=。)/).filter(Boolean)).toHaveLength(2);
  });
});
