import { patternSource } from '../../shell/pattern.ts';

/**
 * fnmatch(3) without flags, as find -name and -path use it: the shell's
 * pattern matching notation (one implementation: src/sim/shell/pattern.ts),
 * where "*" and "?" also match "/" and a leading ".". FNM_CASEFOLD for -iname.
 */
export function fnmatch(pattern: string, text: string, caseFold = false): boolean {
  return new RegExp(`^${patternSource(pattern)}$`, caseFold ? 'i' : '').test(text);
}
