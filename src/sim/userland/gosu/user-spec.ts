import type { GroupEntry, UserDb } from '../lib/user-db.ts';

/** Who to become: what gosu (through moby/sys/user's GetExecUser) resolves a user-spec to. */
export interface ExecUser {
  readonly uid: number;
  readonly gid: number;
  readonly groups: readonly number[];
  readonly home: string;
}

export type UserSpecError = { readonly error: string };

/**
 * GetExecUser (github.com/moby/sys user/user.go), as gosu uses it: split at
 * the first ':'; a user name must exist, a numeric user may not; a group part
 * replaces the primary group and drops supplementary groups; without one the
 * supplementary groups are the /etc/group lines that list the user.
 * Defaults before lookup: the caller's uid and gid, home "/".
 */
export function resolveUserSpec(
  spec: string,
  db: UserDb,
  current: { uid: number; gid: number },
): ExecUser | UserSpecError {
  const colon = spec.indexOf(':');
  const userArg = colon < 0 ? spec : spec.slice(0, colon);
  const groupArg = colon < 0 ? '' : spec.slice(colon + 1);
  const numericUser = /^\d+$/.test(userArg);
  const entry =
    userArg === ''
      ? db.users.find((u) => u.uid === current.uid)
      : db.users.find((u) => u.name === userArg || (numericUser && u.uid === Number(userArg)));
  if (!entry && userArg !== '' && !numericUser) {
    return { error: `unable to find user ${userArg}: no matching entries in passwd file` };
  }
  let uid = entry?.uid ?? (numericUser ? Number(userArg) : current.uid);
  let gid = entry?.gid ?? current.gid;
  const home = entry?.home ?? '/';
  if (userArg === '' && !entry) uid = current.uid;
  if (groupArg !== '') {
    const group = findGroup(db.groups, groupArg);
    if (!group && !/^\d+$/.test(groupArg))
      return { error: `unable to find group ${groupArg}: no matching entries in group file` };
    gid = group?.gid ?? Number(groupArg);
    return { uid, gid, groups: [], home };
  }
  const name = entry?.name;
  const groups =
    name === undefined ? [] : db.groups.filter((g) => g.members.includes(name)).map((g) => g.gid);
  return { uid, gid, groups, home };
}

function findGroup(groups: readonly GroupEntry[], arg: string): GroupEntry | undefined {
  return groups.find((g) => g.name === arg || (/^\d+$/.test(arg) && g.gid === Number(arg)));
}
