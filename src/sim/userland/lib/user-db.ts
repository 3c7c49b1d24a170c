import { Errno } from '../../kernel/errno.ts';
import { readFile, type Gen } from './io.ts';

/** One line of /etc/passwd (passwd(5)). */
export interface PasswdEntry {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly gecos: string;
  readonly home: string;
  readonly shell: string;
}

/** One line of /etc/group (group(5)). */
export interface GroupEntry {
  readonly name: string;
  readonly gid: number;
  readonly members: readonly string[];
}

export function parsePasswd(text: string): PasswdEntry[] {
  return lines(text).flatMap((fields) => {
    const [name, , uid, gid, gecos, home, shell] = fields;
    if (name === undefined || !isId(uid) || !isId(gid)) return [];
    return [
      {
        name,
        uid: Number(uid),
        gid: Number(gid),
        gecos: gecos ?? '',
        home: home ?? '',
        shell: shell ?? '',
      },
    ];
  });
}

export function parseGroup(text: string): GroupEntry[] {
  return lines(text).flatMap((fields) => {
    const [name, , gid, members] = fields;
    if (name === undefined || !isId(gid)) return [];
    return [{ name, gid: Number(gid), members: members ? members.split(',').filter(Boolean) : [] }];
  });
}

function lines(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split(':'));
}

function isId(text: string | undefined): text is string {
  return text !== undefined && /^\d+$/.test(text);
}

/** The user and group databases as files in the process's root, read fresh each time (as getpwnam(3) does). */
export interface UserDb {
  readonly users: readonly PasswdEntry[];
  readonly groups: readonly GroupEntry[];
}

export function* readUserDb(): Gen<UserDb> {
  const passwd = yield* readFile('/etc/passwd');
  const group = yield* readFile('/etc/group');
  return {
    users: passwd instanceof Errno ? [] : parsePasswd(passwd),
    groups: group instanceof Errno ? [] : parseGroup(group),
  };
}

export const userById = (db: UserDb, uid: number) => db.users.find((u) => u.uid === uid);
export const userByName = (db: UserDb, name: string) => db.users.find((u) => u.name === name);
export const groupById = (db: UserDb, gid: number) => db.groups.find((g) => g.gid === gid);
export const groupByName = (db: UserDb, name: string) => db.groups.find((g) => g.name === name);

/** initgroups(3): the groups that list the user as a member, plus the primary group. */
export function initGroups(db: UserDb, user: string, primary: number): number[] {
  const listed = db.groups.filter((g) => g.members.includes(user)).map((g) => g.gid);
  return [primary, ...listed.filter((gid) => gid !== primary)];
}
