import { toExponential, toFixed } from '../lib/exact-decimal.ts';

/**
 * printf-style formatting as mawk hands it to the C library: %c %d %i %o %x
 * %X %u %e %E %f %F %g %G %s %% with flags (-, +, space, #, 0), width and
 * precision (or *). Decimal conversions round as glibc does (exact-decimal.ts).
 */
export function formatG(value: number, precision: number, upper = false, alt = false): string {
  if (!Number.isFinite(value)) return nonFinite(value, upper);
  const p = precision === 0 ? 1 : precision;
  if (value === 0) return alt ? '0.' + '0'.repeat(p - 1) : '0';
  const exp = Number(toExponential(Math.abs(value), p - 1).split('e')[1]);
  let text: string;
  if (exp < -4 || exp >= p) {
    const [mantissa = '', e = ''] = toExponential(value, p - 1).split('e');
    text = (alt ? mantissa : stripZeros(mantissa)) + 'e' + e;
  } else {
    const fixed = toFixed(value, p - 1 - exp);
    text = alt ? fixed : stripZeros(fixed);
  }
  return upper ? text.toUpperCase() : text;
}

function stripZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

function nonFinite(value: number, upper: boolean): string {
  const text = Number.isNaN(value) ? 'nan' : value > 0 ? 'inf' : '-inf';
  return upper ? text.toUpperCase() : text;
}

export interface FormatArgs {
  next(): { str: () => string; num: () => number } | undefined;
}

export function sprintf(format: string, args: FormatArgs): string {
  let out = '';
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch !== '%') {
      out += ch;
      continue;
    }
    const m = /^([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([cdiouxXeEfFgGs%])/.exec(format.slice(i + 1));
    if (!m) {
      out += ch;
      continue;
    }
    i += m[0].length;
    const conv = m[4] as string;
    if (conv === '%') {
      out += '%';
      continue;
    }
    const flags = m[1] ?? '';
    let width = m[2] === '*' ? Math.trunc(args.next()?.num() ?? 0) : m[2] ? Number(m[2]) : 0;
    let left = flags.includes('-');
    if (width < 0) {
      left = true;
      width = -width;
    }
    const precisionText = m[3] === '*' ? String(Math.trunc(args.next()?.num() ?? 0)) : m[3];
    const precision = precisionText === undefined ? undefined : Number(precisionText || '0');
    const arg = args.next();
    let body = convert(conv, flags, precision, arg);
    const numeric = conv !== 's' && conv !== 'c';
    if (numeric && flags.includes('0') && !left && precision === undefined) {
      const sign = /^[-+ ]/.test(body) ? (body[0] as string) : '';
      const digits = body.slice(sign.length);
      body = sign + digits.padStart(width - sign.length, '0');
    } else if (numeric && flags.includes('0') && !left && 'eEfFgG'.includes(conv)) {
      const sign = /^[-+ ]/.test(body) ? (body[0] as string) : '';
      body = sign + body.slice(sign.length).padStart(width - sign.length, '0');
    }
    out += left ? body.padEnd(width) : body.padStart(width);
  }
  return out;
}

function convert(
  conv: string,
  flags: string,
  precision: number | undefined,
  arg: { str: () => string; num: () => number } | undefined,
): string {
  const sign = (n: number, text: string) =>
    n >= 0 || Object.is(n, 0)
      ? (flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '') + text
      : text;
  if (conv === 's') {
    const s = arg?.str() ?? '';
    return precision === undefined ? s : s.slice(0, precision);
  }
  if (conv === 'c') {
    if (!arg) return '';
    const s = arg.str();
    const n = arg.num();
    return /^-?[\d.]/.test(s) && !Number.isNaN(n) && String(n) === s.trim()
      ? String.fromCharCode(Math.trunc(n))
      : s.slice(0, 1);
  }
  const n = arg?.num() ?? 0;
  if ('diouxX'.includes(conv)) {
    const int = Math.trunc(n);
    let digits: string;
    if (conv === 'o') digits = Math.abs(int).toString(8);
    else if (conv === 'x') digits = Math.abs(int).toString(16);
    else if (conv === 'X') digits = Math.abs(int).toString(16).toUpperCase();
    else digits = Math.abs(int).toString();
    if (precision !== undefined) digits = digits.padStart(precision, '0');
    const text = int < 0 ? '-' + digits : digits;
    return 'di'.includes(conv) ? sign(int, text) : text;
  }
  const p = precision ?? 6;
  if (conv === 'f' || conv === 'F')
    return sign(n, Number.isFinite(n) ? toFixed(n, p) : nonFinite(n, conv === 'F'));
  if (conv === 'e' || conv === 'E') {
    const text = Number.isFinite(n) ? toExponential(n, p) : nonFinite(n, false);
    return sign(n, conv === 'E' ? text.toUpperCase() : text);
  }
  return sign(n, formatG(n, p, conv === 'G', flags.includes('#')));
}
