/**
 * Decimal rounding of binary doubles the way glibc's printf does it: from
 * the exact value of the double, ties to even. JavaScript's toFixed rounds
 * ties away from zero (printf '%.1f' 2.25 gives 2.2, toFixed gives 2.3).
 */
export interface Digits {
  /** The exact decimal digits, without leading zeros ("" for zero). */
  readonly digits: string;
  /** Where the decimal point goes: value = 0.DIGITS × 10^point. */
  readonly point: number;
}

/** The exact decimal expansion of a finite, non-negative double. */
export function exactDigits(value: number): Digits {
  if (value === 0) return { digits: '', point: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = exponent === 0 ? fraction : fraction | (1n << 52n);
  const shift = (exponent === 0 ? 1 : exponent) - 1075;
  if (shift >= 0) return trim((mantissa << BigInt(shift)).toString(), 0);
  const scaled = (mantissa * 5n ** BigInt(-shift)).toString();
  return trim(scaled, shift);
}

/** digits × 10^scale, as digits and a point position. */
function trim(digits: string, scale: number): Digits {
  const stripped = digits.replace(/^0+/, '');
  return { digits: stripped, point: stripped.length + scale };
}

/** Rounds to `count` digits (ties to even); the point moves when 9s carry over. */
export function roundDigits(d: Digits, count: number): Digits {
  if (count < 0) return { digits: '', point: d.point };
  if (d.digits.length <= count) return { digits: d.digits.padEnd(count, '0'), point: d.point };
  const kept = d.digits.slice(0, count);
  const rest = d.digits.slice(count);
  const last = count > 0 ? Number(kept[count - 1]) : 0;
  const up =
    (rest[0] as string) > '5' ||
    (rest[0] === '5' && (/[1-9]/.test(rest.slice(1)) || last % 2 === 1));
  if (!up) return { digits: kept, point: d.point };
  const bumped = (BigInt(kept || '0') + 1n).toString().padStart(count, '0');
  return bumped.length > count
    ? { digits: bumped.slice(0, count), point: d.point + 1 }
    : { digits: bumped, point: d.point };
}

/** %.Nf */
export function toFixed(value: number, precision: number): string {
  const exact = exactDigits(value);
  const rounded = roundDigits(exact, exact.point + precision);
  const all = rounded.digits.padStart(precision + 1, '0');
  const whole = rounded.point + precision > 0 ? all.slice(0, all.length - precision) || '0' : '0';
  const frac = all.slice(all.length - precision);
  return precision > 0
    ? `${whole.replace(/^0+(?=\d)/, '')}.${frac}`
    : whole.replace(/^0+(?=\d)/, '');
}

/** %.Ne: one digit, the point, N digits, then e±XX. */
export function toExponential(value: number, precision: number): string {
  if (value === 0) return `${precision > 0 ? '0.' + '0'.repeat(precision) : '0'}e+00`;
  const rounded = roundDigits(exactDigits(value), precision + 1);
  const exponent = rounded.point - 1;
  const mantissa =
    precision > 0 ? `${rounded.digits[0]}.${rounded.digits.slice(1)}` : rounded.digits;
  const sign = exponent < 0 ? '-' : '+';
  return `${mantissa}e${sign}${String(Math.abs(exponent)).padStart(2, '0')}`;
}
