/**
 * go-units HumanSizeWithPrecision (docker/go-units size.go): decimal units
 * (B, kB, MB, GB …, base 1000) and Go's `%.*g` with `precision` significant
 * digits. HumanSize is precision 4 (the build context's size); docker images
 * and docker history print sizes with precision 3.
 */
const UNITS = ['B', 'kB', 'MB', 'GB', 'TB', 'PB', 'EB', 'ZB', 'YB'];

export function humanSize(bytes: number, precision = 4): string {
  let size = bytes;
  let unit = 0;
  while (size >= 1000 && unit < UNITS.length - 1) {
    size /= 1000;
    unit++;
  }
  return `${goFormatG(size, precision)}${UNITS[unit] ?? ''}`;
}

/** Go's %.*g: shortest of %e and %f at that many significant digits, trailing zeros dropped. */
function goFormatG(value: number, precision: number): string {
  if (value === 0) return '0';
  const text = value.toPrecision(precision);
  const exp = /^(.*)e([+-])(\d+)$/.exec(text);
  if (exp) {
    const mantissa = (exp[1] ?? '').replace(/\.?0+$/, '');
    return `${mantissa}e${exp[2] ?? '+'}${(exp[3] ?? '').padStart(2, '0')}`;
  }
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
