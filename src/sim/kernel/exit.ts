import type { Kernel } from './kernel.ts';
import type { Process } from './process.ts';
import { SIGCHLD, SIGKILL } from './signals.ts';
import { dispositionOf, sendSignal } from './signal.ts';
import { signaled } from './wait-status.ts';

/**
 * do_exit: the process becomes a zombie, its children go to the namespace's
 * init (or, when init itself dies, every process left in the namespace is
 * killed with SIGKILL: pid_namespaces(7)), and its parent is told.
 */
export function exitProcess(k: Kernel, process: Process, status: number): void {
  if (!process.alive) return;
  process.state = 'Z';
  process.exitStatus = status;
  process.parent?.zombieChildren.add(process);
  process.frames = [];
  process.blocker = null;
  process.pending.clear();
  k.forgetSleeper(process);
  process.fds.closeAll();
  releaseThreads(process);
  k.emit({ type: 'exit', t: k.clock.now(), process: process.ref(), status });
  if (process.isNamespaceInit && process.pidns.parent) killNamespace(k, process);
  reparentChildren(k, process);
  notifyParent(k, process);
}

function killNamespace(k: Kernel, init: Process): void {
  init.pidns.dead = true;
  for (const other of [...k.processes.values()]) {
    if (other === init || !init.pidns.contains(other.pidns)) continue;
    if (other.alive) {
      k.emit({
        type: 'signal-delivered',
        t: k.clock.now(),
        target: other.ref(),
        signal: 'SIGKILL',
        action: 'terminate',
      });
      exitProcess(k, other, signaled(SIGKILL));
    }
    reap(k, other);
  }
}

/**
 * An orphan goes to the nearest living ancestor in the same PID namespace
 * that is a child subreaper (prctl(2) PR_SET_CHILD_SUBREAPER), else to the
 * namespace's init (kernel/exit.c find_new_reaper).
 */
function findReaper(process: Process): Process | undefined {
  for (let up = process.parent; up && up.pidns === process.pidns; up = up.parent)
    if (up.childSubreaper && up.alive) return up;
  return process.pidns.init;
}

function reparentChildren(k: Kernel, process: Process): void {
  const reaper = findReaper(process);
  for (const child of [...process.children]) {
    process.children.delete(child);
    process.zombieChildren.delete(child);
    // prctl(PR_SET_PDEATHSIG): the child learns that its parent died.
    if (child.pdeathsig !== 0 && child.alive) sendSignal(k, child, child.pdeathsig, null);
    if (!reaper || reaper === process || !reaper.alive) {
      child.parent = null;
      if (!child.alive) reap(k, child);
      else child.autoReap = true;
      continue;
    }
    child.parent = reaper;
    child.childOrder = k.nextChildOrder();
    reaper.children.add(child);
    if (!child.alive) reaper.zombieChildren.add(child);
    k.emit({ type: 'reparent', t: k.clock.now(), process: child.ref(), newParent: reaper.ref() });
    if (!child.alive) k.wake(reaper);
  }
}

function notifyParent(k: Kernel, process: Process): void {
  const parent = process.parent;
  if (!parent || process.autoReap || !parent.alive || dispositionOf(parent, SIGCHLD) === 'ignore') {
    reap(k, process);
    return;
  }
  sendSignal(k, parent, SIGCHLD, null);
  k.wake(parent);
}

/** Removes a zombie for good: its PIDs become free and it leaves its parent's list. */
export function reap(k: Kernel, process: Process): void {
  if (!k.processes.has(process.hostPid)) return;
  const parent = process.parent;
  parent?.children.delete(process);
  parent?.zombieChildren.delete(process);
  let ns: typeof process.pidns | null = process.pidns;
  for (let level = process.pids.length - 1; ns; level--, ns = ns.parent)
    ns.release(process.pids[level] as number);
  k.processes.delete(process.hostPid);
  k.uncharge(process);
  k.emit({ type: 'reap', t: k.clock.now(), parent: parent?.ref() ?? null, child: process.ref() });
}

export function releaseThreads(process: Process): void {
  for (const tid of process.threadPids) process.pidns.release(tid);
  process.threadPids = [];
}
