/**
 * The virtual clock: milliseconds since the Unix epoch. It moves only when the
 * kernel advances it, so every timestamp a program prints is reproducible.
 */
export class Clock {
  private nowMs: number;

  constructor(startMs: number) {
    this.nowMs = startMs;
  }

  now(): number {
    return this.nowMs;
  }

  /** Moves forward (never back). */
  advanceTo(ms: number): void {
    if (ms > this.nowMs) this.nowMs = ms;
  }
}

/**
 * The instant the simulated world starts: 2026-11-28 17:01:00 UTC, the day and
 * the hour the golden scenarios were recorded (their ps START column reads 17:01).
 */
export const WORLD_START_MS = Date.UTC(2026, 10, 28, 17, 1, 0);
