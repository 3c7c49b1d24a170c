import type { IDisposable, IEvent, ITerminalAddon } from '@xterm/xterm';
import type { TerminalPort } from '../sim/index.ts';
import { DisposableStore, toDisposable } from './disposable-store.ts';
import { OutputPacer } from './output-pacer.ts';

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

export interface PortAttachOptions {
  /** Runs `next` when the screen may take more output (animationFrames() by default). */
  readonly nextFrame?: (next: () => void) => void;
  /** The first piece of output to an idle screen (FIRST_PIECE_CHARS by default). */
  readonly firstPieceChars?: number;
  /** The largest piece of output handed to xterm per frame (MAX_PIECE_CHARS by default). */
  readonly maxPieceChars?: number;
}

/**
 * The first piece of output to an idle screen: echo and prompts fit. A
 * flood's first pieces meet cold code and a scrollback that still allocates
 * its lines: the first 8 KiB of `yes` after Enter, parsed at once in the
 * message's task, took 37 ms of CPU, and 1 KiB still 13 ms (CDP trace,
 * headless Chromium); on a busy machine such a task stretched to 300 ms.
 */
export const FIRST_PIECE_CHARS = 256;

/**
 * The pieces of a flood: 8 KiB at most (20 frames a second then scroll
 * about 55,000 lines of `yes` a second), 256 characters at least, sized so
 * that xterm parses one in at most 4 ms. Warm, 4 KiB of `yes` took about
 * 1 ms here; on a busy machine the tasks stretch and the pieces shrink.
 */
export const MAX_PIECE_CHARS = 8192;
const MIN_PIECE_CHARS = FIRST_PIECE_CHARS;
const PARSE_BUDGET_MS = 4;

/** A frame that does not come (a hidden tab) is not waited for longer than this. */
const FRAME_FALLBACK_MS = 100;

/**
 * The shortest time between two pieces of a flood: xterm's DOM renderer
 * redraws every row of a scrolled screen (style and layout, about 3 to 8 ms
 * of CPU here), which costs more than parsing the piece, so a flood is drawn
 * at most 20 times a second.
 */
export const FLOOD_FRAME_MS = 1000 / 20;

/**
 * A `nextFrame` for OutputPacer: the first animation frame at least
 * `minIntervalMs` after the previous one it ran at, or a timer where there
 * are no frames (Node, a hidden tab).
 */
export function animationFrames(minIntervalMs = FLOOD_FRAME_MS): (next: () => void) => void {
  let last = -Infinity;
  return (next) => {
    let ran = false;
    let fallback: ReturnType<typeof setTimeout> | undefined;
    const run = (): void => {
      if (ran) return;
      ran = true;
      clearTimeout(fallback);
      last = performance.now();
      next();
    };
    const frame = (time: number): void => {
      if (ran) return;
      // A frame's time is when it began; 2 ms of slack for 60 Hz timing jitter.
      if (time - last + 2 >= minIntervalMs) run();
      else requestAnimationFrame(frame);
    };
    if (typeof requestAnimationFrame === 'function') {
      requestAnimationFrame(frame);
      fallback = setTimeout(run, FRAME_FALLBACK_MS);
    } else setTimeout(run, minIntervalMs);
  };
}

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
 * Output is paced to the frames (OutputPacer); a port with acknowledge()
 * hears when each piece is on screen, and when the terminal flushes its
 * output (Ctrl-C) the pieces not yet drawn are dropped and acknowledged.
 * Disposing detaches; the port itself belongs to whoever opened it.
 */
export class PortAttachAddon implements ITerminalAddon, IDisposable {
  readonly #port: TerminalPort;
  readonly #options: PortAttachOptions;
  readonly #disposables = new DisposableStore();

  constructor(port: TerminalPort, options: PortAttachOptions = {}) {
    this.#port = port;
    this.#options = options;
  }

  activate(terminal: AttachableTerminal): void {
    const port = this.#port;
    const acknowledge = acknowledges(port) ? (chars: number) => port.acknowledge(chars) : undefined;
    const maxPieceChars = this.#options.maxPieceChars ?? MAX_PIECE_CHARS;
    const pacer = new OutputPacer({
      write: (piece, parsed, timed) => {
        if (!timed) {
          terminal.write(piece, parsed);
          return;
        }
        // xterm parses queued writes in order in one task (WriteBuffer.ts): the callback of an
        // empty write just before the piece marks when parsing the piece begins.
        let began = 0;
        terminal.write('', () => (began = performance.now()));
        terminal.write(piece, () => parsed(performance.now() - began));
      },
      shown: (chars) => acknowledge?.(chars),
      nextFrame: this.#options.nextFrame ?? animationFrames(),
      firstPieceChars: Math.min(this.#options.firstPieceChars ?? FIRST_PIECE_CHARS, maxPieceChars),
      minPieceChars: Math.min(MIN_PIECE_CHARS, maxPieceChars),
      maxPieceChars,
      parseBudgetMs: PARSE_BUDGET_MS,
    });
    this.#disposables.add(toDisposable(() => pacer.finish()));
    const options = acknowledge
      ? { flowControl: true, onFlush: () => acknowledge(pacer.discard()) }
      : undefined;
    this.#disposables.add(toDisposable(port.onOutput((data) => pacer.push(data), options)));
    this.#disposables.add(terminal.onData((data) => port.write(data)));
    this.#disposables.add(terminal.onResize(({ cols, rows }) => port.resize(cols, rows)));
    port.resize(terminal.cols, terminal.rows);
  }

  dispose(): void {
    this.#disposables.dispose();
  }
}
