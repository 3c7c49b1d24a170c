import { adjustMode, compileMode } from '../lib/mode-change.ts';
import { groupByName, userByName, type UserDb } from '../lib/user-db.ts';
import type { Test } from './expression.ts';

/** A find usage error: the message find prints after "find: ", then status 1. */
export class FindError extends Error {}

/** Checks of primaries' arguments, with findutils 4.9.0's messages. */
export function parseTypes(text: string): string {
  const types = text.split(',');
  for (const t of types)
    if (!/^[bcdpflsD]$/.test(t)) throw new FindError(`Unknown argument to -type: ${t}`);
  return types.join('');
}

export function parseUser(db: UserDb, text: string): number {
  const user = userByName(db, text);
  if (user) return user.uid;
  if (/^\d+$/.test(text)) return Number(text);
  throw new FindError(`'${text}' is not the name of a known user`);
}

export function parseGroup(db: UserDb, text: string): number {
  const group = groupByName(db, text);
  if (group) return group.gid;
  if (/^\d+$/.test(text)) return Number(text);
  throw new FindError(`'${text}' is not the name of an existing group`);
}

export function parseNumber(token: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new FindError(`invalid argument \`${text}' to \`${token}'`);
  return Number(text);
}

export function parseDepth(token: string, text: string): number {
  if (!/^\d+$/.test(text))
    throw new FindError(
      `Expected a positive decimal integer argument to ${token}, but got '${text}'`,
    );
  return Number(text);
}

export function parsePerm(text: string): Test {
  const match = text.startsWith('-') ? 'all' : text.startsWith('/') ? 'any' : 'exact';
  const changes = compileMode(match === 'exact' ? text : text.slice(1));
  if (!changes) throw new FindError(`invalid mode '${text}'`);
  return { kind: 'perm', match, mode: adjustMode(0, false, 0, changes) };
}

/** findutils 4.9.0's other primaries and options (parser.c parse_table): the simulator says it lacks them. */
const UNIMPLEMENTED = new Set(
  (
    'amin anewer atime cmin cnewer context ctime daystart execdir fls follow fprint fprint0 fprintf ' +
    'fstype ignore_readdir_race ilname inum ipath iregex iwholename links lname ls mmin mount mtime ' +
    'noignore_readdir_race noleaf ok okdir printf readable regex regextype samefile size used warn ' +
    'nowarn writable xdev xtype files0-from newerXY help'
  )
    .split(' ')
    .map((name) => `-${name}`),
);

export function isUnimplemented(token: string): boolean {
  return UNIMPLEMENTED.has(token) || /^-newer[amcBt][amcBt]$/.test(token) || token === '--help';
}

/** `find --version` on Debian 12. */
export const FIND_VERSION =
  'find (GNU findutils) 4.9.0\nCopyright (C) 2022 Free Software Foundation, Inc.\nLicense GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\nThis is free software: you are free to change and redistribute it.\nThere is NO WARRANTY, to the extent permitted by law.\n\nWritten by Eric B. Decker, James Youngman, and Kevin Dalley.\nFeatures enabled: D_TYPE O_NOFOLLOW(enabled) LEAF_OPTIMISATION FTS(FTS_CWDFD) CBO(level=2) \n';
