import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, type Gen } from '../lib/io.ts';
import type { Parsed } from '../lib/getopt-long.ts';
import { program } from '../lib/program.ts';
import {
  daysSinceEpoch,
  readAccountFiles,
  writeAccountFile,
  type AccountFiles,
} from './account-files.ts';
import { idsIn, isValidName, newId } from './allocate.ts';
import { has, lockOrFail, parseOrUsage, valueOf } from './common.ts';
import { USERADD_USAGE } from './usage-texts.ts';

const LONGS = [
  ['comment', 'c'],
  ['home-dir', 'd'],
  ['gid', 'g'],
  ['groups', 'G'],
  ['shell', 's'],
  ['uid', 'u'],
  ['password', 'p'],
  ['key', 'K'],
]
  .map(([name, key]) => ({ name: name as string, key: key as string, arg: 'required' as const }))
  .concat(
    [
      ['create-home', 'm'],
      ['no-create-home', 'M'],
      ['no-user-group', 'N'],
      ['user-group', 'U'],
      ['system', 'r'],
      ['non-unique', 'o'],
      ['no-log-init', 'l'],
    ].map(([name, key]) => ({ name: name as string, key: key as string, arg: 'none' as never })),
  );

/** Exit codes of useradd(8). */
const E_PW_UPDATE = 1;
const E_BAD_ARG = 3;
const E_UID_IN_USE = 4;
const E_NOTFOUND = 6;
const E_NAME_IN_USE = 9;

/** Debian 12's /etc/default/useradd (SHELL=/bin/sh) and /etc/login.defs (USERGROUPS_ENAB yes: a user gets its own group unless -g or -N; PASS_* ages). */
const DEFAULTS = {
  shell: '/bin/sh',
  home: '/home',
  ages: ['0', '99999', '7'],
} as const;

interface NewUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
  readonly newGroup: boolean;
  readonly groups: readonly string[];
}

/**
 * shadow 4.13 useradd(8) on Debian 12: a line in /etc/passwd and
 * /etc/shadow ("!" password; system accounts get no ageing fields), and,
 * unless -g or -N, a group of the same name (GID = UID when free).
 */
export const useradd = program(
  'shadow-4.13/useradd',
  { vszKb: 7400, rssKb: 3300 },
  function* (ctx) {
    const prog = 'useradd';
    const parsed = yield* parseOrUsage(
      prog,
      ctx.argv.slice(1),
      'c:d:g:G:K:lmMNop:rs:u:U',
      LONGS,
      USERADD_USAGE,
    );
    if (typeof parsed === 'number') return parsed;
    const files = yield* readAccountFiles();
    const user = yield* plan(prog, parsed, files);
    if (typeof user === 'number') return user;
    const home = valueOf(parsed, 'd') ?? `${DEFAULTS.home}/${user.name}`;
    const days = String(yield* daysSinceEpoch());
    const ages = has(parsed, 'r') ? ['', '', ''] : [...DEFAULTS.ages];
    const passwdLine = [
      user.name,
      'x',
      String(user.uid),
      String(user.gid),
      valueOf(parsed, 'c') ?? '',
      home,
      valueOf(parsed, 's') ?? DEFAULTS.shell,
    ];
    yield* writeAccountFile('passwd', [...files.passwd, passwdLine]);
    if (files.shadow)
      yield* writeAccountFile('shadow', [
        ...files.shadow,
        [user.name, '!', days, ...ages, '', '', ''],
      ]);
    yield* writeGroups(files, user);
    if (has(parsed, 'm')) return yield* createHome(prog, home, user);
    return 0;
  },
);

