/**
 * The simulator's public API. Code outside src/sim imports from here only.
 */
export type { TerminalPort, TerminalSize } from './tty/terminal-port.ts';
export { DEFAULT_TERMINAL_SIZE } from './tty/terminal-port.ts';
export {
  createHost,
  Host,
  type HostOptions,
  type PlainResult,
  type TerminalSession,
} from './host/host.ts';
export type { KernelEvent, ProcessRef } from './kernel/events.ts';
export { replay } from './replay/replay.ts';
export type { Observed, ScenarioFile } from './replay/scenario.ts';
export type { HostSnapshot, ProcessSnapshot } from './host/snapshot.ts';
