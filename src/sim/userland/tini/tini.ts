import { Errno } from '../../kernel/errno.ts';
import { SIGCHLD, SIGRTMAX, isUncatchable } from '../../kernel/signals.ts';

const SIGTTIN = 21;
const SIGTTOU = 22;
import * as sys from '../../kernel/syscall-api.ts';
import { WEXITSTATUS, WIFSIGNALED, WTERMSIG } from '../../kernel/wait-status.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { execvp } from '../lib/execvp.ts';
import { program, progName } from '../lib/program.ts';
import { strsignal } from '../lib/strsignal.ts';
import { LICENSE, parseTini, usage, type TiniOptions } from './options.ts';

/**
 * Signals tini leaves unblocked and so never forwards (tini.c
 * configure_signals): the synchronous ones, and TTIN/TTOU, which it ignores.
 */
const NOT_FORWARDED = new Set([4, 5, 6, 7, 8, 11, 31, 21, 22, SIGCHLD]);

/**
 * tini 0.19.0 (github.com/krallin/tini, tini.c): spawns the command as its
 * child in a process group of its own, forwards every signal it receives to
 * it (to its group with -g), reaps every zombie, and exits with the child's
 * status (128 + n when a signal killed it). Messages as recorded from
 * Debian 12's tini; golden 33 shows the SIGTERM relay.
 */
export const tini = program('tini-0.19.0/tini', { vszKb: 2280, rssKb: 768 }, function* (context) {
  const name = progName(context, 'tini');
  if (context.argv.length === 2 && context.argv[1] === '--version') {
    yield* out('tini version 0.19.0\n');
    return 0;
  }
  const me = yield* sys.self();
  const o = parseTini(context.argv.slice(1), context.envp);
  if ('kind' in o) {
    if (o.kind === 'help') yield* out(usage(name));
    if (o.kind === 'license') yield* out(LICENSE);
    if (o.kind === 'usage') yield* err((o.message ? `${name}: ${o.message}\n` : '') + usage(name));
    if (o.kind === 'fatal') yield* err(`[FATAL tini (${me.pid})] ${o.message}\n`);
    return o.kind === 'help' || o.kind === 'license' ? 0 : 1;
  }
  const mask = yield* configureSignals();
  const registered = yield* registerWithKernel(o, me.pid);
  if (registered !== undefined) return registered;
  const subreaper = yield* sys.prctl({ op: 'PR_GET_CHILD_SUBREAPER' });
  if (me.pid !== 1 && subreaper !== 1) yield* err(notPid1Warning(me.pid));
  const child = yield* spawn(o, context.envp, mask);
  if (child instanceof Errno) return 1;
  if (o.verbosity >= 2)
    yield* out(
      `[INFO  tini (${me.pid})] Spawned child process '${o.command[0]}' with pid '${child}'\n`,
    );
  return yield* supervise(o, me.pid, child);
});

/**
 * tini.c main(): the parent-death signal (-p), then register_subreaper()
 * (-s or TINI_SUBREAPER); a failure ends tini with status 1.
 */
function* registerWithKernel(o: TiniOptions, pid: number): Gen<number | undefined> {
  if (o.parentDeathSignal !== 0) {
    const set = yield* sys.prctl({ op: 'PR_SET_PDEATHSIG', sig: o.parentDeathSignal });
    if (set instanceof Errno) {
      yield* err(`[FATAL tini (${pid})] Failed to set up parent death signal\n`);
      return 1;
    }
  }
  if (!o.subreaper) return undefined;
  const registered = yield* sys.prctl({ op: 'PR_SET_CHILD_SUBREAPER', value: 1 });
  if (registered instanceof Errno) {
    yield* err(
      `[FATAL tini (${pid})] Failed to register as child subreaper: ${registered.message}\n`,
    );
    return 1;
  }
  if (o.verbosity >= 4) yield* out(`[TRACE tini (${pid})] Registered as child subreaper\n`);
  return undefined;
}

function notPid1Warning(pid: number): string {
  return (
    `[WARN  tini (${pid})] Tini is not running as PID 1 and isn't registered as a child subreaper.\n` +
    "Zombie processes will not be re-parented to Tini, so zombie reaping won't work.\n" +
    'To fix the problem, use the -s option or set the environment variable TINI_SUBREAPER to register Tini as a child subreaper, or run Tini as PID 1.\n'
  );
}

