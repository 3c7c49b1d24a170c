import type { Host } from '../host/host.ts';

/** How long settling waits at most, in virtual time, when no limit is given. */
export const SETTLE_MS = 60_000;

/** Advances virtual time by `ms`, letting every timer that falls due on the way run in order. */
export function advanceBy(host: Host, ms: number): void {
  host.runUntil(() => false, { limitMs: ms, clockToLimit: true });
}

/**
 * Runs, jumping from timer to timer, until `done` holds or `limitMs` of
 * virtual time has passed (or the host's step limit is spent).
 */
export function settle(host: Host, done: () => boolean, limitMs = SETTLE_MS): boolean {
  return host.runUntil(done, { limitMs, clockToLimit: true }) === 'done';
}

/** Runs until every process waits, without moving the clock (or until the host's step limit is spent). */
export function runIdle(host: Host): void {
  host.runUntil(() => false, { limitMs: 0 });
}
