/**
 * Where the prompt and the cells of the edited line fall on the screen.
 *
 * Positions are "offsets": row * cols + col, counted from the first column
 * of the row where the prompt's last line starts. The layout follows the
 * terminal's auto-wrap: a line wraps at `cols`, and a wide character that
 * does not fit in the last column goes to the next row, leaving a hole.
 *
 * After writing a character that ends exactly at the right margin a terminal
 * stays in the "pending wrap" state (its cursor is still on the last column).
 * We then write " \r" (as readline does): the space wraps for real and the
 * CR comes back to column 0, so the cursor is where the layout says it is.
 * The space is overwritten by the next character or cleared by ESC [J.
 *
 * End offsets of the cells are cached and recomputed from the first changed
 * cell only, so typing at the end of a long line costs O(1) per key.
 */
import { cellWidth, splitCells } from './char-width.ts';

/** Where a cell of width `width` starts when the previous one ends at `offset`. */
export function place(offset: number, width: number, cols: number): number {
  const col = offset % cols;
  return width > 0 && col > 0 && col + width > cols ? offset - col + cols : offset;
}

/** Relative cursor movement from one offset to another. */
export function moveCursor(from: number, to: number, cols: number): string {
  const rows = Math.floor(to / cols) - Math.floor(from / cols);
  const col = to % cols;
  const fromCol = from % cols;
  let out = rows < 0 ? `\x1b[${-rows}A` : rows > 0 ? `\x1b[${rows}B` : '';
  if (col === fromCol) return out;
  if (col === 0) out += '\r';
  else if (col === fromCol - 1) out += '\b';
  else if (col < fromCol) out += `\x1b[${fromCol - col}D`;
  else out += `\x1b[${col - fromCol}C`;
  return out;
}

/** The last line of a prompt (after its last CR or LF), escape sequences included. */
export function promptLastLine(prompt: string): string {
  return prompt.slice(Math.max(prompt.lastIndexOf('\n'), prompt.lastIndexOf('\r')) + 1);
}

/** What the last line of a prompt shows: escape sequences and controls removed. */
export function visiblePromptTail(prompt: string): string {
  return promptLastLine(prompt)
    .replace(/\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?/g, '') // OSC (window title...)
    .replace(/\x1b\[[0-?]*[ -/]*[@-~]/g, '') // CSI (colours...)
    .replace(/\x1b[^[\]]/g, '')
    .replace(/[\x00-\x1f\x7f-\x9f]/g, '');
}

export class ScreenLayout {
  #cols: number;
  #promptCells: string[] = [];
  #promptEnd = 0;
  #ends: number[] = [];
  #valid = 0;

  constructor(cols: number) {
    this.#cols = cols;
  }

  get cols(): number {
    return this.#cols;
  }

  /** Offset just after the prompt. */
  get promptEnd(): number {
    return this.#promptEnd;
  }

  setPrompt(prompt: string): void {
    this.#promptCells = splitCells(visiblePromptTail(prompt));
    this.#relayout();
  }

  setCols(cols: number): void {
    this.#cols = cols;
    this.#relayout();
  }

  /** Forgets the cached positions of cells from index `from` on. */
  invalidate(from: number): void {
    this.#valid = Math.min(this.#valid, from);
  }

  /** Offset where the cell before index i ends (the prompt end for i = 0). */
  endBefore(cells: readonly string[], i: number): number {
    if (i <= 0) return this.#promptEnd;
    let end = this.#valid === 0 ? this.#promptEnd : (this.#ends[this.#valid - 1] ?? 0);
    for (let k = this.#valid; k < i; k++) {
      const width = cellWidth(cells[k] ?? '');
      end = place(end, width, this.#cols) + width;
      this.#ends[k] = end;
    }
    this.#valid = Math.max(this.#valid, i);
    return this.#ends[i - 1] ?? end;
  }

  /** Offset of the cursor when it is on cell i (or after the last cell). */
  cursorAt(cells: readonly string[], i: number): number {
    const end = this.endBefore(cells, i);
    const cell = cells[i];
    return cell === undefined ? end : place(end, cellWidth(cell), this.#cols);
  }

  /** Wrap fix for a cell (or prompt) ending at `end`, as explained above. */
  wrapFix(end: number, width: number): string {
    return width > 0 && end > 0 && end % this.#cols === 0 ? ' \r' : '';
  }

  /**
   * The cell to redraw from, after clearing, when cells from `from` on changed:
   * one cell earlier if `from` starts a row, so that the terminal wraps to that
   * row by itself. (xterm.js marks the rows it wraps to as the continuation of
   * a line, and keeps the line together on resize; clearing from column 0
   * would unmark the row.)
   */
  redrawStart(cells: readonly string[], from: number): number {
    return from > 0 && this.endBefore(cells, from) % this.#cols === 0 ? from - 1 : from;
  }

  /** Text of cells[from, to) with the wrap fixes; the terminal cursor must be at endBefore(from). */
  write(cells: readonly string[], from: number, to: number): string {
    let out = '';
    for (let i = from; i < to; i++) {
      const cell = cells[i] ?? '';
      out += cell + this.wrapFix(this.endBefore(cells, i + 1), cellWidth(cell));
    }
    return out;
  }

  /** Wrap fix to write after the prompt. */
  promptFix(): string {
    return this.#promptEnd > 0 && this.#promptEnd % this.#cols === 0 ? ' \r' : '';
  }

  #relayout(): void {
    let end = 0;
    for (const cell of this.#promptCells) {
      const width = cellWidth(cell);
      end = place(end, width, this.#cols) + width;
    }
    this.#promptEnd = end;
    this.#valid = 0;
  }
}
