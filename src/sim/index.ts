/**
 * The simulator's entry for Node (tests, the CLI, the replay, scripts): every
 * piece of code is at hand before the first host boots, so nothing ever
 * waits for code and runs are deterministic (ADR 0010). Code outside src/sim
 * imports from here (the browser's worker from index-on-demand.ts).
 */
import './pieces/all.ts';

export * from './api.ts';
