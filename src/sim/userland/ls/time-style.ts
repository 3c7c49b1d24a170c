const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** ls.c: a time is "recent" within half a Gregorian year before now (31556952 / 2 seconds). */
const SIX_MONTHS_MS = (31_556_952 / 2) * 1000;

/**
 * ls -l's date column in the POSIX locale and UTC (containers have no TZ):
 * "%b %e %H:%M" for recent times, "%b %e  %Y" for older or future ones.
 */
export function lsDate(mtime: number, now: number): string {
  const d = new Date(mtime);
  const day = `${MONTHS[d.getUTCMonth()] ?? '???'} ${String(d.getUTCDate()).padStart(2)}`;
  const recent = mtime > now - SIX_MONTHS_MS && mtime <= now;
  if (recent) {
    const hh = String(d.getUTCHours()).padStart(2, '0');
    const mm = String(d.getUTCMinutes()).padStart(2, '0');
    return `${day} ${hh}:${mm}`;
  }
  return `${day}  ${d.getUTCFullYear()}`;
}
