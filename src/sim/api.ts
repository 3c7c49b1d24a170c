/**
 * The simulator's public API, as both entries export it: src/sim/index.ts
 * (every piece at hand: Node, tests, the CLI) and src/sim/index-on-demand.ts
 * (pieces fetched when first needed: the browser's worker).
 */
export type { OutputOptions, TerminalPort, TerminalSize } from './tty/terminal-port.ts';
export { DEFAULT_TERMINAL_SIZE } from './tty/terminal-port.ts';
export {
  createHost,
  Host,
  type HostOptions,
  type PlainResult,
  type TerminalSession,
} from './host/host.ts';
export type {
  CommandOrigin,
  KernelEvent,
  ProbeEvent,
  ProcessRef,
  TextSpan,
} from './kernel/events.ts';
export { replay } from './replay/replay.ts';
export type { Observed, ScenarioFile } from './replay/scenario.ts';
export type { HostSnapshot, ProcessSnapshot } from './host/snapshot.ts';