/** The signals tini blocks and so takes with sigtimedwait: all but NOT_FORWARDED (and KILL, STOP). */
function blockedSet(): number[] {
  const set: number[] = [];
  for (let sig = 1; sig <= SIGRTMAX; sig++) {
    if (isUncatchable(sig) || (sig > 31 && sig < 34)) continue;
    if (!NOT_FORWARDED.has(sig) || sig === SIGCHLD) set.push(sig);
  }
  return set;
}

/**
 * configure_signals: tini blocks every signal it forwards before it forks,
 * so none is lost while the child starts, and takes them with
 * sigtimedwait; TTIN and TTOU are ignored. Returns the mask to restore in
 * the child.
 */
function* configureSignals(): Gen<readonly number[]> {
  yield* sys.sigaction(SIGTTIN, 'ignore');
  yield* sys.sigaction(SIGTTOU, 'ignore');
  return yield* sys.sigprocmask('block', blockedSet());
}

/** The child: the old mask and handlers back, its own process group (and the terminal's foreground), then execvp. */
function* spawn(
  o: TiniOptions,
  envp: readonly string[],
  mask: readonly number[],
): Gen<number | Errno> {
  return yield* sys.fork(function* () {
    yield* sys.sigprocmask('setmask', mask);
    yield* sys.sigaction(SIGTTIN, 'default');
    yield* sys.sigaction(SIGTTOU, 'default');
    yield* sys.setpgid(0, 0);
    if (yield* sys.isatty(0)) yield* sys.tcsetpgrp(0, (yield* sys.self()).pgid);
    const file = o.command[0] as string;
    const failure = yield* execvp(file, o.command, envp);
    const pid = (yield* sys.self()).pid;
    yield* err(`[FATAL tini (${pid})] exec ${file} failed: ${failure.message}\n`);
    return failure.code === 'ENOENT' ? 127 : failure.code === 'EACCES' ? 126 : 1;
  });
}

/** How long one sigtimedwait lasts before tini reaps anyway (tini.c: { .tv_sec = 1 }). */
const WAIT_MS = 1000;

/** The main loop: wait for a signal (at most a second), forward it or note SIGCHLD, then reap every zombie. */
function* supervise(o: TiniOptions, self: number, child: number): Gen<number> {
  const set = blockedSet();
  for (;;) {
    const sig = yield* sys.sigtimedwait(set, WAIT_MS);
    if (typeof sig === 'number') {
      if (sig === SIGCHLD) {
        if (o.verbosity >= 3) yield* out(`[DEBUG tini (${self})] Received SIGCHLD\n`);
      } else {
        if (o.verbosity >= 3)
          yield* out(`[DEBUG tini (${self})] Passing signal: '${strsignal(sig)}'\n`);
        yield* sys.kill(o.killGroup ? -child : child, sig);
      }
    }
    const code = yield* reap(o, self, child);
    if (code !== undefined) {
      if (o.verbosity >= 4)
        yield* out(
          `[TRACE tini (${self})] No child to wait\n[TRACE tini (${self})] Exiting: child has exited\n`,
        );
      return code;
    }
  }
}

/** reap_zombies: every exited child, without blocking; the main child's status when it is gone. */
function* reap(o: TiniOptions, self: number, child: number): Gen<number | undefined> {
  let code: number | undefined;
  for (;;) {
    const waited = yield* sys.waitpid(-1, true);
    if (waited instanceof Errno || waited === null) return code;
    if (waited.pid !== child) {
      if (o.warnOnReap)
        yield* err(`[WARN  tini (${self})] Reaped zombie process with pid=${waited.pid}\n`);
      continue;
    }
    if (o.verbosity >= 3)
      yield* out(`[DEBUG tini (${self})] Reaped child with pid: '${waited.pid}'\n`);
    if (WIFSIGNALED(waited.status)) {
      const sig = WTERMSIG(waited.status);
      if (o.verbosity >= 2)
        yield* out(
          `[INFO  tini (${self})] Main child exited with signal (with signal '${strsignal(sig)}')\n`,
        );
      code = 128 + sig;
    } else {
      code = WEXITSTATUS(waited.status);
      if (o.verbosity >= 2)
        yield* out(`[INFO  tini (${self})] Main child exited normally (with status '${code}')\n`);
    }
    if (o.remap.has(code)) code = 0;
  }
}
