/**
 * gnulib modechange.c, as chmod(1) and mkdir -m read modes: octal (up to
 * 07777) or symbolic clauses "[ugoa]*([-+=]([rwxXst]*|[ugo]))+" joined by
 * commas. compileMode() parses; adjustMode() applies to an existing mode
 * with mode_adjust's rules (umask for clauses without who, set-id bits of
 * directories kept unless mentioned).
 */
const S_ISUID = 0o4000;
const S_ISGID = 0o2000;
const S_ISVTX = 0o1000;
const ALL = 0o7777;
const READ = 0o444;
const WRITE = 0o222;
const EXEC = 0o111;

export interface ModeChange {
  readonly op: '=' | '+' | '-';
  readonly flag: 'ordinary' | 'copy' | 'x-if-any-x';
  readonly affected: number;
  readonly value: number;
  readonly mentioned: number;
}

const WHO: Record<string, number> = {
  u: S_ISUID | 0o700,
  g: S_ISGID | 0o070,
  o: S_ISVTX | 0o007,
  a: ALL,
};
const PERM: Record<string, number> = {
  r: READ,
  w: WRITE,
  x: EXEC,
  X: 0,
  s: S_ISUID | S_ISGID,
  t: S_ISVTX,
};

export function compileMode(text: string): ModeChange[] | undefined {
  if (/^[0-7]+$/.test(text)) {
    const octal = parseInt(text, 8);
    if (octal > ALL) return undefined;
    const mentioned = text.length < 5 ? (octal & (S_ISUID | S_ISGID)) | S_ISVTX | 0o777 : ALL;
    return [{ op: '=', flag: 'ordinary', affected: ALL, value: octal, mentioned }];
  }
  const changes: ModeChange[] = [];
  for (const clause of text.split(',')) {
    const match = /^([ugoa]*)((?:[-+=](?:[rwxXst]*|[ugo]))+)$/.exec(clause);
    if (!match) return undefined;
    const affected = Array.from(match[1] ?? '').reduce((bits, w) => bits | (WHO[w] ?? 0), 0);
    for (const action of (match[2] ?? '').match(/[-+=][^-+=]*/g) ?? []) {
      changes.push(compileAction(action, affected));
    }
  }
  return changes;
}

function compileAction(action: string, affected: number): ModeChange {
  const op = action[0] as ModeChange['op'];
  const perms = action.slice(1);
  if (/^[ugo]$/.test(perms)) {
    const value = { u: 0o700, g: 0o070, o: 0o007 }[perms as 'u' | 'g' | 'o'];
    return { op, flag: 'copy', affected, value, mentioned: affected ? affected & value : value };
  }
  const value = Array.from(perms).reduce((bits, p) => bits | (PERM[p] ?? 0), 0);
  const flag = perms.includes('X') ? 'x-if-any-x' : 'ordinary';
  return { op, flag, affected, value, mentioned: affected ? affected & value : value };
}

/** mode_adjust: the permission bits (07777) after applying the changes. */
export function adjustMode(
  oldMode: number,
  isDir: boolean,
  umask: number,
  changes: readonly ModeChange[],
): number {
  let mode = oldMode & ALL;
  for (const change of changes) {
    const omit = (isDir ? S_ISUID | S_ISGID : 0) & ~change.mentioned;
    let value = change.value;
    if (change.flag === 'copy') value = replicate(mode & value);
    else if (change.flag === 'x-if-any-x' && (mode & EXEC || isDir)) value |= EXEC;
    value &= (change.affected ? change.affected : ~umask) & ~omit;
    if (change.op === '=') {
      const preserved = (change.affected ? ~change.affected : 0) | omit;
      mode = (mode & preserved) | value;
    } else if (change.op === '+') mode |= value;
    else mode &= ~value;
  }
  return mode & ALL;
}

/** A class's r, w and x copied to all three classes (chmod g=u). */
function replicate(bits: number): number {
  return (bits & READ ? READ : 0) | (bits & WRITE ? WRITE : 0) | (bits & EXEC ? EXEC : 0);
}
