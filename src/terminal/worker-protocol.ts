/**
 * The messages between the page and the simulator's Web Worker
 * (ADR 0007). They carry a TerminalPort's traffic and nothing else:
 * keystrokes in, screen bytes out, size changes, the end of the login
 * shell, and acknowledgements that keep the output within a bound.
 */

/** From the page to the worker. */
export type ToHost =
  /** Start a login on a new pseudo-terminal (the first, or the next after `exit`). */
  | { readonly type: 'open'; readonly cols: number; readonly rows: number }
  | { readonly type: 'write'; readonly data: string }
  | { readonly type: 'resize'; readonly cols: number; readonly rows: number }
  /** The page has put this many characters of output on screen (flow control). */
  | { readonly type: 'ack'; readonly chars: number };

/** From the worker to the page. */
export type FromHost =
  | { readonly type: 'output'; readonly data: string }
  /** Output sent before this and not yet drawn is discarded (Ctrl-C, TerminalPort's onFlush). */
  | { readonly type: 'flush' }
  /** The login shell ended with this status. */
  | { readonly type: 'exit'; readonly status: number };

/** The part of a Worker (or of a worker's global scope) a side of the channel uses. */
export interface Channel<Out, In> {
  postMessage(message: Out): void;
  addEventListener(type: 'message', listener: (event: { data: In }) => void): void;
  removeEventListener(type: 'message', listener: (event: { data: In }) => void): void;
}
