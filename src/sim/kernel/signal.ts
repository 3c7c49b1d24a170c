import { defaultAction, isUncatchable, signalName, SIGCHLD, SIGCONT, SIGKILL } from './signals.ts';
import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';
import type { Disposition } from './syscall-api.ts';
import { exitProcess } from './exit.ts';
import { signaled } from './wait-status.ts';

/**
 * The send path of a signal, as a chain of small checks in the spirit of
 * Linux's kernel/signal.c (prepare_signal, sig_task_ignored) and gVisor's
 * task_signals.go. `sender` is null for signals from outside the simulated
 * host's processes (the container runtime acting for `docker stop`, the kernel).
 */
export function sendSignal(k: Kernel, target: Process, sig: number, sender: Process | null): void {
  const quiet = sig === SIGCHLD && dispositionOf(target, sig) === 'default';
  if (!quiet)
    k.emit({
      type: 'signal-sent',
      t: k.clock.now(),
      sender: sender?.ref() ?? null,
      target: target.ref(),
      signal: signalName(sig),
    });
  if (!target.alive) return ignored(k, target, sig, 'zombie');
  if (sig === SIGCONT) continueProcess(k, target);
  // sig_ignored(): a blocked signal is never ignored, not even by a namespace
  // init, since its handler may change before it is unblocked; it stays pending.
  if (target.blocked.has(sig) && !isUncatchable(sig)) {
    target.pending.add(sig);
    k.wake(target);
    return;
  }
  if (initIgnores(target, sig, sender)) return ignored(k, target, sig, 'pid1-no-handler');
  if (isIgnored(target, sig)) {
    if (!quiet) ignored(k, target, sig, 'disposition');
    return;
  }
  if (sig === SIGKILL) return terminate(k, target, sig);
  if (dispositionOf(target, sig) === 'default' && defaultAction(sig) === 'stop')
    return stop(k, target, sig);
  target.pending.add(sig);
  k.interrupt(target);
  if (!target.blocker) k.enqueue(target);
}

/**
 * The PID 1 rule (pid_namespaces(7), kill(2) NOTES): a namespace's init only
 * receives signals it has installed a handler for, even from root; from an
 * ancestor namespace SIGKILL and SIGSTOP are forced through.
 */
export function initIgnores(target: Process, sig: number, sender: Process | null): boolean {
  if (!target.isNamespaceInit) return false;
  if (typeof dispositionOf(target, sig) === 'function') return false;
  const fromAncestor = sender === null || sender.pidns !== target.pidns;
  return !(fromAncestor && isUncatchable(sig));
}

export function dispositionOf(process: Process, sig: number): Disposition {
  return process.dispositions.get(sig) ?? 'default';
}

/**
 * sig_task_ignored(): ignored, or left at a default that does nothing
 * (SIGCHLD, SIGURG, SIGWINCH, and SIGCONT once it has continued the
 * process: SIG_KERNEL_IGNORE_MASK), so it neither queues nor interrupts a
 * sleep.
 */
function isIgnored(target: Process, sig: number): boolean {
  const disposition = dispositionOf(target, sig);
  if (disposition === 'ignore') return true;
  const action = defaultAction(sig);
  return disposition === 'default' && (action === 'ign' || action === 'cont');
}

function ignored(
  k: Kernel,
  target: Process,
  sig: number,
  reason: 'disposition' | 'pid1-no-handler' | 'zombie',
): void {
  k.emit({
    type: 'signal-ignored',
    t: k.clock.now(),
    target: target.ref(),
    signal: signalName(sig),
    reason,
  });
}

function continueProcess(k: Kernel, target: Process): void {
  if (target.state !== 'T') return;
  target.state = target.blocker ? 'S' : 'R';
  if (!target.blocker) k.enqueue(target);
  target.waitReport = { kind: 'continued' };
  tellParent(k, target);
  k.emit({
    type: 'signal-delivered',
    t: k.clock.now(),
    target: target.ref(),
    signal: 'SIGCONT',
    action: 'continue',
  });
}

/** A stop signal parks the process where it is; a sleep it was in goes on after SIGCONT. */
function stop(k: Kernel, target: Process, sig: number): void {
  target.pending.delete(SIGCONT);
  target.state = 'T';
  target.waitReport = { kind: 'stopped', sig };
  tellParent(k, target);
  k.emit({
    type: 'signal-delivered',
    t: k.clock.now(),
    target: target.ref(),
    signal: signalName(sig),
    action: 'stop',
  });
}

/** A child stopped or continued: SIGCHLD to the parent, which may be waiting for it (do_notify_parent_cldstop). */
function tellParent(k: Kernel, child: Process): void {
  const parent = child.parent;
  if (!parent?.alive) return;
  sendSignal(k, parent, SIGCHLD, null);
  k.wake(parent);
}

function terminate(k: Kernel, target: Process, sig: number): void {
  const core = defaultAction(sig) === 'core';
  k.emit({
    type: 'signal-delivered',
    t: k.clock.now(),
    target: target.ref(),
    signal: signalName(sig),
    action: core ? 'core' : 'terminate',
  });
  exitProcess(k, target, signaled(sig, core));
}

/**
 * A fault of the process's own making (force_sig_fault(): SIGBUS when a page
 * of its code cannot be read in). Blocked or ignored, the signal is unblocked
 * and its action reset to the default, a handler included; no namespace's
 * init is spared. It is acted on before the process runs again.
 */
export function forceSignal(k: Kernel, target: Process, sig: number): void {
  k.emit({
    type: 'signal-sent',
    t: k.clock.now(),
    sender: null,
    target: target.ref(),
    signal: signalName(sig),
  });
  // force_sig_info_to_task(): blocked or ignored, the action goes back to the default.
  if (target.blocked.has(sig) || dispositionOf(target, sig) === 'ignore') {
    target.blocked.delete(sig);
    target.dispositions.delete(sig);
  }
  target.pending.add(sig);
}

/** Acts on pending signals when the process is about to run (lowest number first). */
export function deliverPending(k: Kernel, process: Process): void {
  for (const sig of [...process.pending].sort((a, b) => a - b)) {
    if (process.blocked.has(sig)) continue;
    process.pending.delete(sig);
    const disposition = dispositionOf(process, sig);
    if (typeof disposition === 'function') {
      k.emit({
        type: 'signal-delivered',
        t: k.clock.now(),
        target: process.ref(),
        signal: signalName(sig),
        action: 'handler',
      });
      process.frames.push({ gen: disposition(sig), resumeWith: { value: process.resumeValue } });
      process.resumeValue = undefined;
      continue;
    }
    if (disposition === 'ignore') continue;
    const action = defaultAction(sig);
    if (action === 'term' || action === 'core') return terminate(k, process, sig);
    if (action === 'stop') return stop(k, process, sig);
  }
}
