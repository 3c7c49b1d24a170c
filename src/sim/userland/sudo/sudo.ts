import { Errno } from '../../kernel/errno.ts';
import type { Program } from '../../kernel/exec.ts';
import {
  SIGALRM,
  SIGCONT,
  SIGHUP,
  SIGINT,
  SIGPIPE,
  SIGQUIT,
  SIGTERM,
  SIGTSTP,
  SIGUSR1,
  SIGUSR2,
  SIGWINCH,
} from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { WEXITSTATUS, WIFSIGNALED, WTERMSIG } from '../../kernel/wait-status.ts';
import { err, type Gen } from '../lib/io.ts';
import { lookPath } from '../lib/path-search.ts';
import { program } from '../lib/program.ts';
import { initGroups, readUserDb, userByName, type PasswdEntry } from '../lib/user-db.ts';
import {
  commandNotFound,
  invalidOption,
  missingArgument,
  PASSWORD_NEEDS_TERMINAL,
  SUDO_USAGE,
  unknownUser,
} from './messages.ts';

/** Debian's /etc/sudoers: `Defaults secure_path=…`. */
const SECURE_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * The signals sudo catches and passes on to the command (src/exec_nopty.c at
 * SUDO_1_9_13p3; ../shared/reference/facts.md §3.1).
 */
const RELAYED = [
  SIGHUP,
  SIGINT,
  SIGQUIT,
  SIGTERM,
  SIGUSR1,
  SIGUSR2,
  SIGTSTP,
  SIGCONT,
  SIGALRM,
  SIGPIPE,
  SIGWINCH,
];

export interface SudoVersion {
  readonly name: string;
  readonly memory: { vszKb: number; rssKb: number };
  /**
   * PIDs used up by short-lived helpers before the command starts. On Ubuntu
   * 14.04 (sudo 1.8.9p5) `sudo ps aux` showed ps as PID 6 without a terminal
   * (the seed article) and PID 7 with one (gosu's README); what used the PIDs
   * in between is not known (facts.md §3.1 [U]), so it is modelled as that
   * many helpers that exit at once. Debian 12's sudo leaves no gap (golden 02).
   */
  readonly helperPids: number;
}

interface Options {
  readonly user: string;
  readonly command: readonly string[];
}

/**
 * sudo without a terminal, as root or as a user needing a password: it forks,
 * runs the command as the target user in the child, relays signals to it and
 * waits. When the command dies of a signal sudo re-raises it on itself; as a
 * namespace's PID 1 the kernel drops that, and sudo exits 0 (facts.md §3.1).
 */
export function createSudo(version: SudoVersion): Program {
  return program(version.name, version.memory, function* ({ argv, envp }) {
    const options = yield* parseOptions(argv.slice(1));
    if (typeof options === 'number') return options;
    const me = yield* sys.self();
    if (me.ruid !== 0) {
      yield* err(PASSWORD_NEEDS_TERMINAL);
      return 1;
    }
    const db = yield* readUserDb();
    const target = userByName(db, options.user);
    if (!target) {
      yield* err(unknownUser(options.user));
      return 1;
    }
    const name = options.command[0] as string;
    const path = name.includes('/')
      ? (yield* isExecutable(name))
        ? name
        : undefined
      : yield* lookPath(name, SECURE_PATH);
    if (path === undefined || path instanceof Errno) {
      yield* err(commandNotFound(name));
      return 1;
    }
    for (let i = 0; i < version.helperPids; i++) yield* spawnHelper();
    return yield* runCommand(
      path,
      options.command,
      commandEnv(envp, target, me.ruid, me.rgid, options.command),
      db,
      target,
    );
  });
}

function* isExecutable(path: string): Gen<boolean> {
  const st = yield* sys.stat(path);
  return !(st instanceof Errno) && st.kind === 'file' && (st.mode & 0o111) !== 0;
}

function* spawnHelper(): Gen<void> {
  const pid = yield* sys.fork(function* () {
    return 0;
  });
  if (!(pid instanceof Errno)) yield* sys.waitpid(pid);
}

function* runCommand(
  path: string,
  argv: readonly string[],
  env: readonly string[],
  db: Parameters<typeof initGroups>[0],
  target: PasswdEntry,
): Gen<number> {
  let child = 0;
  for (const sig of RELAYED) {
    yield* sys.sigaction(sig, function* (received) {
      if (child > 0) yield* sys.kill(child, received);
    });
  }
  const forked = yield* sys.fork(function* () {
    yield* sys.setgroups(initGroups(db, target.name, target.gid));
    yield* sys.setgid(target.gid);
    yield* sys.setuid(target.uid);
    const failure = yield* sys.execve(path, argv, env);
    yield* err(`sudo: unable to execute ${path}: ${failure.message}\n`);
    return 1;
  });
  if (forked instanceof Errno) {
    yield* err(`sudo: unable to fork: ${forked.message}\n`);
    return 1;
  }
  child = forked;
  for (;;) {
    const waited = yield* sys.waitpid(child);
    if (waited instanceof Errno) {
      if (waited.code === 'EINTR') continue;
      return 1;
    }
    if (!waited) continue;
    if (WIFSIGNALED(waited.status)) {
      const sig = WTERMSIG(waited.status);
      yield* sys.sigaction(sig, 'default');
      const me = yield* sys.self();
      yield* sys.kill(me.pid, sig);
    }
    return WEXITSTATUS(waited.status);
  }
}

function* parseOptions(args: readonly string[]): Gen<Options | number> {
  let user = 'root';
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      i++;
      break;
    }
    if (!arg.startsWith('-') || arg === '-') break;
    const letter = arg.slice(1, 2);
    if (letter !== 'u') {
      yield* err(invalidOption(letter) + SUDO_USAGE);
      return 1;
    }
    const value = arg.length > 2 ? arg.slice(2) : args[++i];
    if (value === undefined) {
      yield* err(missingArgument('u') + SUDO_USAGE);
      return 1;
    }
    user = value;
  }
  const command = args.slice(i);
  if (command.length === 0) {
    yield* err(SUDO_USAGE);
    return 1;
  }
  return { user, command };
}

/** env_reset (sudoers(5)): a fresh environment with the SUDO_* variables. */
function commandEnv(
  envp: readonly string[],
  target: PasswdEntry,
  ruid: number,
  rgid: number,
  command: readonly string[],
): string[] {
  const keep = envp.filter((e) => /^(TERM|DISPLAY|COLORS|LS_COLORS|HOSTNAME)=/.test(e));
  return [
    ...keep,
    `PATH=${SECURE_PATH}`,
    `MAIL=/var/mail/${target.name}`,
    `LOGNAME=${target.name}`,
    `USER=${target.name}`,
    `HOME=${target.home}`,
    `SHELL=${target.shell}`,
    `SUDO_COMMAND=${command.join(' ')}`,
    'SUDO_USER=root',
    `SUDO_UID=${ruid}`,
    `SUDO_GID=${rgid}`,
  ];
}
