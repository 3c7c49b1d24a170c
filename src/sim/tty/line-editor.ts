/**
 * A pure line editor for the host shell's terminal session: what readline
 * does for bash, in emacs mode, with no I/O of its own.
 *
 * It takes the raw input of a terminal emulator (keys, pastes, escape
 * sequences; see escape-sequences.ts), keeps the line being edited and
 * returns events: the bytes to write to the screen (VT100/ANSI, relative
 * cursor moves only, so it works on whatever row the prompt is) and
 * the lines entered.
 *
 * Life cycle: begin(prompt) prints the prompt and starts a line; a "line",
 * "interrupt" or "eof" event ends it. Input fed while no line is active (a
 * command is running) is decoded and kept as type-ahead, then edited when
 * begin() is called next, like a tty's input queue. It is not echoed
 * before then. A caller that turns C-c into a signal for a running command
 * must catch "\x03" itself before feeding: the editor queues it like any key.
 *
 * The same input cut into different chunks gives the same line, interrupt and
 * eof events and the same final screen. The output bytes are identical too,
 * except when text is inserted before existing text or a combining mark comes
 * in another chunk than its base character: a chunk of text is inserted, and
 * what follows it redrawn, at once, so one piece means fewer redraws.
 */
import { COMMANDS, EMACS_KEYMAP, insert } from './edit-commands.ts';
import type { CommandContext, Effect } from './edit-commands.ts';
import { KeyDecoder } from './escape-sequences.ts';
import type { KeyToken } from './escape-sequences.ts';
import { History } from './history.ts';
import { LineBuffer } from './line-buffer.ts';
import { EventList } from './editor-events.ts';
import type { EditorEvent } from './editor-events.ts';
import { moveCursor, promptLastLine, ScreenLayout } from './screen-layout.ts';

export type { EditorEvent } from './editor-events.ts';

export interface LineEditorOptions {
  /** Terminal width in columns (at least 1). */
  readonly cols: number;
  /** Maximum number of history entries kept (default 1000). */
  readonly historyLimit?: number;
}

export const DEFAULT_HISTORY_LIMIT = 1000;
const CLEAR_SCREEN = '\x1b[H\x1b[2J';
const CLEAR_BELOW = '\x1b[J';

function validCols(cols: number, fallback: number): number {
  return Number.isFinite(cols) && cols >= 1 ? Math.floor(cols) : fallback;
}

export class LineEditor {
  readonly #decoder = new KeyDecoder();
  readonly #queue: KeyToken[] = [];
  #head = 0;
  readonly #ctx: CommandContext;
  readonly #layout: ScreenLayout;
  #prompt = '';
  #active = false;
  /** Where the terminal's cursor is, as an offset of the layout. */
  #termPos = 0;

  constructor(options: LineEditorOptions) {
    this.#layout = new ScreenLayout(validCols(options.cols, 80));
    const history = new History(options.historyLimit ?? DEFAULT_HISTORY_LIMIT);
    this.#ctx = { line: new LineBuffer(), history, killed: '' };
  }

  /** True between begin() and the line, interrupt or eof event that ends the line. */
  get active(): boolean {
    return this.#active;
  }

  /** Entered lines, oldest first. */
  get history(): readonly string[] {
    return this.#ctx.history.entries;
  }

