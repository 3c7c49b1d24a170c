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
