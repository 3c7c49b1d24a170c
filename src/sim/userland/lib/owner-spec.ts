import { groupByName, userByName, type UserDb } from './user-db.ts';

/** What chown's OWNER[:GROUP] names: -1 leaves an id as it is. */
export interface OwnerSpec {
  readonly uid: number;
  readonly gid: number;
  /** chown's deprecation warning for "user.group". */
  readonly warning?: string;
}

/** The largest id a name may give as a number (uid_t is 32 bits; -1 is "no change"). */
const ID_MAX = 2 ** 32 - 2;

/**
 * gnulib parse_user_spec (coreutils 9.1): names first, then decimal ids;
 * "user:" takes the user's login group (which needs a user from passwd);
 * "user.group" is accepted with a warning when no user has that name.
 * Errors name the whole spec: invalid user, invalid group, invalid spec.
 */
export function parseOwnerSpec(spec: string, db: UserDb): OwnerSpec | string {
  let colon = spec.indexOf(':');
  let warning: string | undefined;
  if (colon < 0 && spec.includes('.') && !userByName(db, spec)) {
    colon = spec.indexOf('.');
    warning = "warning: '.' should be ':'";
  }
  const userText = colon < 0 ? spec : spec.slice(0, colon);
  const groupText = colon < 0 ? undefined : spec.slice(colon + 1);
  let uid = -1;
  let gid = -1;
  if (userText !== '') {
    const user = userByName(db, userText);
    // "NAME:" needs NAME's login group, so a user not in passwd is a bad spec even as a number.
    if (!user && groupText === '') return 'invalid spec';
    const numeric = user ? undefined : numericId(userText);
    if (!user && numeric === undefined) return 'invalid user';
    uid = user ? user.uid : (numeric as number);
    if (groupText === '' && user) gid = user.gid;
  }
  if (groupText !== undefined && groupText !== '') {
    const group = groupByName(db, groupText);
    const numeric = group ? undefined : numericId(groupText);
    if (!group && numeric === undefined) return 'invalid group';
    gid = group ? group.gid : (numeric as number);
  }
  return warning ? { uid, gid, warning } : { uid, gid };
}

function numericId(text: string): number | undefined {
  if (!/^\d+$/.test(text)) return undefined;
  const n = Number(text);
  return n <= ID_MAX ? n : undefined;
}
