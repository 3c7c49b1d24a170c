import { Errno } from '../errno.ts';
import type { Kernel } from '../kernel.ts';
import { blockOn, done } from '../outcome.ts';
import type { Process } from '../process.ts';
import { sendSignal } from '../signal.ts';
import { isUncatchable, isValidSignal, signalName } from '../signals.ts';
import type { HandlerTable } from './dispatch.ts';

type SignalCalls = Pick<
  HandlerTable,
  'kill' | 'sigaction' | 'pause' | 'sigprocmask' | 'sigtimedwait'
>;

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

  /** SIGKILL and SIGSTOP cannot be blocked; the request silently leaves them out (sigprocmask(2)). */
  sigprocmask(k, process, how, set) {
    const old = [...process.blocked].sort((a, b) => a - b);
    const valid = set.filter((sig) => isValidSignal(sig) && !isUncatchable(sig));
    if (how === 'setmask') process.blocked = new Set(valid);
    else
      for (const sig of valid) {
        if (how === 'block') process.blocked.add(sig);
        else process.blocked.delete(sig);
      }
    if (how !== 'block') k.enqueue(process);
    return done(old);
  },

  sigtimedwait(k, process, set, timeoutMs) {
    const wanted = new Set(set);
    const deadline = k.clock.now() + Math.max(0, timeoutMs);
    const poll = () => {
      const sig = [...process.pending].sort((a, b) => a - b).find((s) => wanted.has(s));
      if (sig !== undefined) {
        process.pending.delete(sig);
        k.emit({
          type: 'signal-waited',
          t: k.clock.now(),
          target: process.ref(),
          signal: signalName(sig),
        });
        return { value: sig };
      }
      return k.clock.now() >= deadline ? { value: new Errno('EAGAIN') } : undefined;
    };
    return blockOn({ poll, deadline, interruptible: true });
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