  /**
   * Starts editing a new line (discarding one being edited): prints the prompt,
   * then edits any type-ahead. The terminal's cursor must be at column 0 (after
   * the CR LF of the last line, or of the caller's own output: the editor writes
   * nothing on eof), since positions are computed from there.
   */
  begin(prompt: string): EditorEvent[] {
    const events = new EventList();
    this.#ctx.line.set('');
    this.#ctx.history.restart();
    this.#prompt = prompt;
    this.#layout.setPrompt(prompt);
    this.#termPos = this.#layout.promptEnd;
    this.#active = true;
    events.output(prompt + this.#layout.promptFix());
    this.#drain(events);
    return events.list;
  }

  /** Feeds bytes from the terminal; returns the events they cause, in order. */
  feed(data: string): EditorEvent[] {
    for (const token of this.#decoder.decode(data)) this.#queue.push(token);
    const events = new EventList();
    this.#drain(events);
    return events.list;
  }

  /**
   * The terminal's width changed: returns the output that redraws the line
   * being edited. Like xterm.js, the terminal is assumed not to reflow the
   * rows of the line holding the cursor (it only cuts or pads them), so the
   * cursor is still on the same row of the line: the editor goes up to the
   * prompt's row, clears and draws prompt and line again (as readline does).
   */
  resize(cols: number): EditorEvent[] {
    const layout = this.#layout;
    const newCols = validCols(cols, layout.cols);
    if (newCols === layout.cols) return [];
    const row = Math.floor(this.#termPos / layout.cols);
    layout.setCols(newCols);
    if (!this.#active) return [];
    const up = row > 0 ? `\x1b[${row}A` : '';
    const events = new EventList();
    events.output(`${up}\r${CLEAR_BELOW}${this.#drawAll(promptLastLine(this.#prompt))}`);
    return events.list;
  }

  #drain(events: EventList): void {
    while (this.#active && this.#head < this.#queue.length) {
      const token = this.#queue[this.#head++];
      if (token !== undefined) this.#handle(token, events);
    }
    if (this.#head === this.#queue.length) {
      this.#queue.length = 0;
      this.#head = 0;
    }
  }

  #handle(token: KeyToken, events: EventList): void {
    const { line } = this.#ctx;
    const oldEnd = this.#layout.endBefore(line.cells, line.length);
    if (token.kind === 'text') {
      this.#apply(insert(this.#ctx, token.text), oldEnd, events);
      return;
    }
    const command = EMACS_KEYMAP.get(token.key);
    if (command !== undefined) this.#apply(COMMANDS[command](this.#ctx), oldEnd, events);
  }

  #apply(effect: Effect, oldEnd: number, events: EventList): void {
    switch (effect.kind) {
      case 'changed':
        events.output(this.#redraw(effect.from, oldEnd));
        break;
      case 'moved':
        events.output(this.#moveTo(this.#cursorPos()));
        break;
      case 'clear-screen':
        events.output(CLEAR_SCREEN + this.#drawAll(this.#prompt));
        break;
      case 'accept': {
        const text = this.#ctx.line.text;
        this.#ctx.history.add(text);
        this.#finish(events, this.#newline(), { kind: 'line', line: text });
        break;
      }
      case 'interrupt':
        this.#finish(events, '^C\r\n', { kind: 'interrupt' });
        break;
      case 'eof':
        this.#finish(events, '', { kind: 'eof' });
        break;
    }
  }

  #finish(events: EventList, suffix: string, event: EditorEvent): void {
    const { cells } = this.#ctx.line;
    events.output(this.#moveTo(this.#layout.endBefore(cells, cells.length)) + suffix);
    events.push(event);
    this.#active = false;
  }

  /** CR LF, unless the line ends at the margin: the cursor is then already at the start of a new row. */
  #newline(): string {
    const { cells } = this.#ctx.line;
    const end = this.#layout.endBefore(cells, cells.length);
    return end > 0 && end % this.#layout.cols === 0 ? '' : '\r\n';
  }

  /** Redraws the cells from `from` on and puts the cursor back; `oldEnd` is where the line ended. */
  #redraw(from: number, oldEnd: number): string {
    const layout = this.#layout;
    const { cells } = this.#ctx.line;
    layout.invalidate(from);
    const end = layout.endBefore(cells, cells.length);
    const clear = end < oldEnd; // the old line was longer
    const start = clear ? layout.redrawStart(cells, from) : from;
    let out = this.#moveTo(layout.endBefore(cells, start));
    if (clear) out += CLEAR_BELOW;
    out += layout.write(cells, start, cells.length);
    this.#termPos = end;
    return out + this.#moveTo(this.#cursorPos());
  }

  /** Draws the prompt (as given) and the whole line from the cursor's position, then places the cursor. */
  #drawAll(prompt: string): string {
    const layout = this.#layout;
    const { cells } = this.#ctx.line;
    const out = prompt + layout.promptFix() + layout.write(cells, 0, cells.length);
    this.#termPos = layout.endBefore(cells, cells.length);
    return out + this.#moveTo(this.#cursorPos());
  }

  #cursorPos(): number {
    const { cells, cursor } = this.#ctx.line;
    return this.#layout.cursorAt(cells, cursor);
  }

  #moveTo(target: number): string {
    const out = moveCursor(this.#termPos, target, this.#layout.cols);
    this.#termPos = target;
    return out;
  }
}
