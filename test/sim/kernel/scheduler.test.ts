import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { WAKE_CREDIT } from '../../../src/sim/kernel/run-queue.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import type { ProcessGen } from '../../../src/sim/kernel/syscall-api.ts';
import { testKernel } from './harness.ts';

/** A process that never sleeps: one system call per step, each noted in the log. */
function* busy(log: string[], name: string): ProcessGen {
  for (;;) {
    yield* sys.self();
    log.push(name);
  }
}

describe('the scheduler', () => {
  it('runs busy processes in turn', () => {
    const t = testKernel();
    const log: string[] = [];
    t.start(() => busy(log, 'a'));
    t.start(() => busy(log, 'b'));
    t.kernel.run(7);
    expect(log.join('')).toBe('ababa');
  });

  // CFS placed a waking task up to half a latency behind the queue's minimum vruntime, EEVDF
  // keeps its lag: a shell woken by a keystroke runs before a crowd of busy processes.
  it('lets a process woken from a sleep run ahead of the busy ones, for WAKE_CREDIT steps', () => {
    const t = testKernel();
    const log: string[] = [];
    for (const name of ['a', 'b', 'c']) t.start(() => busy(log, name));
    t.start(function* () {
      yield* sys.nanosleep(100);
      for (;;) {
        yield* sys.self();
        log.push('s');
      }
    });
    t.kernel.run(20);
    expect(log.join('')).not.toContain('s');
    log.length = 0;
    t.kernel.advanceTo(100);
    t.kernel.run(WAKE_CREDIT + 3);
    // The first step resumes it from the sleep, each of the next ones logs an `s`; then the
    // busy ones have their turns again, each one, where their rotation had got to.
    expect(log.slice(0, WAKE_CREDIT - 1).join('')).toBe('s'.repeat(WAKE_CREDIT - 1));
    expect([...log.slice(WAKE_CREDIT - 1)].sort()).toEqual(['a', 'b', 'c']);
  });

  it('wakes sleepers at their deadlines, earliest first, one timer after another', () => {
    const t = testKernel();
    const woke: string[] = [];
    for (const [name, ms] of [
      ['late', 300],
      ['early', 100],
      ['middle', 200],
      ['early too', 100],
    ] as const)
      t.start(function* () {
        yield* sys.nanosleep(ms);
        woke.push(name);
        return 0;
      });
    t.run();
    const times: number[] = [];
    for (let next = t.kernel.nextDeadline(); next !== undefined; next = t.kernel.nextDeadline()) {
      times.push(next);
      t.kernel.advanceTo(next);
      t.run();
    }
    expect(times).toEqual([100, 200, 300]);
    expect(woke).toEqual(['early', 'early too', 'middle', 'late']);
  });

  // Linux's do_wait() walks the children list, oldest first (fork and reparenting append).
  it('waitpid(-1) reports exited children in the order they were forked', () => {
    const t = testKernel();
    const reported: number[] = [];
    const forked: number[] = [];
    t.start(function* () {
      for (const ms of [30, 10, 20]) {
        const pid = yield* sys.fork(function* () {
          yield* sys.nanosleep(ms);
          return ms;
        });
        if (!(pid instanceof Errno)) forked.push(pid);
      }
      yield* sys.nanosleep(50);
      for (;;) {
        const waited = yield* sys.waitpid(-1);
        if (!waited || waited instanceof Errno) return 0;
        reported.push(waited.pid);
      }
    });
    t.run();
    for (let next = t.kernel.nextDeadline(); next !== undefined; next = t.kernel.nextDeadline()) {
      t.kernel.advanceTo(next);
      t.run();
    }
    expect(reported).toEqual(forked);
  });
});
