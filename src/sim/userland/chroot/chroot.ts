import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, getenv, out, type Gen } from '../lib/io.ts';
import { execvp } from '../lib/execvp.ts';
import { getoptLong, GetoptError, type LongOption } from '../lib/getopt-long.ts';
import { program, progName } from '../lib/program.ts';
import {
  groupByName,
  initGroups,
  readUserDb,
  userById,
  userByName,
  type UserDb,
} from '../lib/user-db.ts';
import { help, VERSION } from './texts.ts';

/** coreutils' EXIT_CANCELED: chroot's own failures. */
const CANCELED = 125;

const LONGS: LongOption[] = [
  { name: 'groups', arg: 'required', key: 'groups' },
  { name: 'userspec', arg: 'required', key: 'userspec' },
  { name: 'skip-chdir', arg: 'none', key: 'skip-chdir' },
  { name: 'help', arg: 'none', key: 'help' },
  { name: 'version', arg: 'none', key: 'version' },
];

interface Identity {
  uid?: number;
  gid?: number;
  groups?: number[];
}

/**
 * chroot from coreutils 9.1 (src/chroot.c), as `chroot --userspec=U:G / cmd`
 * is used to step down: change root, chdir("/"), set groups, gid, uid, and
 * exec the command (or "$SHELL -i"). Texts in the POSIX locale, recorded on
 * Debian 12.
 */
export const chroot = program(
  'coreutils-9.1/chroot',
  { vszKb: 5484, rssKb: 1016 },
  function* (context) {
    const prog = progName(context, 'chroot');
    const usage = (message: string) =>
      fail(prog, `${message}\nTry '${prog} --help' for more information.`);
    const parsed = getoptLong(context.argv.slice(1), '+', LONGS);
    if (parsed instanceof GetoptError) return yield* usage(parsed.message);
    const options = new Map(parsed.options.map((o) => [o.key, o.value ?? '']));
    if (options.has('help')) return yield* print(help(prog));
    if (options.has('version')) return yield* print(VERSION);
    const [newroot, ...command] = parsed.operands;
    if (newroot === undefined) return yield* usage('missing operand');
    const skipChdir = options.has('skip-chdir');
    const oldRoot = yield* isOldRoot(newroot);
    if (skipChdir && !oldRoot)
      return yield* usage("option --skip-chdir only permitted if NEWROOT is old '/'");
    const userspec = options.get('userspec');
    const groupList = options.get('groups');
    // chroot.c looks users up outside the new root first, then inside it.
    const outside = oldRoot ? undefined : resolve(yield* readUserDb(), userspec, groupList);
    const entered = yield* sys.chroot(newroot);
    if (entered instanceof Errno)
      return yield* fail(prog, `cannot change root directory to '${newroot}': ${entered.message}`);
    if (!skipChdir) {
      const cd = yield* sys.chdir('/');
      if (cd instanceof Errno)
        return yield* fail(prog, `cannot chdir to root directory: ${cd.message}`);
    }
    // Inside, a failed lookup falls back on the one made outside (a jail without
    // /etc/passwd still runs as the user named: observed with Debian 12's chroot).
    const inside = resolve(yield* readUserDb(), userspec, groupList);
    const who =
      typeof inside === 'string' && outside && typeof outside !== 'string' ? outside : inside;
    if (typeof who === 'string') return yield* fail(prog, who);
    const steps: [string, () => Gen<Errno | 0>][] = [];
    if (who.groups !== undefined) {
      const groups = who.groups;
      steps.push(['failed to set supplemental groups', () => sys.setgroups(groups)]);
    }
    if (who.gid !== undefined) {
      const gid = who.gid;
      steps.push(['failed to set group-ID', () => sys.setgid(gid)]);
    }
    if (who.uid !== undefined) {
      const uid = who.uid;
      steps.push(['failed to set user-ID', () => sys.setuid(uid)]);
    }
    for (const [message, step] of steps) {
      const result = yield* step();
      if (result instanceof Errno) return yield* fail(prog, `${message}: ${result.message}`);
    }
    const argv = command.length > 0 ? command : [getenv(context.envp, 'SHELL') ?? '/bin/sh', '-i'];
    const file = argv[0] as string;
    const failure = yield* execvp(file, argv, context.envp);
    yield* err(`${prog}: failed to run command '${file}': ${failure.message}\n`);
    return failure.code === 'ENOENT' ? 127 : 126;
  },
);

function* print(text: string): Gen<number> {
  yield* out(text);
  return 0;
}

function* fail(prog: string, message: string): Gen<number> {
  yield* err(`${prog}: ${message}\n`);
  return CANCELED;
}

/** chroot.c is_root(): NEWROOT is the directory that is "/" now (same inode). */
function* isOldRoot(path: string): Gen<boolean> {
  const [dir, root] = [yield* sys.stat(path), yield* sys.stat('/')];
  return !(dir instanceof Errno) && !(root instanceof Errno) && dir.ino === root.ino;
}

/** parse_user_spec and chroot.c's group handling: the user's groups unless --groups gives them. */
function resolve(
  db: UserDb,
  spec: string | undefined,
  groupList: string | undefined,
): Identity | string {
  const who: Identity = {};
  let userName: string | undefined;
  if (spec !== undefined) {
    const colon = spec.indexOf(':');
    const user = colon < 0 ? spec : spec.slice(0, colon);
    const group = colon < 0 ? '' : spec.slice(colon + 1);
    if (user !== '') {
      const pw = /^\d+$/.test(user) ? userById(db, Number(user)) : userByName(db, user);
      if (!pw && !/^\d+$/.test(user)) return 'invalid user';
      who.uid = pw ? pw.uid : Number(user);
      userName = pw?.name;
      if (pw) who.gid = pw.gid;
      else if (group === '') return `no group specified for unknown uid: ${user}`;
    }
    if (group !== '') {
      const gr = /^\d+$/.test(group) ? { gid: Number(group) } : groupByName(db, group);
      if (!gr) return 'invalid group';
      who.gid = gr.gid;
    }
  }
  if (groupList !== undefined) {
    who.groups = [];
    for (const g of groupList.split(',').filter(Boolean)) {
      const gid = /^\d+$/.test(g) ? Number(g) : groupByName(db, g)?.gid;
      if (gid === undefined) return `invalid group '${g}'`;
      who.groups.push(gid);
    }
  } else if (who.uid !== undefined) {
    who.groups = userName !== undefined ? initGroups(db, userName, who.gid ?? 0) : [];
  }
  return who;
}
