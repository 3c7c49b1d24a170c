import type { Blocker, Process } from './process.ts';

interface Timer {
  readonly deadline: number;
  /** Arming order: timers due at the same time fire in the order they were armed. */
  readonly seq: number;
  readonly process: Process;
  readonly blocker: Blocker;
}

/**
 * The sleepers' deadlines in a binary min-heap (Linux keeps hrtimers in a
 * red-black tree for the same reason): the next deadline and the timers due are
 * found in O(log n), not by a scan of every sleeping process. A timer whose
 * process has since woken (another blocker, or none) is stale and skipped.
 */
export class TimerQueue {
  private readonly heap: Timer[] = [];
  private seq = 0;

  arm(process: Process, blocker: Blocker): void {
    if (blocker.deadline === undefined) return;
    this.heap.push({ deadline: blocker.deadline, seq: this.seq++, process, blocker });
    this.up(this.heap.length - 1);
  }

  /** The earliest deadline of a process still asleep on the blocker that armed it. */
  next(): number | undefined {
    this.dropStale();
    return this.heap[0]?.deadline;
  }

  /** Removes and returns the processes whose deadline is at or before `ms`, earliest first. */
  due(ms: number): Process[] {
    const processes: Process[] = [];
    for (;;) {
      this.dropStale();
      const top = this.heap[0];
      if (!top || top.deadline > ms) return processes;
      this.pop();
      processes.push(top.process);
    }
  }

  private dropStale(): void {
    for (let top = this.heap[0]; top && top.process.blocker !== top.blocker; top = this.heap[0])
      this.pop();
  }

  private pop(): void {
    const last = this.heap.pop() as Timer;
    if (this.heap.length === 0) return;
    this.heap[0] = last;
    this.down(0);
  }

  private before(a: Timer, b: Timer): boolean {
    return a.deadline < b.deadline || (a.deadline === b.deadline && a.seq < b.seq);
  }

  private up(index: number): void {
    const heap = this.heap;
    const item = heap[index] as Timer;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      const above = heap[parent] as Timer;
      if (!this.before(item, above)) break;
      heap[index] = above;
      index = parent;
    }
    heap[index] = item;
  }

  private down(index: number): void {
    const heap = this.heap;
    const item = heap[index] as Timer;
    for (;;) {
      let child = 2 * index + 1;
      if (child >= heap.length) break;
      const right = child + 1;
      if (right < heap.length && this.before(heap[right] as Timer, heap[child] as Timer))
        child = right;
      if (!this.before(heap[child] as Timer, item)) break;
      heap[index] = heap[child] as Timer;
      index = child;
    }
    heap[index] = item;
  }
}
