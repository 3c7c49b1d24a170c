import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import {
  groupById,
  initGroups,
  readUserDb,
  userById,
  userByName,
  type UserDb,
} from '../lib/user-db.ts';
import { badOption, usageError } from './usage.ts';

interface Ids {
  readonly ruid: number;
  readonly euid: number;
  readonly rgid: number;
  readonly egid: number;
  readonly groups: readonly number[];
}

interface Flags {
  user: boolean;
  group: boolean;
  groups: boolean;
  name: boolean;
  real: boolean;
}

const SHORT: Record<string, keyof Flags | 'a'> = {
  u: 'user',
  g: 'group',
  G: 'groups',
  n: 'name',
  r: 'real',
  a: 'a',
};
const LONG: Record<string, keyof Flags> = {
  '--user': 'user',
  '--group': 'group',
  '--groups': 'groups',
  '--name': 'name',
  '--real': 'real',
};

/**
 * coreutils id(1) 9.1. The default format lists the real ids, the effective
 * ones where they differ, then the groups: the real gid first, the effective
 * gid if different, then getgroups(2) without repeats — which is why
 * `gosu redis id` shows groups=999(redis) though gosu set no supplementary group.
 */
export const id = program('coreutils/id', { vszKb: 5480, rssKb: 1000 }, function* (context) {
  const prog = progName(context, 'id');
  const flags: Flags = { user: false, group: false, groups: false, name: false, real: false };
  const operands: string[] = [];
  for (const arg of context.argv.slice(1)) {
    if (arg.startsWith('--') && arg !== '--') {
      const flag = LONG[arg];
      if (!flag) return yield* usageError(prog, badOption(arg));
      flags[flag] = true;
    } else if (arg.startsWith('-') && arg.length > 1 && arg !== '--') {
      for (const letter of arg.slice(1)) {
        const flag = SHORT[letter];
        if (!flag) return yield* usageError(prog, badOption('-' + letter));
        if (flag !== 'a') flags[flag] = true;
      }
    } else if (arg !== '--') operands.push(arg);
  }
  const choices = [flags.user, flags.group, flags.groups].filter(Boolean).length;
  if (choices > 1) return yield* usageError(prog, 'cannot print "only" of more than one choice');
  if (choices === 0 && (flags.name || flags.real))
    return yield* usageError(prog, 'cannot print only names or real IDs in default format');
  const db = yield* readUserDb();
  if (operands.length === 0) {
    const me = yield* sys.self();
    yield* out(describe(db, me, flags) + '\n');
    return 0;
  }
  let status = 0;
  for (const operand of operands) {
    const user =
      userByName(db, operand) ??
      (/^\d+$/.test(operand) ? userById(db, Number(operand)) : undefined);
    if (!user) {
      yield* err(`${prog}: '${operand}': no such user\n`);
      status = 1;
      continue;
    }
    const groups = initGroups(db, user.name, user.gid);
    yield* out(
      describe(
        db,
        { ruid: user.uid, euid: user.uid, rgid: user.gid, egid: user.gid, groups },
        flags,
      ) + '\n',
    );
  }
  return status;
});

function describe(db: UserDb, ids: Ids, flags: Flags): string {
  const uname = (uid: number) => userById(db, uid)?.name;
  const gname = (gid: number) => groupById(db, gid)?.name;
  const show = (n: number, name: string | undefined) =>
    flags.name ? (name ?? String(n)) : String(n);
  if (flags.user)
    return show(flags.real ? ids.ruid : ids.euid, uname(flags.real ? ids.ruid : ids.euid));
  if (flags.group)
    return show(flags.real ? ids.rgid : ids.egid, gname(flags.real ? ids.rgid : ids.egid));
  const groups = groupList(ids);
  if (flags.groups) return groups.map((g) => show(g, gname(g))).join(' ');
  const named = (n: number, name: string | undefined) =>
    name === undefined ? String(n) : `${n}(${name})`;
  const parts = [
    `uid=${named(ids.ruid, uname(ids.ruid))}`,
    `gid=${named(ids.rgid, gname(ids.rgid))}`,
  ];
  if (ids.euid !== ids.ruid) parts.push(`euid=${named(ids.euid, uname(ids.euid))}`);
  if (ids.egid !== ids.rgid) parts.push(`egid=${named(ids.egid, gname(ids.egid))}`);
  parts.push(`groups=${groups.map((g) => named(g, gname(g))).join(',')}`);
  return parts.join(' ');
}

function groupList(ids: Ids): number[] {
  const list = [ids.rgid];
  if (ids.egid !== ids.rgid) list.push(ids.egid);
  for (const g of ids.groups) if (!list.includes(g)) list.push(g);
  return list;
}
