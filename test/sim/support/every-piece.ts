/**
 * Vitest setup (vitest.config.ts): every piece of the simulator's code is at
 * hand before any test runs (ADR 0010), also for tests that build a kernel
 * from the registry without going through src/sim/index.ts.
 */
import '../../../src/sim/pieces/all.ts';
