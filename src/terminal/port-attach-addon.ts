import type { IDisposable, IEvent, ITerminalAddon } from '@xterm/xterm';
import type { TerminalPort } from '../sim/index.ts';
import { DisposableStore, toDisposable } from './disposable-store.ts';

/**
 * The part of an xterm Terminal the addon uses. Both @xterm/xterm's and
 * @xterm/headless's Terminal have it, so tests run without a DOM.
 */
export interface AttachableTerminal {
  readonly cols: number;
  readonly rows: number;
  readonly onData: IEvent<string>;
  readonly onResize: IEvent<{ cols: number; rows: number }>;
  write(data: string, callback?: () => void): void;
}

/** The largest piece of output handed to xterm in one write() call. */
const WRITE_PIECE = 4096;

/** A port that wants to know when its output is on screen (flow control, ADR 0007). */
interface AcknowledgingPort extends TerminalPort {
  acknowledge(chars: number): void;
}

function acknowledges(port: TerminalPort): port is AcknowledgingPort {
  return typeof (port as Partial<AcknowledgingPort>).acknowledge === 'function';
}

/**
 * Attaches a terminal to a simulated host's TerminalPort, in the manner of
 * xterm.js's AttachAddon (addons/addon-attach/src/AttachAddon.ts) with the
 * port in place of the WebSocket: keystrokes go to the port unchanged, the
 * port's output goes to the screen, and size changes reach the port.
 * A port with acknowledge() hears when each piece of output is on screen.
 * Disposing detaches; the port itself belongs to whoever opened it.
 */
export class PortAttachAddon implements ITerminalAddon, IDisposable {
  readonly #port: TerminalPort;
  readonly #disposables = new DisposableStore();

  constructor(port: TerminalPort) {
    this.#port = port;
  }

  activate(terminal: AttachableTerminal): void {
    const port = this.#port;
    const write = acknowledges(port)
      ? (piece: string) => terminal.write(piece, () => port.acknowledge(piece.length))
      : (piece: string) => terminal.write(piece);
    // xterm parses one write at a time and yields between writes (after about 12 ms),
    // so a flood (yes) arrives in pieces instead of one long task.
    const print = (data: string): void => {
      for (let at = 0; at < data.length; at += WRITE_PIECE) write(data.slice(at, at + WRITE_PIECE));
    };
    const options = acknowledges(port) ? { flowControl: true } : undefined;
    this.#disposables.add(toDisposable(port.onOutput(print, options)));
    this.#disposables.add(terminal.onData((data) => port.write(data)));
    this.#disposables.add(terminal.onResize(({ cols, rows }) => port.resize(cols, rows)));
    port.resize(terminal.cols, terminal.rows);
  }

  dispose(): void {
    this.#disposables.dispose();
  }
}