function* plan(prog: string, parsed: Parsed, files: AccountFiles): Gen<NewUser | number> {
  const name = parsed.operands[0] ?? '';
  if (!isValidName(name))
    return yield* fail(`invalid user name '${name}': use --badname to ignore`, E_BAD_ARG);
  const uidText = valueOf(parsed, 'u');
  if (uidText !== undefined && !/^\d+$/.test(uidText))
    return yield* fail(`invalid user ID '${uidText}'`, E_BAD_ARG);
  const groupText = valueOf(parsed, 'g');
  const group =
    groupText === undefined
      ? undefined
      : files.group.find((g) => g[0] === groupText || g[2] === groupText);
  if (groupText !== undefined && !group)
    return yield* fail(`group '${groupText}' does not exist`, E_NOTFOUND);
  const groups = (valueOf(parsed, 'G') ?? '').split(',').filter(Boolean);
  const missing = groups.find((g) => !files.group.some((line) => line[0] === g || line[2] === g));
  if (missing) return yield* fail(`group '${missing}' does not exist`, E_NOTFOUND);
  if (files.passwd.some((p) => p[0] === name))
    return yield* fail(`user '${name}' already exists`, E_NAME_IN_USE);
  const newGroup = has(parsed, 'U') || (!group && !has(parsed, 'N'));
  if (newGroup && files.group.some((g) => g[0] === name))
    return yield* fail(
      `group ${name} exists - if you want to add this user to that group, use -g.`,
      E_NAME_IN_USE,
    );
  if (!(yield* lockOrFail(prog, 'passwd'))) return E_PW_UPDATE;
  const system = has(parsed, 'r');
  const usedUids = idsIn(files.passwd);
  if (uidText !== undefined && usedUids.has(Number(uidText)) && !has(parsed, 'o'))
    return yield* fail(`UID ${uidText} is not unique`, E_UID_IN_USE);
  const uid = uidText !== undefined ? Number(uidText) : newId(usedUids, system);
  if (uid === null)
    return yield* fail(`Can't get unique UID (no more available UIDs)`, E_UID_IN_USE);
  const gid = newGroup ? newId(idsIn(files.group), system, uid) : Number(group?.[2] ?? 100);
  if (gid === null)
    return yield* fail(`Can't get unique GID (no more available GIDs)`, E_UID_IN_USE);
  return {
    name,
    uid,
    gid,
    newGroup,
    groups: groups.map((g) => files.group.find((l) => l[0] === g || l[2] === g)?.[0] ?? g),
  };

  function* fail(message: string, status: number): Gen<number> {
    yield* err(`${prog}: ${message}\n`);
    return status;
  }
}

/** The user's own group, and the user added to the member lists of its -G groups. */
function* writeGroups(files: AccountFiles, user: NewUser): Gen<void> {
  const addMember = (lines: string[][], field: number) =>
    lines.map((l) => (user.groups.includes(l[0] ?? '') ? withMember(l, field, user.name) : l));
  const group = addMember(files.group, 3);
  if (user.newGroup) group.push([user.name, 'x', String(user.gid), '']);
  if (user.newGroup || user.groups.length) yield* writeAccountFile('group', group);
  if (!files.gshadow) return;
  const gshadow = addMember(files.gshadow, 3);
  if (user.newGroup) gshadow.push([user.name, '!', '', '']);
  if (user.newGroup || user.groups.length) yield* writeAccountFile('gshadow', gshadow);
}

function withMember(line: readonly string[], field: number, name: string): string[] {
  const copy = [...line];
  const members = (copy[field] ?? '').split(',').filter(Boolean);
  copy[field] = [...members, name].join(',');
  return copy;
}

/** -m: the home directory, 0755 (UMASK 022 in login.defs), owned by the new user. */
function* createHome(prog: string, home: string, user: NewUser): Gen<number> {
  const made = yield* sys.mkdir(home, 0o755);
  if (made instanceof Errno && made.code !== 'EEXIST') {
    yield* err(`${prog}: cannot create directory ${home}\n`);
    return 12;
  }
  if (made instanceof Errno) {
    yield* err(
      `${prog}: warning: the home directory ${home} already exists.\n${prog}: Not copying any file from skel directory into it.\n`,
    );
    return 0;
  }
  yield* sys.chmod(home, 0o755);
  yield* sys.chown(home, user.uid, user.gid);
  return 0;
}
