import { Errno } from '../errno.ts';
import type { Kernel } from '../kernel.ts';
import { blockOn, done } from '../outcome.ts';
import type { Process } from '../process.ts';
import { sendSignal } from '../signal.ts';
import { isUncatchable, isValidSignal } from '../signals.ts';
import type { HandlerTable } from './dispatch.ts';

type SignalCalls = Pick<HandlerTable, 'kill' | 'sigaction' | 'pause'>;

export const signalCalls: SignalCalls = {
  /** kill(2): a process, the caller's group (0), every process it may signal (-1), or a group (-pgid). */
  kill(k, sender, pid, sig) {
    if (sig !== 0 && !isValidSignal(sig)) return done(new Errno('EINVAL'));
    const targets = resolveTargets(k, sender, pid);
    if (targets.length === 0) return done(new Errno('ESRCH'));
    const allowed = targets.filter((target) => maySignal(sender, target));
    if (allowed.length === 0) return done(new Errno('EPERM'));
    if (sig !== 0) for (const target of allowed) sendSignal(k, target, sig, sender);
    return done(0);
  },

  sigaction(k, process, sig, disposition) {
    if (!isValidSignal(sig) || isUncatchable(sig)) return done(new Errno('EINVAL'));
    const previous = process.dispositions.get(sig) ?? 'default';
    if (disposition === 'default') process.dispositions.delete(sig);
    else process.dispositions.set(sig, disposition);
    return done(previous);
  },

  /** pause(2): sleeps until a signal interrupts it, then fails with EINTR. */
  pause() {
    return blockOn({ poll: () => undefined, interruptible: true });
  },
};

function resolveTargets(k: Kernel, sender: Process, pid: number): Process[] {
  const ns = sender.pidns;
  const visible = () => [...k.processes.values()].filter((p) => p.pidIn(ns) !== 0);
  if (pid > 0) {
    const target = ns.find(pid);
    return target ? [target] : [];
  }
  if (pid === 0) return visible().filter((p) => p.pgid === sender.pgid);
  // kill(-1) skips the caller and its namespace's init (kill(2)).
  if (pid === -1) return visible().filter((p) => p !== sender && p.pidIn(ns) !== 1 && p.alive);
  const leader = ns.find(-pid);
  return leader ? visible().filter((p) => p.pgid === leader.hostPid) : [];
}

/** kill(2) permission: CAP_KILL, or the sender's real or effective uid is the target's real or saved uid. */
function maySignal(sender: Process, target: Process): boolean {
  const s = sender.creds;
  const t = target.creds;
  return (
    s.has('CAP_KILL') ||
    s.ruid === t.ruid ||
    s.ruid === t.suid ||
    s.euid === t.ruid ||
    s.euid === t.suid
  );
}
