import { Errno } from '../../kernel/errno.ts';
import { SIGINT, SIGQUIT, SIGTERM, SIGTSTP } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { shellStatus, WIFSIGNALED, WTERMSIG } from '../../kernel/wait-status.ts';
import { err, getenv, out, setenv, STDIN, type Gen } from '../lib/io.ts';
import { lookPath } from '../lib/path-search.ts';
import { program } from '../lib/program.ts';
import { readUserDb, userById } from '../lib/user-db.ts';
import { splitWords } from './words.ts';

/**
 * GNU bash 5.2, reduced to simple commands until the POSIX shell lands:
 * an interactive prompt loop on a terminal, or `bash -c 'command'`, which
 * execs its single command (bash does not fork for the last simple command
 * of -c: golden scenario 09). Messages are bash's ("bash: foo: command not
 * found", status 127).
 */
export const bash = program(
  'bash-5.2/bash',
  { vszKb: 8800, rssKb: 5200 },
  function* ({ argv, envp }) {
    const state: ShellState = { env: [...envp], status: 0, name: argv[0] ?? 'bash' };
    if (argv[1] === '-c') {
      const command = argv[2];
      if (command === undefined) {
        yield* err(`${state.name}: -c: option requires an argument\n`);
        return 2;
      }
      return yield* runLine(state, command, { exec: true, location: `${state.name}: -c: line 1` });
    }
    const onTerminal = yield* sys.isatty(STDIN);
    if (!onTerminal && !argv.includes('-i')) return 0;
    return yield* interactive(state, onTerminal);
  },
);

interface ShellState {
  env: string[];
  status: number;
  readonly name: string;
}

/** The prompt loop; `exit` is echoed at end of input only on a terminal, as bash does for Ctrl-D. */
function* interactive(state: ShellState, onTerminal: boolean): Gen<number> {
  for (const sig of [SIGTERM, SIGQUIT, SIGTSTP]) yield* sys.sigaction(sig, 'ignore');
  yield* sys.sigaction(SIGINT, function* () {});
  for (;;) {
    const input = yield* sys.readline(STDIN, yield* prompt(state));
    if (input instanceof Errno) continue;
    if ('eof' in input) {
      if (onTerminal) yield* out('exit\n');
      return state.status;
    }
    if ('interrupt' in input) {
      state.status = 130;
      continue;
    }
    const status = yield* runLine(state, input.line, { exec: false, location: state.name });
    if (status === EXIT_SHELL) return state.status;
  }
}

/** PS1 as Debian's /etc/skel/.bashrc sets it without colours: user@host:dir$ (# for root). */
function* prompt(state: ShellState): Gen<string> {
  const me = yield* sys.self();
  const user = userById(yield* readUserDb(), me.euid)?.name ?? `I have no name!`;
  const home = getenv(state.env, 'HOME');
  const dir =
    home && (me.cwd === home || me.cwd.startsWith(home + '/'))
      ? '~' + me.cwd.slice(home.length)
      : me.cwd;
  return `${user}@${me.hostname}:${dir}${me.euid === 0 ? '#' : '$'} `;
}

const EXIT_SHELL = -1;

function* runLine(
  state: ShellState,
  line: string,
  mode: { exec: boolean; location: string },
): Gen<number> {
  const split = splitWords(line);
  if ('unterminated' in split) {
    yield* err(
      `${mode.location}: unexpected EOF while looking for matching \`${split.unterminated}'\n`,
    );
    return (state.status = 2);
  }
  if ('unsupported' in split) {
    yield* err(
      `${state.name}: ${split.unsupported}: not supported yet by Stepdown's shell (only simple commands for now)\n`,
    );
    return (state.status = 2);
  }
  const words = split.words;
  const name = words[0];
  if (name === undefined) return state.status;
  const builtin = BUILTINS[name];
  if (builtin) {
    const status = yield* builtin(state, words);
    if (status !== EXIT_SHELL) state.status = status;
    return status;
  }
  return (state.status = yield* runExternal(state, words, mode.exec));
}

type Builtin = (state: ShellState, words: readonly string[]) => Gen<number>;

const BUILTINS: Readonly<Record<string, Builtin>> = {
  *exit(state, words) {
    const code = words[1];
    if (code !== undefined && !/^-?\d+$/.test(code)) {
      yield* out('exit\n');
      yield* err(`${state.name}: exit: ${code}: numeric argument required\n`);
      state.status = 2;
      return EXIT_SHELL;
    }
    if (code !== undefined) state.status = Number(code) & 0xff;
    yield* out('exit\n');
    return EXIT_SHELL;
  },
  *cd(state, words) {
    const target = words[1] ?? getenv(state.env, 'HOME') ?? '/';
    const result = yield* sys.chdir(target);
    if (result instanceof Errno) {
      yield* err(`${state.name}: cd: ${target}: ${result.message}\n`);
      return 1;
    }
    state.env = setenv(state.env, 'PWD', (yield* sys.self()).cwd);
    return 0;
  },
  *pwd() {
    yield* out((yield* sys.self()).cwd + '\n');
    return 0;
  },
  *echo(state, words) {
    yield* out(words.slice(1).join(' ') + '\n');
    return 0;
  },
  *true() {
    return 0;
  },
  *false() {
    return 1;
  },
};

function* runExternal(state: ShellState, words: readonly string[], exec: boolean): Gen<number> {
  const name = words[0] as string;
  const path = yield* lookPath(name, getenv(state.env, 'PATH') ?? '');
  if (path instanceof Errno) {
    yield* err(`${state.name}: ${name}: command not found\n`);
    return 127;
  }
  if (exec) return yield* execOrFail(state, path, words);
  const child = yield* sys.fork(function* () {
    const me = yield* sys.self();
    yield* sys.setpgid(0, 0);
    yield* sys.tcsetpgrp(STDIN, me.pid);
    for (const sig of [SIGINT, SIGQUIT, SIGTERM, SIGTSTP]) yield* sys.sigaction(sig, 'default');
    return yield* execOrFail(state, path, words);
  });
  if (child instanceof Errno) {
    yield* err(`${state.name}: fork: ${child.message}\n`);
    return 254;
  }
  yield* sys.setpgid(child, child);
  yield* sys.tcsetpgrp(STDIN, child);
  const status = yield* waitFor(child);
  const me = yield* sys.self();
  yield* sys.tcsetpgrp(STDIN, me.pgid);
  if (WIFSIGNALED(status) && WTERMSIG(status) === SIGINT) yield* out('\n');
  return shellStatus(status);
}

function* waitFor(child: number): Gen<number> {
  for (;;) {
    const waited = yield* sys.waitpid(child);
    if (waited instanceof Errno) {
      if (waited.code === 'EINTR') continue;
      return 0;
    }
    if (waited) return waited.status;
  }
}

/** execve, and bash's words when it fails: 126 for a file it may not run, 127 when it vanished. */
function* execOrFail(state: ShellState, path: string, words: readonly string[]): Gen<number> {
  const result = yield* sys.execve(path, words, state.env);
  const st = yield* sys.stat(path);
  const reason = !(st instanceof Errno) && st.kind === 'dir' ? 'Is a directory' : result.message;
  yield* err(`${state.name}: ${words[0]}: ${reason}\n`);
  return result.code === 'ENOENT' ? 127 : 126;
}
