import { toFixed } from '../lib/exact-decimal.ts';

/**
 * wget 1.21's "dot" progress, the style it falls back to when standard error
 * is not a terminal (bar_set_params → FALLBACK_PROGRESS_IMPLEMENTATION), as
 * in `docker build`: 1K dots, 10 to a cluster, 50 to a line (dot_set_params
 * "default"), each line ending in the percentage, the rate of that line and
 * the ETA; the last line padded and ending in "=TIME" (progress.c dot_draw,
 * dot_finish, print_row_stats; print_decimal in utils.c).
 */
const DOT_BYTES = 1024;
const DOT_SPACING = 10;
const DOTS_IN_LINE = 50;
const ROW_BYTES = DOT_BYTES * DOTS_IN_LINE;

/** calc_rate with bibyte 1024: the value and its unit index (B, K, M, G). */
function calcRate(bytes: number, seconds: number): { rate: number; unit: number } {
  let rate = bytes / (seconds === 0 ? 0.0000005 : seconds);
  let unit = 0;
  while (rate >= 1024 && unit < 3) {
    rate /= 1024;
    unit++;
  }
  return { rate, unit };
}

function precisionFor(rate: number): number {
  return rate >= 99.95 ? 0 : rate >= 9.995 ? 1 : 2;
}

/** retr_rate: "202 MB/s", "613 KB/s" (the saved line). */
export function retrRate(bytes: number, seconds: number): string {
  const { rate, unit } = calcRate(bytes, seconds);
  return `${toFixed(rate, precisionFor(rate))} ${['B/s', 'KB/s', 'MB/s', 'GB/s'][unit] ?? ''}`;
}

function rowRate(bytes: number, seconds: number): string {
  const { rate, unit } = calcRate(bytes, seconds);
  return ` ${toFixed(rate, precisionFor(rate)).padStart(4)}${' KMG'[unit] ?? ''}`;
}

/** print_decimal: rounded from ten on, else one significant digit. */
export function printDecimal(n: number): string {
  if (n >= 9.95) return toFixed(n, 0);
  if (n >= 0.95) return toFixed(n, 1);
  if (n >= 0.001) return Number(n.toPrecision(1)).toString();
  if (n >= 0.0005) return toFixed(n, 3);
  return '0';
}

/** eta_to_human_short, condensed. */
function etaShort(secs: number): string {
  if (secs < 100) return `${secs}s`;
  if (secs < 6000) return `${Math.floor(secs / 60)}m${secs % 60}s`;
  if (secs < 48 * 3600) return `${Math.floor(secs / 3600)}h${Math.floor(secs / 60) % 60}m`;
  return `${Math.floor(secs / 86400)}d${Math.floor(secs / 3600) % 24}h`;
}

/** The dot lines for a download of TOTAL bytes at a steady BYTES_PER_SECOND, from the leading newline to the last line's end. */
export function dotProgress(total: number, bytesPerSecond: number): string {
  let text = '';
  const fullRows = Math.floor(total / ROW_BYTES);
  let lastTime = 0;
  for (let row = 0; row < fullRows; row++) {
    text += `\n${String((row * ROW_BYTES) / 1024).padStart(6)}K`;
    for (let dot = 0; dot < DOTS_IN_LINE; dot++) text += (dot % DOT_SPACING === 0 ? ' ' : '') + '.';
    const shown = (row + 1) * ROW_BYTES;
    const time = shown / bytesPerSecond;
    text += `${String(Math.floor((100 * shown) / total)).padStart(3)}%`;
    text += rowRate(ROW_BYTES, time - lastTime);
    text += ` ${etaShort(Math.floor((time * (total - shown)) / shown + 0.5))}`;
    lastTime = time;
  }
  const rest = total - fullRows * ROW_BYTES;
  const dots = Math.floor(rest / DOT_BYTES);
  text += `\n${String((fullRows * ROW_BYTES) / 1024).padStart(6)}K`;
  for (let dot = 0; dot < DOTS_IN_LINE; dot++)
    text += (dot % DOT_SPACING === 0 ? ' ' : '') + (dot < dots ? '.' : ' ');
  const time = total / bytesPerSecond;
  text += `100%${rowRate(rest, time - lastTime)}`;
  text += time >= 10 ? `=${etaShort(Math.floor(time + 0.5))}` : `=${printDecimal(time)}s`;
  return text + '\n\n';
}

/**
 * wget 1.21's bar progress, drawn when standard error is a terminal: the
 * first image at 0 bytes, then the finished one (a download of the stand-ins
 * takes under the 0.2 s refresh interval, so there is nothing in between),
 * each after "\r" (progress.c bar_create, create_image, bar_finish). The
 * geometry was measured on the real wget 1.21.3 in 80- and 100-column
 * terminals: the file name gets a quarter of the width, the bar what is left
 * after 39 columns of percentage, decorations, size, rate and time; "    in
 * 0s" when done.
 */
export function barProgress(fileName: string, total: number, columns: number): string {
  const width = Math.max(columns, 45) - 1;
  const nameCols = Math.floor(width / 4);
  const barSize = Math.max(0, width - (nameCols + 1) - 39);
  const image = (size: number, done: boolean) => {
    const name = fileName.slice(0, nameCols).padEnd(nameCols) + ' ';
    const percent =
      size >= total ? '100%' : `${String(Math.floor((100 * size) / total)).padStart(3)}%`;
    const filled = Math.floor((size / total) * barSize);
    const bar =
      barSize >= 5 ? `[${(filled > 0 ? '='.repeat(filled - 1) + '>' : '').padEnd(barSize)}]` : '';
    const shown = humanReadable(size);
    let text = `${name}${percent}${bar}${' '.repeat(Math.max(0, 7 - shown.length))} ${shown}  --.-KB/s`;
    text = done
      ? `${text}    in ${printDecimal(total / BAR_BYTES_PER_SECOND)}s`
      : `${text}${' '.repeat(13)}`;
    return text.padEnd(width);
  };
  return `\n\r${image(0, false)}\r${image(total, true)}\n\n`;
}

/** The rate the bar's time comes from (the network model of wget.ts). */
const BAR_BYTES_PER_SECOND = 10 * 1024 * 1024;

/** wget's human_readable(n, 1000, 2): plain below 1024, else K/M/G with two decimals below 1000. */
function humanReadable(n: number): string {
  if (n < 1024) return String(n);
  let value = n;
  const powers = 'KMGTPE';
  for (let i = 0; i < powers.length; i++) {
    if (value / 1024 < 1024 || i === powers.length - 1) {
      const v = value / 1024;
      return `${toFixed(v, v < 1000 ? 2 : 0)}${powers[i] ?? ''}`;
    }
    value /= 1024;
  }
  return String(n);
}
