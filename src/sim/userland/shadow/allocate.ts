/**
 * How shadow 4.13 picks a new id (libmisc/find_new_uid.c, find_new_gid.c)
 * with Debian 12's /etc/login.defs: UID_MIN/GID_MIN 1000 to 60000, system
 * ids from 101 to 999 (SYS_*_MIN defaults to 101, SYS_*_MAX to *_MIN - 1).
 * System ids: the highest free one, counting down; others: one above the
 * highest in use in the range (the lowest free one when that is full).
 */
export const LOGIN_DEFS = { min: 1000, max: 60000, sysMin: 101, sysMax: 999 } as const;

export function newId(
  used: ReadonlySet<number>,
  system: boolean,
  preferred?: number,
): number | null {
  const { min, max, sysMin, sysMax } = LOGIN_DEFS;
  const [low, high] = system ? [sysMin, sysMax] : [min, max];
  if (preferred !== undefined && preferred >= low && preferred <= high && !used.has(preferred))
    return preferred;
  if (system) {
    for (let id = high; id >= low; id--) if (!used.has(id)) return id;
    return null;
  }
  const inRange = [...used].filter((id) => id >= low && id <= high);
  const next = inRange.length ? Math.max(...inRange) + 1 : low;
  if (next <= high) return next;
  for (let id = low; id <= high; id++) if (!used.has(id)) return id;
  return null;
}

export function idsIn(lines: readonly string[][]): Set<number> {
  return new Set(lines.map((fields) => Number(fields[2])).filter((n) => Number.isInteger(n)));
}

/**
 * Debian's relaxed name check (shadow 4.13-3, is_valid_name): not empty,
 * not starting with "-", no ":", ",", or white space, at most 32 characters.
 */
export function isValidName(name: string): boolean {
  return name !== '' && !name.startsWith('-') && !/[:,\s]/.test(name) && name.length <= 32;
}
