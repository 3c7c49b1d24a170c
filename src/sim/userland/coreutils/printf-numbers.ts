import { toExponential, toFixed } from '../lib/exact-decimal.ts';

/**
 * The C printf(3) conversions coreutils printf(1) hands its arguments to
 * (%d %i %o %u %x %X with intmax_t, %f %e %g %a with long double), and the
 * argument parsing of coreutils 9.1 src/printf.c (vstrtoimax, vstrtold).
 */
export interface Spec {
  readonly flags: string;
  readonly width: number | undefined;
  readonly precision: number | undefined;
  readonly conversion: string;
}

export interface Converted<T> {
  readonly value: T;
  /** The diagnostic printf prints (without "printf: "), if the argument was not a clean number. */
  readonly problem?: string;
}

const INTMAX = 2n ** 63n - 1n;
const INTMIN = -(2n ** 63n);

/** strtoimax(3) with base 0 (an empty argument is 0 without complaint: *end is already NUL) (0x hex, 0 octal), plus printf's 'c character constants. */
export function parseInteger(arg: string, quoted: string): Converted<bigint> {
  if (arg === '') return { value: 0n };
  const constant = characterConstant(arg);
  if (constant !== undefined) return { value: BigInt(constant) };
  const match = /^[ \t\n\v\f\r]*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)/.exec(arg);
  if (!match) return { value: 0n, problem: `${quoted}: expected a numeric value` };
  const digits = match[2] as string;
  let value = BigInt(/^0[0-7]+$/.test(digits) ? '0o' + digits.slice(1) : digits);
  if (match[1] === '-') value = -value;
  if (value > INTMAX || value < INTMIN)
    return {
      value: value > 0n ? INTMAX : INTMIN,
      problem: `${quoted}: Numerical result out of range`,
    };
  if (match[0].length < arg.length)
    return { value, problem: `${quoted}: value not completely converted` };
  return { value };
}

/** strtold(3): decimal with exponent, inf, nan ("-nan" keeps its sign: `negative`). */
export function parseFloat(
  arg: string,
  quoted: string,
): Converted<number> & { negative?: boolean } {
  if (arg === '') return { value: 0 };
  const constant = characterConstant(arg);
  if (constant !== undefined) return { value: constant };
  const match =
    /^[ \t\n\v\f\r]*([+-]?)(inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i.exec(arg);
  if (!match) return { value: 0, problem: `${quoted}: expected a numeric value` };
  const body = (match[2] as string).toLowerCase();
  let value = body.startsWith('inf') ? Infinity : body === 'nan' ? NaN : Number(body);
  if (match[1] === '-') value = -value;
  const negative = match[1] === '-';
  if (match[0].length < arg.length)
    return { value, negative, problem: `${quoted}: value not completely converted` };
  return { value, negative };
}

function characterConstant(arg: string): number | undefined {
  if ((arg.startsWith("'") || arg.startsWith('"')) && arg.length > 1)
    return arg.codePointAt(1) ?? 0;
  return undefined;
}

export function formatInteger(value: bigint, spec: Spec): string {
  const c = spec.conversion;
  const unsigned = c !== 'd' && c !== 'i';
  const v = unsigned && value < 0n ? value + 2n ** 64n : value;
  const negative = v < 0n;
  const abs = negative ? -v : v;
  const base = c === 'o' ? 8 : c === 'x' || c === 'X' ? 16 : 10;
  let digits = abs.toString(base);
  if (c === 'X') digits = digits.toUpperCase();
  if (spec.precision !== undefined) {
    digits = spec.precision === 0 && abs === 0n ? '' : digits.padStart(spec.precision, '0');
  }
  if (spec.flags.includes('#') && c === 'o' && !digits.startsWith('0')) digits = '0' + digits;
  let prefix = negative ? '-' : unsigned ? '' : signPrefix(spec.flags);
  if (spec.flags.includes('#') && abs !== 0n && base === 16) prefix += c === 'X' ? '0X' : '0x';
  return pad(prefix, digits, spec, spec.precision === undefined);
}

export function formatFloat(value: number, spec: Spec, negativeNan = false): string {
  const upper = spec.conversion === spec.conversion.toUpperCase();
  const negative = value < 0 || Object.is(value, -0) || negativeNan;
  const abs = Math.abs(value);
  const prefix = negative ? '-' : signPrefix(spec.flags);
  if (!Number.isFinite(abs)) {
    const word = Number.isNaN(abs) ? 'nan' : 'inf';
    return pad(prefix, upper ? word.toUpperCase() : word, spec, false);
  }
  const precision = spec.precision ?? 6;
  const alt = spec.flags.includes('#');
  const kind = spec.conversion.toLowerCase();
  let body =
    kind === 'f'
      ? toFixed(abs, precision)
      : kind === 'e'
        ? toExponential(abs, precision)
        : general(abs, precision, alt);
  if (alt && !body.includes('.')) body = body.replace(/^(\d+)/, '$1.');
  return pad(prefix, upper ? body.toUpperCase() : body, spec, true);
}

/** %g: %e or %f by the exponent, trailing zeros removed unless '#'. */
function general(abs: number, precision: number, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  const x = abs === 0 ? 0 : Number(toExponential(abs, p - 1).split('e')[1]);
  const body = p > x && x >= -4 ? toFixed(abs, p - 1 - x) : toExponential(abs, p - 1);
  if (alt) return body;
  const [mantissa, exponent] = body.split('e') as [string, string | undefined];
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return exponent === undefined ? trimmed : `${trimmed}e${exponent}`;
}

function signPrefix(flags: string): string {
  return flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
}

/** Width padding: spaces left (or right with '-'), or zeros after the sign with '0'. */
export function pad(prefix: string, body: string, spec: Spec, zeroAllowed: boolean): string {
  const width = spec.width ?? 0;
  const length = prefix.length + body.length;
  if (length >= Math.abs(width)) return prefix + body;
  const fill = Math.abs(width) - length;
  if (spec.flags.includes('-') || width < 0) return prefix + body + ' '.repeat(fill);
  if (spec.flags.includes('0') && zeroAllowed) return prefix + '0'.repeat(fill) + body;
  return ' '.repeat(fill) + prefix + body;
}
