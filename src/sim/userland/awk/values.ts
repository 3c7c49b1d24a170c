import { formatG } from './format.ts';

/**
 * awk's values: numbers, strings, "strnums" (input that looks numeric
 * compares as a number: fields, split() elements, -v assignments) and the
 * uninitialized value (both "" and 0).
 */
export class StrNum {
  readonly s: string;
  constructor(s: string) {
    this.s = s;
  }
}

export const UNINIT = Symbol('uninitialized');
export type Value = number | string | StrNum | typeof UNINIT;

const NUMERIC = /^[ \t\n]*[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?[ \t\n]*$/;
const LEADING = /^[ \t\n]*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)/;

/** strtod on a string: its leading number, else 0. */
export function stringToNumber(s: string): number {
  const m = LEADING.exec(s);
  return m ? Number(m[1]) : 0;
}

export function toNum(v: Value): number {
  if (typeof v === 'number') return v;
  if (v === UNINIT) return 0;
  return stringToNumber(typeof v === 'string' ? v : v.s);
}

/** mawk prints an integral value below 2^31 (its maximum-integer) as an integer, else with CONVFMT/OFMT (%.6g). */
export function numberToString(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 2147483647) return String(n);
  return formatG(n, 6);
}

export function toStr(v: Value): string {
  if (typeof v === 'number') return numberToString(v);
  if (v === UNINIT) return '';
  return typeof v === 'string' ? v : v.s;
}

function numericLike(v: Value): boolean {
  return typeof v === 'number' || v === UNINIT || (v instanceof StrNum && NUMERIC.test(v.s));
}

/** POSIX comparison: numeric when both are numbers or numeric strnums, else as strings. */
export function compare(a: Value, b: Value): number {
  if (numericLike(a) && numericLike(b)) {
    const x = toNum(a);
    const y = toNum(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const x = toStr(a);
  const y = toStr(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function truthy(v: Value): boolean {
  if (typeof v === 'number') return v !== 0;
  if (v === UNINIT) return false;
  if (typeof v === 'string') return v !== '';
  return NUMERIC.test(v.s) ? toNum(v) !== 0 : v.s !== '';
}
