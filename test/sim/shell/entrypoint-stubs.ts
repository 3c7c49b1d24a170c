import { Errno } from '../../../src/sim/kernel/errno.ts';
import type { ProgramContext } from '../../../src/sim/kernel/exec.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import type { ProcessGen } from '../../../src/sim/kernel/syscall-api.ts';

/**
 * Stand-ins for the programs the redis entrypoints call, until the real ones
 * (issue 3) are in: each does just what the entrypoint's path needs and no
 * more. The redis user is 999:999 as in the image.
 */
const REDIS = 999;
/** setpriv options that take the next argument as their value. */
const WITH_VALUE = new Set([
  '--reuid',
  '--regid',
  '--ruid',
  '--rgid',
  '--euid',
  '--egid',
  '--groups',
]);

function* print(text: string): Generator<sys.Syscall, void, unknown> {
  yield* sys.write(1, text);
}

/** Finds a command on the default PATH, as execvp does. */
function* execvp(argv: readonly string[], envp: readonly string[]): ProcessGen {
  const name = argv[0] ?? '';
  const dirs = name.includes('/') ? [''] : ['/usr/local/bin/', '/usr/bin/', '/bin/'];
  for (const dir of dirs) {
    const result = yield* sys.execve(dir + name, argv, envp);
    if (result.code !== 'ENOENT') break;
  }
  yield* sys.write(2, `exec ${name} failed\n`);
  return 127;
}

function* becomeRedis(): Generator<sys.Syscall, void, unknown> {
  yield* sys.setgroups([REDIS]);
  yield* sys.setresgid(REDIS, REDIS, REDIS);
  yield* sys.setresuid(REDIS, REDIS, REDIS);
}

export const STUBS: Record<string, (context: ProgramContext) => ProcessGen> = {
  /** id -u */
  *id() {
    yield* print(`${(yield* sys.self()).euid}\n`);
    return 0;
  },
  /** Prints what the course checks: PID, uid, umask and arguments. */
  *'redis-server'({ argv }) {
    const me = yield* sys.self();
    yield* print(
      `redis-server pid=${me.pid} uid=${me.euid} umask=${me.umask.toString(8).padStart(4, '0')} argv=${JSON.stringify(argv)}\n`,
    );
    return 0;
  },
  /** find . \! -user redis -exec chown redis '{}' + (5.0, 7.2) or the 8.2.1 data-dir scan of an empty /data. */
  *find({ argv }) {
    if (argv.includes('-print0')) yield* sys.write(1, '.\0');
    return 0;
  },
  /** gosu redis COMMAND…: switch to redis, exec the command (gosu execs, same PID). */
  *gosu({ argv, envp }) {
    yield* becomeRedis();
    return yield* execvp(argv.slice(2), envp);
  },
  /** setpriv -d prints the bounding set; otherwise: drop to redis and exec the command. */
  *setpriv({ argv, envp }) {
    if (argv[1] === '-d') {
      yield* print(
        'Capability bounding set: chown,dac_override,fowner,fsetid,kill,setgid,setuid,setpcap\n',
      );
      return 0;
    }
    yield* becomeRedis();
    let i = 1;
    while (argv[i]?.startsWith('-')) i += WITH_VALUE.has(argv[i] ?? '') ? 2 : 1;
    return yield* execvp(argv.slice(i), envp);
  },
  /** grep -q PATTERN: reads standard input, JavaScript's \b for GNU's. */
  *grep({ argv }) {
    let input = '';
    for (;;) {
      const chunk = yield* sys.read(0);
      if (chunk instanceof Errno || chunk === '') break;
      input += chunk;
    }
    return new RegExp(argv[2] ?? '').test(input) ? 0 : 1;
  },
  /** readlink -f PATH: these stubs have no links to follow. */
  *readlink({ argv }) {
    yield* print(`${argv[2] ?? ''}\n`);
    return 0;
  },
  /** test as a program (what `$SETPRIV test -r file -a -w file` runs): every file is fine here. */
  *test() {
    yield* [];
    return 0;
  },
};
