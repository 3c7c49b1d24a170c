import { toDisposable, type Disposable } from './disposable-store.ts';

/** What the host offers to let virtual time follow real time (Host in src/sim/index.ts). */
export interface VirtualClock {
  /** Milliseconds of virtual time until a sleeping process wakes, if one sleeps. */
  nextTimerIn(): number | undefined;
  advance(ms: number): void;
}

export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  now: () => performance.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
};

/**
 * Lets the host's virtual clock follow real time while something sleeps, so
 * `sleep 2` or `docker stop`'s grace period takes as long as on a real
 * machine. Call `poke()` after anything that may start a sleep (input,
 * output); it (re)arms one real timer for the next virtual deadline.
 */
export function followRealTime(
  clock: VirtualClock,
  timers: Timers = browserTimers,
): Disposable & { poke(): void } {
  let handle: unknown;
  let armedAt = 0;
  let disposed = false;
  const poke = (): void => {
    if (disposed) return;
    if (handle !== undefined) timers.clearTimeout(handle);
    handle = undefined;
    const wait = clock.nextTimerIn();
    if (wait === undefined) return;
    armedAt = timers.now();
    handle = timers.setTimeout(() => {
      handle = undefined;
      clock.advance(Math.max(wait, timers.now() - armedAt));
      poke();
    }, wait);
  };
  const stop = toDisposable(() => {
    disposed = true;
    if (handle !== undefined) timers.clearTimeout(handle);
  });
  return { poke, dispose: () => stop.dispose() };
}
