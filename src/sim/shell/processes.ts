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
  return yield* sys.fork(() => subshellMain(child, body));
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
