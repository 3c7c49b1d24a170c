import { describe, expect, it } from 'vitest';
import {
  followRealTime,
  type Timers,
  type VirtualClock,
} from '../../src/terminal/real-time-clock.ts';

/** A virtual clock with sleepers at given instants, and timers the test fires by hand. */
function harness(deadlines: number[]) {
  let virtualNow = 0;
  let realNow = 0;
  const pending = new Map<number, { run: () => void; at: number }>();
  let nextHandle = 1;
  const clock: VirtualClock = {
    nextTimerIn: () => {
      const next = deadlines.find((d) => d > virtualNow);
      return next === undefined ? undefined : next - virtualNow;
    },
    advance: (ms) => {
      virtualNow += ms;
    },
  };
  const timers: Timers = {
    now: () => realNow,
    setTimeout: (run, ms) => {
      pending.set(nextHandle, { run, at: realNow + ms });
      return nextHandle++;
    },
    clearTimeout: (handle) => pending.delete(handle as number),
  };
  /** Lets real time pass, firing due timers in order. */
  const wait = (ms: number): void => {
    const end = realNow + ms;
    for (;;) {
      const due = [...pending.entries()]
        .filter(([, t]) => t.at <= end)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      pending.delete(due[0]);
      realNow = due[1].at;
      due[1].run();
    }
    realNow = end;
  };
  return { clock, timers, wait, virtual: () => virtualNow, pending: () => pending.size };
}

describe('followRealTime', () => {
  it('moves virtual time to each deadline as real time reaches it', () => {
    const h = harness([2000, 5000]);
    const follower = followRealTime(h.clock, h.timers);
    follower.poke();
    h.wait(1999);
    expect(h.virtual()).toBe(0);
    h.wait(1);
    expect(h.virtual()).toBe(2000);
    h.wait(3000);
    expect(h.virtual()).toBe(5000);
    expect(h.pending()).toBe(0);
  });

  it('keeps a single timer however often it is poked', () => {
    const h = harness([1000]);
    const follower = followRealTime(h.clock, h.timers);
    follower.poke();
    follower.poke();
    follower.poke();
    expect(h.pending()).toBe(1);
  });

  it('does nothing when nothing sleeps, and stops on dispose', () => {
    const idle = harness([]);
    followRealTime(idle.clock, idle.timers).poke();
    expect(idle.pending()).toBe(0);

    const h = harness([1000]);
    const follower = followRealTime(h.clock, h.timers);
    follower.poke();
    follower.dispose();
    h.wait(5000);
    follower.poke();
    expect(h.virtual()).toBe(0);
    expect(h.pending()).toBe(0);
  });
});
