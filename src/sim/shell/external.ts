import { Errno } from '../kernel/errno.ts';
import { SIGINT, SIGQUIT, SIGTERM, SIGTSTP } from '../kernel/signals.ts';
import * as sys from '../kernel/syscall-api.ts';
import type { Redirect } from './ast.ts';
import { ShellExit } from './control.ts';
import { complain, type Gen } from './diagnostics.ts';
import type { RunContext } from './interp.ts';
import { forkRetrying, waitForChild } from './processes.ts';
import { applyRedirects, withRedirects } from './redirect.ts';
import { ShellState } from './state.ts';
import { readWholeFile } from './builtins/script.ts';
import { runProgram } from './run-shell.ts';

/** dash's built-in default when PATH is unset (src/var.c defpathvar). */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** The file a command name runs: a name with `/` as is, else the first executable regular file on PATH. */
export function* findCommand(sh: ShellState, name: string): Gen<string | undefined> {
  if (name.includes('/')) return name;
  for (const dir of (sh.get('PATH') ?? DEFAULT_PATH).split(':')) {
    const candidate = `${dir === '' ? '.' : dir}/${name}`;
    const st = yield* sys.stat(candidate);
    if (!(st instanceof Errno) && st.kind === 'file' && st.mode & 0o111) return candidate;
  }
  return undefined;
}

/**
 * Runs a program: fork, redirect, execve in the child, wait in the shell.
 * Where the context allows (a forked child, bash's and ash's last command
 * of -c), the shell execs it in place and keeps no process of its own.
 */
export function* runExternal(
  sh: ShellState,
  argv: readonly string[],
  assigns: ReadonlyMap<string, string>,
  redirects: readonly Redirect[],
  ctx: RunContext,
): Gen<number> {
  const name = argv[0] as string;
  const path = yield* findCommand(sh, name);
  if (path === undefined) {
    // The redirections are in place when the shell reports it (`x=$(nosuch 2>&1)` captures the words).
    const error = sh.dialect.notFound(name);
    return yield* withRedirects(sh, redirects, function* () {
      yield* complain(sh, error.text);
      return error.status;
    });
  }
  const env = sh.environment(assigns);
  const canExecHere =
    ctx.canExec && (sh.subshell || (sh.dialect.execLastCommand && !sh.traps.has(0)));
  if (canExecHere) {
    const failed = yield* applyRedirects(sh, redirects);
    if (failed !== undefined) throw new ShellExit(failed);
    throw new ShellExit(yield* execOrFail(sh, path, argv, env));
  }
  const child = yield* forkRetrying(sh, function* () {
    if (sh.jobControl) {
      const me = yield* sys.self();
      yield* sys.setpgid(0, 0);
      yield* sys.tcsetpgrp(0, me.pid);
      for (const sig of [SIGINT, SIGQUIT, SIGTERM, SIGTSTP]) yield* sys.sigaction(sig, 'default');
    }
    const failed = yield* applyRedirects(sh, redirects);
    if (failed !== undefined) return failed;
    return yield* execOrFail(sh, path, argv, env);
  });
  if (child instanceof Errno) {
    yield* complain(sh, `fork: ${child.message}`);
    return 2;
  }
  return yield* waitForeground(sh, child);
}

function* waitForeground(sh: ShellState, child: number): Gen<number> {
  if (!sh.jobControl) return yield* waitForChild(child);
  yield* sys.setpgid(child, child);
  yield* sys.tcsetpgrp(0, child);
  const status = yield* waitForChild(child);
  yield* sys.tcsetpgrp(0, (yield* sys.self()).pgid);
  if (status === 128 + SIGINT) yield* sys.write(1, '\n');
  return status;
}

/** execve, and the shell's words when it fails: 126 for a file it may not run, 127 when it is missing. */
export function* execOrFail(
  sh: ShellState,
  path: string,
  argv: readonly string[],
  env: readonly string[],
): Gen<number> {
  const result = yield* sys.execve(path, argv, env);
  const st = yield* sys.stat(path);
  const isDir = !(st instanceof Errno) && st.kind === 'dir';
  const errno = isDir && result.code === 'EACCES' ? result : result;
  if (result.code === 'ENOEXEC') return yield* runWithoutShebang(sh, path, argv, env);
  if (result.code === 'ENOENT') {
    const error = sh.dialect.notFound(argv[0] ?? path);
    yield* complain(sh, error.text);
    return error.status;
  }
  yield* complain(sh, sh.dialect.cannotExec(argv[0] ?? path, errno, isDir, path));
  return 126;
}

/**
 * A file the kernel cannot execute (no `#!`, ENOEXEC) is a shell script to
 * the shell (XCU 2.9.1.1): it runs it itself, in the process it forked.
 */
function* runWithoutShebang(
  sh: ShellState,
  path: string,
  argv: readonly string[],
  env: readonly string[],
): Gen<number> {
  const text = yield* readWholeFile(path);
  if (text instanceof Errno) {
    yield* complain(sh, sh.dialect.cannotExec(argv[0] ?? path, text, false, path));
    return 126;
  }
  const script = new ShellState(sh.dialect, 'script', argv[0] ?? path, argv.slice(1));
  script.importEnvironment(env);
  script.shellPid = (yield* sys.self()).pid;
  return yield* runProgram(script, text, { kind: 'script', path });
}
