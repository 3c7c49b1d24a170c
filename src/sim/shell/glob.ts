import { Errno } from '../kernel/errno.ts';
import * as sys from '../kernel/syscall-api.ts';
import type { Gen } from './diagnostics.ts';
import { hasGlob, patternSource } from './pattern.ts';

/** Removes the backslashes that protect quoted characters in a pattern. */
export function unescapePattern(pattern: string): string {
  return pattern.replace(/\\([^])/g, '$1');
}

/**
 * Pathname expansion (XCU 2.13.3): each `/`-separated component with a
 * pattern is matched against the directory's entries (readdir), a leading
 * `.` only explicitly; the result is sorted. No match leaves the word as it
 * was (quote removal still applies).
 */
export function* glob(pattern: string): Gen<string[]> {
  const absolute = pattern.startsWith('/');
  const components = pattern.split('/').filter((c, i) => c !== '' || i === 0);
  let paths = [absolute ? '/' : ''];
  for (const [index, component] of components.entries()) {
    if (index === 0 && absolute) continue;
    const next: string[] = [];
    for (const base of paths) {
      const join = (name: string) =>
        base === '' ? name : base.endsWith('/') ? base + name : `${base}/${name}`;
      if (!hasGlob(component)) {
        next.push(join(unescapePattern(component)));
        continue;
      }
      const entries = yield* sys.readdir(base === '' ? '.' : base);
      if (entries instanceof Errno) continue;
      const re = new RegExp(`^${patternSource(component)}$`);
      const dotOk = component.startsWith('.') || component.startsWith('\\.');
      for (const entry of entries.map((e) => e.name).sort()) {
        if (entry === '.' || entry === '..') continue;
        if (entry.startsWith('.') && !dotOk) continue;
        if (re.test(entry)) next.push(join(entry));
      }
    }
    paths = next;
  }
  if (paths.length === 0) return [];
  const existing: string[] = [];
  for (const path of paths) {
    const st = yield* sys.lstat(path);
    if (!(st instanceof Errno)) existing.push(path);
  }
  return existing.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
