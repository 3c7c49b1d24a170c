import * as sys from '../../kernel/syscall-api.ts';
import { getenv, out, type Gen } from '../lib/io.ts';
import { execvp } from '../lib/execvp.ts';
import { program } from '../lib/program.ts';
import { readUserDb, userById, type UserDb } from '../lib/user-db.ts';
import { execFailureStatus, fail } from './messages.ts';
import { setprivDump } from './setpriv-dump.ts';
import { parseSetpriv } from './setpriv-options.ts';
import { applyPrivileges } from './setpriv-apply.ts';

/** `setpriv --help` of util-linux 2.38.1, recorded on Debian 12. */
const HELP = `
Usage:
 setpriv [options] <program> [<argument>...]

Run a program with different privilege settings.

Options:
 -d, --dump                  show current state (and do not exec)
 --nnp, --no-new-privs       disallow granting new privileges
 --ambient-caps <caps,...>   set ambient capabilities
 --inh-caps <caps,...>       set inheritable capabilities
 --bounding-set <caps>       set capability bounding set
 --ruid <uid|user>           set real uid
 --euid <uid|user>           set effective uid
 --rgid <gid|user>           set real gid
 --egid <gid|group>          set effective gid
 --reuid <uid|user>          set real and effective uid
 --regid <gid|group>         set real and effective gid
 --clear-groups              clear supplementary groups
 --keep-groups               keep supplementary groups
 --init-groups               initialize supplementary groups
 --groups <group,...>        set supplementary groups by UID or name
 --securebits <bits>         set securebits
 --pdeathsig keep|clear|<signame>
                             set or clear parent death signal
 --selinux-label <label>     set SELinux label
 --apparmor-profile <pr>     set AppArmor profile
 --reset-env                 clear all environment and initialize
                               HOME, SHELL, USER, LOGNAME and PATH

 -h, --help                  display this help
 -V, --version               display version

 This tool can be dangerous.  Read the manpage, and be careful.

For more details see setpriv(1).
`;

/**
 * setpriv (util-linux 2.38.1 sys-utils/setpriv.c): changes ids, groups and
 * capability sets (setpriv-apply.ts), then execs the program in the same
 * process (no fork, same PID).
 */
export const setpriv = program(
  'util-linux-2.38.1/setpriv',
  { vszKb: 6084, rssKb: 2272 },
  function* ({ argv, envp }) {
    const db = yield* readUserDb();
    const o = parseSetpriv(argv.slice(1), db);
    if (typeof o === 'string') return yield* fail('setpriv', o, 1);
    if (o.help) return yield* print(HELP);
    if (o.version) return yield* print('setpriv from util-linux 2.38.1\n');
    if (o.dump > 0) return yield* print(yield* setprivDump(o.dump));
    const problem = yield* applyPrivileges(o, db);
    if (problem) return yield* fail('setpriv', problem.message, problem.status);
    const env = o.resetEnv ? yield* resetEnv(envp, db) : envp;
    const name = o.command[0] as string;
    const failure = yield* execvp(name, o.command, env);
    return yield* fail(
      'setpriv',
      `failed to execute ${name}: ${failure.message}`,
      execFailureStatus(failure.code),
    );
  },
);

function* print(text: string): Gen<number> {
  yield* out(text);
  return 0;
}

/** --reset-env: TERM kept, then the new user's SHELL, HOME, USER, LOGNAME and login.defs' PATH. */
function* resetEnv(envp: readonly string[], db: UserDb): Gen<string[]> {
  const me = yield* sys.self();
  const user = userById(db, me.ruid);
  const term = getenv(envp, 'TERM');
  const env = term === undefined ? [] : [`TERM=${term}`];
  if (!user) return env;
  const path =
    me.ruid === 0
      ? '/usr/local/sbin:/usr/local/bin:/sbin:/bin:/usr/sbin:/usr/bin'
      : '/usr/local/bin:/bin:/usr/bin';
  return [
    ...env,
    `SHELL=${user.shell}`,
    `HOME=${user.home}`,
    `USER=${user.name}`,
    `LOGNAME=${user.name}`,
    `PATH=${path}`,
  ];
}
