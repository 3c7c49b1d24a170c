import type { Process } from './process.ts';

/**
 * How many steps (system calls) a process woken from a sleep may run ahead of
 * the processes that were already runnable. Linux's fair scheduler does the
 * same for a task that slept: CFS placed it up to half a scheduling latency
 * (3 ms) behind the queue's minimum virtual runtime, EEVDF keeps the lag it was
 * owed, so a shell woken by a keystroke runs before a crowd of busy processes.
 * At a few microseconds per system call, 3 ms is some hundreds of calls; a
 * prompt takes a few dozen.
 */
export const WAKE_CREDIT = 256;

/** A first-in first-out list of processes with O(1) push and shift. */
class Lane {
  private items: Process[] = [];
  private head = 0;

  push(process: Process): void {
    this.items.push(process);
  }

  shift(): Process | undefined {
    if (this.head >= this.items.length) return undefined;
    const process = this.items[this.head++] as Process;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return process;
  }

  get length(): number {
    return this.items.length - this.head;
  }
}

/**
 * The runnable processes, in two first-in first-out lanes: processes woken from
 * a sleep with credit left (WAKE_CREDIT) run first, then the others in turn. Every
 * operation is O(1), whatever the number of processes (a fork bomb has tens of
 * thousands).
 */
export class RunQueue {
  private readonly woken = new Lane();
  private readonly others = new Lane();
  private readonly queued = new Set<Process>();

  /** Adds a process unless it is already queued; its credit picks the lane. */
  add(process: Process): void {
    if (this.queued.has(process)) return;
    this.queued.add(process);
    if (process.wakeCredit > 0) this.woken.push(process);
    else this.others.push(process);
  }

  /** The next process to run (it may since have died or blocked: the caller checks). */
  take(): Process | undefined {
    const process = this.woken.shift() ?? this.others.shift();
    if (process) this.queued.delete(process);
    return process;
  }

  get size(): number {
    return this.woken.length + this.others.length;
  }
}
