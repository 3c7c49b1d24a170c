import { Errno } from '../../kernel/errno.ts';
import type { Program } from '../../kernel/exec.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { execvp } from '../lib/execvp.ts';
import { program } from '../lib/program.ts';
import {
  initGroups,
  readUserDb,
  userByName,
  type PasswdEntry,
  type UserDb,
} from '../lib/user-db.ts';
import { execFailureStatus, fail } from './messages.ts';
import { suEnvironment } from './su-env.ts';
import { parseSu, type SuOptions } from './su-options.ts';
import { watchChild } from './su-parent.ts';
import { RUNUSER_HELP, SU_HELP } from './su-texts.ts';

/** pam_unix's failure without a password (stdin is not a terminal); FAIL_DELAY measured at 1 s. */
const AUTH_FAILURE_DELAY_MS = 1000;

/**
 * su and runuser from util-linux 2.38.1 (login-utils/su-common.c): look the
 * user up, fork, and leave a watching parent while the child switches
 * identity and runs the shell (`-c` in a new session). runuser is the same
 * without authentication, for root only, and with -u to run a command
 * directly. Texts recorded on Debian 12.
 */
function createSu(name: 'su' | 'runuser'): Program {
  const runuser = name === 'runuser';
  return program(
    `util-linux-2.38.1/${name}`,
    { vszKb: 9848, rssKb: 3420 },
    function* ({ argv, envp }) {
      const o = parseSu(argv.slice(1), runuser);
      if (typeof o === 'string')
        return yield* fail(name, `${o}\nTry '${name} --help' for more information.`, 1);
      if (o.help) return yield* print(runuser ? RUNUSER_HELP : SU_HELP);
      if (o.version) return yield* print(`${name} from util-linux 2.38.1\n`);
      const userName = o.runuserUser ?? o.operands[0] ?? 'root';
      if (o.runuserUser === undefined && o.operands.length > 0) o.operands.shift();
      if (o.runuserUser !== undefined && o.operands.length === 0)
        return yield* fail(name, 'no command was specified', 1);
      const db = yield* readUserDb();
      const pw = userByName(db, userName);
      if (!pw)
        return yield* fail(
          name,
          `user ${userName} does not exist or the user entry does not contain all the required fields`,
          1,
        );
      const me = yield* sys.self();
      if (me.ruid !== 0) {
        if (runuser) return yield* fail(name, 'may not be used by non-root users', 1);
        yield* err('Password: ');
        yield* sys.nanosleep(AUTH_FAILURE_DELAY_MS);
        return yield* fail(name, 'Authentication failure', 1);
      }
      const shell = o.shell ?? (pw.shell || '/bin/sh');
      const child = yield* sys.fork(() => runChild(name, o, db, pw, shell, envp));
      if (child instanceof Errno)
        return yield* fail(name, `cannot create child process: ${child.message}`, 1);
      return yield* watchChild(child, o.sameSession);
    },
  );
}

function* print(text: string): Gen<number> {
  yield* out(text);
  return 0;
}

function* runChild(
  name: string,
  o: SuOptions,
  db: UserDb,
  pw: PasswdEntry,
  shell: string,
  envp: readonly string[],
): Gen<number> {
  if (o.command !== undefined && !o.sameSession) yield* sys.setsid();
  yield* sys.setgroups(initGroups(db, pw.name, pw.gid));
  yield* sys.setgid(pw.gid);
  yield* sys.setuid(pw.uid);
  const runuserCommand = o.runuserUser !== undefined;
  const env = suEnvironment(envp, pw, shell, {
    login: o.login,
    preserve: o.preserveEnv,
    runuserCommand,
  });
  if (runuserCommand) {
    const file = o.operands[0] as string;
    const failure = yield* execvp(file, o.operands, env);
    return yield* fail(name, `failed to execute ${file}: ${failure.message}`, 1);
  }
  if (o.login) {
    const moved = yield* sys.chdir(pw.home);
    if (moved instanceof Errno)
      yield* err(`${name}: warning: cannot change directory to ${pw.home}: ${moved.message}\n`);
  }
  const base = shell.slice(shell.lastIndexOf('/') + 1);
  const args = [
    o.login ? `-${base}` : base,
    ...(o.command !== undefined ? ['-c', o.command] : []),
    ...o.operands,
  ];
  const failure = yield* sys.execve(shell, args, env);
  return yield* fail(
    name,
    `failed to execute ${shell}: ${failure.message}`,
    execFailureStatus(failure.code),
  );
}

export const su = createSu('su');
export const runuser = createSu('runuser');
