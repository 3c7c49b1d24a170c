import type { KernelEvent } from '../kernel/events.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { PidNamespace } from '../kernel/pid-namespace.ts';
import { WIFSIGNALED, WEXITSTATUS, WTERMSIG } from '../kernel/wait-status.ts';
import { signalName } from '../kernel/signals.ts';
import type { ProcessFate } from './scenario.ts';

/**
 * Signals strace cannot show as received: SIGCHLD is the kernel's own, and a
 * SIGKILL ends the process before any delivery is visible ("+++ killed by SIGKILL +++").
 */
const UNSEEN = new Set(['SIGCHLD', 'SIGKILL']);

interface Tracked {
  proc: string;
  argv: readonly string[];
  signals: string[];
  end: string;
}

/**
 * Follows the container's processes on the kernel's event stream, as the
 * recorder's strace run does: the last command each ran, the signals sent to
 * it (with the sender's PID as the receiver sees it, 0 from outside), and how
 * it ended.
 */
export class FateTracker {
  private readonly tracked = new Map<number, Tracked>();
  private readonly kernel: Kernel;
  private readonly execNames = new Map<number, string>();
  private readonly namespace: () => PidNamespace | undefined;

  /** `namespace` gives the container's PID namespace once its first process exists. */
  constructor(kernel: Kernel, namespace: () => PidNamespace | undefined) {
    this.kernel = kernel;
    this.namespace = namespace;
    kernel.events.subscribe(
      (event) => {
        this.see(event);
      },
      ['exec', 'signal-sent', 'signal-waited', 'exit'],
    );
  }

  /** Names a docker exec'd process "exec#K" as the recordings do. */
  nameExec(hostPid: number, index: number): void {
    this.execNames.set(hostPid, `exec#${index}`);
    const known = this.tracked.get(hostPid);
    if (known) known.proc = `exec#${index}`;
  }

  fates(): ProcessFate[] {
    return [...this.tracked.values()].map((t) => ({
      proc: t.proc,
      argv: t.argv,
      signals_received: t.signals,
      end: t.end,
    }));
  }

  private see(event: KernelEvent): void {
    if (event.type === 'exec') {
      const entry = this.entry(event.process.hostPid);
      if (entry) entry.argv = event.argv;
    } else if (event.type === 'signal-sent' && !UNSEEN.has(event.signal)) {
      const entry = this.entry(event.target.hostPid);
      const ns = this.namespace();
      if (!entry || !ns) return;
      const sender = event.sender
        ? (this.kernel.processes.get(event.sender.hostPid)?.pidIn(ns) ?? 0)
        : 0;
      entry.signals.push(`${event.signal} (SI_USER, si_pid=${sender})`);
    } else if (event.type === 'signal-waited') {
      // Taken with sigtimedwait: strace shows no delivery, so it was not "received".
      const signals = this.tracked.get(event.target.hostPid)?.signals;
      const index = signals?.findLastIndex((s) => s.startsWith(`${event.signal} `)) ?? -1;
      if (signals && index >= 0) signals.splice(index, 1);
    } else if (event.type === 'exit') {
      const entry = this.entry(event.process.hostPid);
      if (entry) {
        entry.end = WIFSIGNALED(event.status)
          ? `killed by ${signalName(WTERMSIG(event.status))}`
          : `exited with ${WEXITSTATUS(event.status)}`;
      }
    }
  }

  private entry(hostPid: number): Tracked | undefined {
    const known = this.tracked.get(hostPid);
    if (known) return known;
    const process = this.kernel.processes.get(hostPid);
    const ns = this.namespace();
    if (!process || !ns || process.pidIn(ns) === 0) return undefined;
    const created: Tracked = {
      proc: this.execNames.get(hostPid) ?? `pid${process.pidIn(ns)}`,
      argv: process.argv,
      signals: [],
      end: 'still running',
    };
    this.tracked.set(hostPid, created);
    return created;
  }
}
