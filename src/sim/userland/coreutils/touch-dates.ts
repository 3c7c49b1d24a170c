/**
 * The dates touch(1) reads, in UTC (the simulated hosts and containers have
 * no TZ): `-t [[CC]YY]MMDDhhmm[.ss]` as gnulib's posixtime() with
 * PDS_LEADING_YEAR | PDS_CENTURY | PDS_SECONDS, and the forms of `-d` that
 * gnulib's parse_datetime() accepts most often (LIMITATIONS.md lists what
 * is left out). Results are ms since the epoch, undefined when invalid.
 */

const DAY_MS = 86_400_000;

/** A calendar date and time that must exist (no 30 February, no hour 25). */
function utc(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) return undefined;
  const t = Date.UTC(y, mo - 1, d, h, mi, Math.min(s, 59), ms);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d)
    return undefined;
  // A leap second (:60) is the next minute's :00, as mktime normalises it.
  return s === 60 ? t + 1000 : t;
}

/** `-t`: [[CC]YY]MMDDhhmm[.ss]; two-digit years 69–99 are 19xx, 00–68 are 20xx. */
export function parsePosixTime(text: string, now: number): number | undefined {
  const match = /^(\d{8}|\d{10}|\d{12})(?:\.(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const digits = match[1] as string;
  const pairs = digits.match(/\d\d/g)?.map(Number) ?? [];
  const [mo, d, h, mi] = pairs.slice(-4) as [number, number, number, number];
  let year = new Date(now).getUTCFullYear();
  if (digits.length === 12) year = Number(digits.slice(0, 4));
  else if (digits.length === 10)
    year = (pairs[0] as number) + ((pairs[0] as number) < 69 ? 2000 : 1900);
  return utc(year, mo, d, h, mi, match[2] === undefined ? 0 : Number(match[2]));
}

const UNIT_MS: Readonly<Record<string, number>> = {
  second: 1000,
  sec: 1000,
  minute: 60_000,
  min: 60_000,
  hour: 3_600_000,
  day: DAY_MS,
  week: 7 * DAY_MS,
  fortnight: 14 * DAY_MS,
};

/**
 * `-d`: `@SECONDS`; `YYYY-MM-DD` with an optional time (`HH:MM[:SS[.frac]]`,
 * after a space or `T`) and `Z`/`UTC`; a time alone (today); `now`, `today`,
 * `yesterday`, `tomorrow`; then relative items such as `+1 day`,
 * `2 hours ago`, `3 months`.
 */
export function parseFlexDate(text: string, now: number): number | undefined {
  const trimmed = text.trim().toLowerCase();
  const epoch = /^@([+-]?\d+(?:\.\d+)?)$/.exec(trimmed);
  if (epoch) return Math.round(Number(epoch[1]) * 1000);
  let rest = trimmed;
  let base = now;
  const date =
    /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:t|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(?:\s*(?:z|utc))?(?=\s|$)/.exec(
      rest,
    );
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*(?:z|utc))?(?=\s|$)/.exec(rest);
  if (date) {
    const g = groups(date);
    const at = utc(+g(1), +g(2), +g(3), +g(4), +g(5), +g(6), fraction(g(7)));
    if (at === undefined) return undefined;
    base = at;
    rest = rest.slice(date[0].length);
  } else if (time) {
    const today = new Date(now);
    const g = groups(time);
    const [y, mo, d] = [today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate()];
    const at = utc(y, mo, d, +g(1), +g(2), +g(3), fraction(g(4)));
    if (at === undefined) return undefined;
    base = at;
    rest = rest.slice(time[0].length);
  }
  return relative(base, rest.trim());
}

/** A match's groups by number, '' for those that did not take part. */
function groups(match: RegExpExecArray): (n: number) => string {
  return (n) => match[n] ?? '';
}

/** Digits after the decimal point as milliseconds (nanoseconds are not kept). */
function fraction(digits: string): number {
  return digits === '' ? 0 : Math.floor(Number(`0.${digits}`) * 1000);
}

function relative(base: number, text: string): number | undefined {
  let t = base;
  const words = text === '' ? [] : text.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string;
    if (word === 'now' || word === 'today') continue;
    if (word === 'yesterday' || word === 'tomorrow') {
      t += word === 'yesterday' ? -DAY_MS : DAY_MS;
      continue;
    }
    let count = 1;
    let unit = word;
    if (/^[+-]?\d+$/.test(word)) {
      count = Number(word);
      unit = words[++i] ?? '';
    }
    unit = unit.replace(/s$/, '');
    if (words[i + 1] === 'ago') {
      count = -count;
      i++;
    }
    if (unit === 'month' || unit === 'year') {
      const d = new Date(t);
      if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + count);
      else d.setUTCFullYear(d.getUTCFullYear() + count);
      t = d.getTime();
      continue;
    }
    const ms = UNIT_MS[unit];
    if (ms === undefined) return undefined;
    t += count * ms;
  }
  return t;
}
