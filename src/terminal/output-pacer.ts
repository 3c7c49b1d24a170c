/**
 * Paces a stream of terminal output to the screen's frames, so that a flood
 * (`yes`) costs the page's main thread a bounded share of each frame instead
 * of all of it.
 *
 * xterm.js parses whatever it is given for up to 12 ms per task and draws in
 * between (its WriteBuffer's WRITE_TIMEOUT_MS): fed as fast as the simulator
 * prints, the main thread does nothing else, and on a busy machine its tasks
 * stretch to hundreds of milliseconds. The pacer hands the terminal one
 * piece per frame, the next only after the previous one is parsed (xterm.js's
 * flow-control guide: write with a callback). Output arriving while the
 * screen is idle goes out at once, so typing and prompts see no delay.
 *
 * A piece's size follows how long the screen took to parse the previous one
 * (halved above `parseBudgetMs`, doubled below half of it, between
 * `minPieceChars` and `maxPieceChars`), and a flood starts at
 * `firstPieceChars`: its first pieces meet cold code and a scrollback that
 * still allocates its lines, and a machine busy with other work stretches
 * every task, so the pieces shrink where parsing is slow.
 */
export interface OutputPacerOptions {
  /**
   * Writes `piece` to the screen and calls `parsed` once it is on screen;
   * with `timed`, with how long parsing it took. Untimed are the first piece
   * to an idle screen (xterm parses it at once after a keystroke) and the
   * rest handed over by finish().
   */
  readonly write: (piece: string, parsed: (tookMs?: number) => void, timed: boolean) => void;
  /** `chars` characters handed to write() are on screen. */
  readonly shown: (chars: number) => void;
  /** Runs `next` when the screen may take its next piece (the next animation frame). */
  readonly nextFrame: (next: () => void) => void;
  /** The first piece after the screen was idle. */
  readonly firstPieceChars: number;
  readonly minPieceChars: number;
  readonly maxPieceChars: number;
  /** How long parsing one piece should take at most. */
  readonly parseBudgetMs: number;
}

export class OutputPacer {
  readonly #options: OutputPacerOptions;
  /** Output not yet handed to the screen, oldest first. */
  #queue: string[] = [];
  #queued = 0;
  /** A piece is being parsed, or the next frame is awaited. */
  #busy = false;
  /** The size of the next piece of a flood. */
  #pieceChars = 0;
  #stopped = false;

  constructor(options: OutputPacerOptions) {
    this.#options = options;
  }

  /** Characters waiting for the screen (not yet handed to write()). */
  get queued(): number {
    return this.#queued;
  }

  push(data: string): void {
    if (this.#stopped || data === '') return;
    this.#queue.push(data);
    this.#queued += data.length;
    if (!this.#busy) this.#pump();
  }

  /**
   * Drops the output not yet handed to the screen (the terminal flushed it)
   * and returns how many characters that was. A piece being parsed stays.
   */
  discard(): number {
    const dropped = this.#queued;
    this.#queue = [];
    this.#queued = 0;
    return dropped;
  }

  /**
   * Stops pacing: what is queued goes to the screen at once (in pieces of
   * `maxPieceChars`, so xterm still parses it in slices) and later output is
   * ignored. A login that ends keeps its last words.
   */
  finish(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    while (this.#queued > 0) {
      const piece = this.#take(this.#options.maxPieceChars);
      this.#options.write(piece, () => this.#options.shown(piece.length), false);
    }
  }

  #pump(): void {
    if (this.#stopped || this.#queued === 0) {
      this.#busy = false;
      return;
    }
    const timed = this.#busy;
    if (!timed) this.#pieceChars = this.#options.firstPieceChars;
    this.#busy = true;
    const piece = this.#take(this.#pieceChars);
    const parsed = (tookMs?: number): void => {
      this.#options.shown(piece.length);
      if (this.#stopped) return;
      this.#pieceChars = this.#nextPieceChars(tookMs);
      if (this.#queued === 0) this.#busy = false;
      else this.#options.nextFrame(() => this.#pump());
    };
    this.#options.write(piece, parsed, timed);
  }

  /** Halved after a slow parse, doubled after a fast one, within the bounds; kept if not timed. */
  #nextPieceChars(tookMs: number | undefined): number {
    const { minPieceChars, maxPieceChars, parseBudgetMs } = this.#options;
    if (tookMs === undefined) return this.#pieceChars;
    if (tookMs > parseBudgetMs) return Math.max(minPieceChars, Math.floor(this.#pieceChars / 2));
    if (tookMs < parseBudgetMs / 2) return Math.min(maxPieceChars, 2 * this.#pieceChars);
    return this.#pieceChars;
  }

  /** The first `limit` characters of the queue, removed from it. */
  #take(limit: number): string {
    let piece = '';
    while (this.#queue.length > 0 && piece.length < limit) {
      const head = this.#queue[0] as string;
      const room = limit - piece.length;
      if (head.length <= room) {
        piece += head;
        this.#queue.shift();
      } else {
        piece += head.slice(0, room);
        this.#queue[0] = head.slice(room);
      }
    }
    this.#queued -= piece.length;
    return piece;
  }
}
