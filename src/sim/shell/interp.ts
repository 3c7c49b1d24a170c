import { Errno } from '../kernel/errno.ts';
import { SIGINT, SIGQUIT, SIGTERM, SIGTSTP } from '../kernel/signals.ts';
import * as sys from '../kernel/syscall-api.ts';
import type { AndOr, Command, Pipeline, Script } from './ast.ts';
import { runCompound } from './compound.ts';
import { ShellExit } from './control.ts';
import { complain, type Gen } from './diagnostics.ts';
import { forkShell, waitForChildren } from './processes.ts';
import { runSimple } from './simple.ts';
import type { ShellState } from './state.ts';
import { jobText, startJob } from './jobs.ts';
import { runPendingTraps } from './traps.ts';

/**
 * How many commands a shell runs between two system calls of its own. A
 * pure loop such as `while :; do :; done` makes no system call, so every
 * STEP_YIELD commands the shell calls getpid-like `self()`: the scheduler
 * counts a step, another process may run, and a pending signal (Ctrl-C) is
 * delivered there. One call per command keeps a host slice (50,000 steps)
 * under a second, so Ctrl-C lands quickly.
 */
export const STEP_YIELD = 1;

/** Where a command may replace the shell instead of forking (a forked child, or the last command of bash -c). */
export interface RunContext {
  readonly canExec: boolean;
}

const NO_EXEC: RunContext = { canExec: false };

/** Runs a list of and-or lists; with `execLast`, the final simple command may exec. */
export function* runScript(sh: ShellState, script: Script, ctx: RunContext = NO_EXEC): Gen<number> {
  const last = script.items.length - 1;
  for (const [index, item] of script.items.entries()) {
    const itemCtx = index === last ? ctx : NO_EXEC;
    if (item.background) yield* runBackground(sh, item);
    else yield* runAndOr(sh, item, itemCtx);
  }
  return sh.status;
}

function* runBackground(sh: ShellState, item: AndOr): Gen<void> {
  const jobControl = sh.jobControl;
  const pid = yield* forkShell(sh, function* (child) {
    // With job control a job is a process group of its own, out of the terminal's foreground.
    if (jobControl) {
      yield* sys.setpgid(0, 0);
      // The interactive shell's ignored signals are its own: the job gets the defaults back.
      for (const sig of [SIGINT, SIGQUIT, SIGTERM, SIGTSTP]) yield* sys.sigaction(sig, 'default');
    } else {
      // Without job control an asynchronous list ignores SIGINT and SIGQUIT (XCU 2.11;
      // bash's setup_async_signals), so Ctrl-C meant for the foreground leaves it running.
      for (const sig of [SIGINT, SIGQUIT]) yield* sys.sigaction(sig, 'ignore');
    }
    return yield* runAndOr(child, { ...item, background: false }, { canExec: true });
  });
  if (pid instanceof Errno) {
    yield* complain(sh, `fork: ${pid.message}`);
    return;
  }
  if (jobControl) yield* sys.setpgid(pid, pid);
  yield* startJob(sh, pid, jobText(sh, item));
  sh.lastBackground = pid;
  sh.status = 0;
}

export function* runAndOr(sh: ShellState, item: AndOr, ctx: RunContext): Gen<number> {
  const hasRest = item.rest.length > 0;
  if (hasRest) sh.errexitSuppressed++;
  let status: number;
  try {
    status = yield* runPipeline(sh, item.first, hasRest ? NO_EXEC : ctx);
  } finally {
    if (hasRest) sh.errexitSuppressed--;
  }
  let lastRan = item.first;
  for (const [index, { op, pipeline }] of item.rest.entries()) {
    if ((op === '&&') !== (status === 0)) continue;
    const final = index === item.rest.length - 1;
    if (!final) sh.errexitSuppressed++;
    try {
      status = yield* runPipeline(sh, pipeline, final ? ctx : NO_EXEC);
    } finally {
      if (!final) sh.errexitSuppressed--;
    }
    lastRan = pipeline;
  }
  if (
    status !== 0 &&
    sh.options.errexit &&
    sh.errexitSuppressed === 0 &&
    !lastRan.bang &&
    lastRan === finalOf(item)
  )
    throw new ShellExit(status);
  return status;
}

const finalOf = (item: AndOr): Pipeline => item.rest.at(-1)?.pipeline ?? item.first;

export function* runPipeline(sh: ShellState, pipeline: Pipeline, ctx: RunContext): Gen<number> {
  if (pipeline.bang) sh.errexitSuppressed++;
  let status: number;
  try {
    status =
      pipeline.commands.length === 1
        ? yield* runCommand(sh, pipeline.commands[0] as Command, pipeline.bang ? NO_EXEC : ctx)
        : yield* runMany(sh, pipeline.commands);
  } finally {
    if (pipeline.bang) sh.errexitSuppressed--;
  }
  if (pipeline.bang) status = status === 0 ? 1 : 0;
  sh.status = status;
  return status;
}

/** `a | b | c`: each command in its own forked process, joined by pipes; the status is the last one's. */
function* runMany(sh: ShellState, commands: readonly Command[]): Gen<number> {
  const pids: number[] = [];
  let input: number | undefined;
  for (const [index, command] of commands.entries()) {
    const last = index === commands.length - 1;
    const pipe = last ? undefined : yield* sys.pipe();
    if (pipe instanceof Errno) {
      yield* complain(sh, `Pipe call failed`);
      break;
    }
    const stdin = input;
    const pid = yield* forkShell(sh, function* (child) {
      if (stdin !== undefined) {
        yield* sys.dup2(stdin, 0);
        yield* sys.close(stdin);
      }
      if (pipe) {
        yield* sys.close(pipe[0]);
        yield* sys.dup2(pipe[1], 1);
        yield* sys.close(pipe[1]);
      }
      return yield* runCommand(child, command, { canExec: true });
    });
    if (stdin !== undefined) yield* sys.close(stdin);
    if (pipe) {
      yield* sys.close(pipe[1]);
      input = pipe[0];
    }
    if (!(pid instanceof Errno)) pids.push(pid);
  }
  const statuses = yield* waitForChildren(pids);
  if (sh.options.pipefail) return statuses.findLast((s) => s !== 0) ?? 0;
  return statuses.at(-1) ?? 0;
}

export function* runCommand(sh: ShellState, command: Command, ctx: RunContext): Gen<number> {
  sh.steps++;
  if (sh.steps % STEP_YIELD === 0) yield* sys.self();
  if (sh.interrupted) {
    // Ctrl-C during a loop of builtins: bash ends the line and goes back to its prompt.
    sh.interrupted = false;
    if (sh.jobControl) yield* sys.write(1, '\n');
    throw new ShellExit(130);
  }
  yield* runPendingTraps(sh);
  let status: number;
  if (command.type === 'simple') status = yield* runSimple(sh, command, ctx);
  else if (command.type === 'function') {
    sh.functions.set(command.name, command.body);
    sh.functionTexts.set(command.name, sh.reading);
    status = 0;
  } else status = yield* runCompound(sh, command, ctx);
  sh.status = status;
  return status;
}
