/**
 * The site's languages. The folder under src/pages is the locale name;
 * the HTML `lang` attribute is its BCP 47 tag.
 */
export const LOCALES = ['en', 'zh-cn'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

const HTML_LANG: Record<Locale, string> = { en: 'en', 'zh-cn': 'zh-CN' };

/** The BCP 47 tag for `<html lang>` and `hreflang`. */
export function htmlLang(locale: Locale): string {
  return HTML_LANG[locale];
}

export function isLocale(value: string | undefined): value is Locale {
  return (LOCALES as readonly string[]).includes(value ?? '');
}

/** Astro.currentLocale is `string | undefined`; anything unknown is the default. */
export function toLocale(value: string | undefined): Locale {
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/**
 * The URL of `path` (site-relative, without a locale prefix) in `locale`.
 * The default locale has no prefix: ("en", "/") -> "/", ("zh-cn", "/") -> "/zh-cn/".
 */
export function localizedPath(locale: Locale, path: string): string {
  const clean = '/' + path.replace(/^\/+/, '');
  return locale === DEFAULT_LOCALE ? clean : `/${locale}${clean}`;
}

/** The inverse of localizedPath: which locale a pathname is in and the path without the prefix. */
export function splitLocale(pathname: string): { locale: Locale; path: string } {
  const [, first, ...rest] = pathname.split('/');
  if (first !== DEFAULT_LOCALE && isLocale(first)) {
    return { locale: first, path: '/' + rest.join('/') };
  }
  return { locale: DEFAULT_LOCALE, path: pathname === '' ? '/' : pathname };
}
