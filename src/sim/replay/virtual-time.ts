import type { Host } from '../host/host.ts';

/** How long settling waits at most, in virtual time, when no limit is given. */
export const SETTLE_MS = 60_000;

/** Advances virtual time by `ms`, letting every timer that falls due on the way run in order. */
export function advanceBy(host: Host, ms: number): void {
  const target = host.kernel.clock.now() + ms;
  for (;;) {
    host.runUntilIdle();
    const next = host.kernel.nextDeadline();
    if (next === undefined || next > target) break;
    host.kernel.advanceTo(next);
  }
  host.kernel.advanceTo(target);
  host.runUntilIdle();
}

/** Runs, jumping from timer to timer, until `done` holds or `limitMs` of virtual time has passed. */
export function settle(host: Host, done: () => boolean, limitMs = SETTLE_MS): boolean {
  const limit = host.kernel.clock.now() + limitMs;
  for (;;) {
    host.runUntilIdle();
    if (done()) return true;
    const next = host.kernel.nextDeadline();
    if (next === undefined || next > limit) {
      host.kernel.advanceTo(limit);
      host.runUntilIdle();
      return done();
    }
    host.kernel.advanceTo(next);
  }
}
