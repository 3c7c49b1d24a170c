import { Errno, type SysResult } from '../kernel/errno.ts';
import * as sys from '../kernel/syscall-api.ts';
import { shellStatus } from '../kernel/wait-status.ts';
import { LoopControl, ReturnControl, ShellExit } from './control.ts';
import type { Gen } from './diagnostics.ts';
import type { ShellState } from './state.ts';
import { runExitTrap } from './traps.ts';

/**
 * fork(2) for the shell: the child gets a copy of the shell's state and runs
 * `body`; whatever way the body ends (exit, return, break, an error that
 * ends a shell), the child process exits with the right status.
 */
export function* forkShell(
  sh: ShellState,
  body: (child: ShellState) => Gen<number>,
): Gen<SysResult<number>> {
  const child = sh.fork();
  return yield* forkRetrying(sh, () => subshellMain(child, body));
}

/** bash's FORKSLEEP_MAX (jobs.c): it sleeps 1, 2, 4 and 8 seconds between tries, then gives up. */
const FORKSLEEP_MAX = 16;

/**
 * fork(2) as the shell calls it. bash's make_child (jobs.c) retries a fork
 * that failed with EAGAIN (the process limit): `bash: fork: retry: Resource
 * temporarily unavailable`, a sleep that doubles, and after the last try
 * `bash: fork: Resource temporarily unavailable` and throw_to_top_level():
 * $? becomes 126 | 128 (254), an interactive shell goes back to its prompt,
 * any other shell exits. A signal during the sleep (Ctrl-C) ends the tries:
 * `bash: fork: Interrupted system call` (the sleep's errno), a newline, $? 130.
 * Recorded from bash 5.2.15: test/fixtures/fork-bomb/. dash and ash report
 * the failure as their callers word it.
 */
export function* forkRetrying(sh: ShellState, main: () => Gen<number>): Gen<SysResult<number>> {
  if (sh.dialect.name !== 'bash') return yield* sys.fork(main);
  let failure: Errno;
  for (let forksleep = 1; ; forksleep <<= 1) {
    const pid = yield* sys.fork(main);
    if (!(pid instanceof Errno)) return pid;
    failure = pid;
    if (pid.code !== 'EAGAIN' || forksleep >= FORKSLEEP_MAX) break;
    yield* sys.write(2, `${sh.errorName}: fork: retry: ${pid.message}\n`);
    const slept = yield* sys.nanosleep(forksleep * 1000);
    if (slept instanceof Errno) {
      failure = slept;
      break;
    }
    if (sh.interrupted) break;
  }
  yield* sys.write(2, `${sh.errorName}: fork: ${failure.message}\n`);
  if (!sh.interrupted) throw new ShellExit(126 | 128);
  // throw_to_top_level() after Ctrl-C: $? is 130 and an interactive shell ends the line.
  if (sh.mode === 'interactive' && !sh.subshell) yield* sys.write(2, '\n');
  throw new ShellExit(130);
}

function* subshellMain(sh: ShellState, body: (child: ShellState) => Gen<number>): Gen<number> {
  let status: number;
  try {
    status = yield* body(sh);
  } catch (e) {
    status = yield* statusOf(sh, e);
  }
  return yield* runExitTrap(sh, status);
}

/** The status a control-flow exception leaves; anything else is a simulator bug and rethrown. */
export function* statusOf(sh: ShellState, e: unknown): Gen<number> {
  if (e instanceof ShellExit) return e.status;
  if (e instanceof ReturnControl) return e.status;
  if (e instanceof LoopControl) return sh.status;
  throw e;
}

/** waitpid(2) until the child ends, retrying after a signal handler ran (EINTR). Returns $?'s value. */
export function* waitForChild(pid: number): Gen<number> {
  for (;;) {
    const waited = yield* sys.waitpid(pid);
    if (waited instanceof Errno) {
      if (waited.code === 'EINTR') continue;
      return 127;
    }
    if (waited) return shellStatus(waited.status);
  }
}

export function* waitForChildren(pids: readonly number[]): Gen<number[]> {
  const statuses: number[] = [];
  for (const pid of pids) statuses.push(yield* waitForChild(pid));
  return statuses;
}
