/**
 * The line being edited: a list of cells (a character with its combining
 * marks) and a cursor index between 0 and the number of cells. Edits return
 * the index of the first cell whose content changed, so the screen can be
 * redrawn from there.
 *
 * Every cell starts with a character that has a width: a combining mark (or
 * other zero-width character) typed at the start of the line, with nothing to
 * combine with, is dropped. On a terminal it would sit on whatever precedes
 * it, and the screen could not be redrawn cell by cell.
 */
import { isZeroWidth, splitCells } from './char-width.ts';

const WORD_CHAR = /^[\p{L}\p{N}]/u;
const SPACE_CHAR = /^\s/u;

export class LineBuffer {
  #cells: string[] = [];
  #cursor = 0;

  get cells(): readonly string[] {
    return this.#cells;
  }

  get cursor(): number {
    return this.#cursor;
  }

  get length(): number {
    return this.#cells.length;
  }

  get text(): string {
    return this.#cells.join('');
  }

  /** Replaces the whole line; the cursor goes to its end. */
  set(text: string): void {
    this.#cells = [];
    this.#cursor = 0;
    this.insert(text);
  }

  /** Moves the cursor, clamped to the line. */
  moveTo(index: number): void {
    this.#cursor = Math.max(0, Math.min(this.#cells.length, index));
  }

  /** Inserts text at the cursor; returns the first changed cell, or null if nothing was inserted. */
  insert(text: string): number | null {
    const added = splitCells(text);
    const first = added[0];
    const cursor = this.#cursor;
    let from = cursor;
    if (first !== undefined && isZeroWidth(first.codePointAt(0) ?? 0)) {
      if (from === 0)
        added.shift(); // nothing to combine with: dropped
      else added[0] = (this.#cells[--from] ?? '') + first; // joins the character before the cursor
    }
    if (added.length === 0) return null;
    if (added.length <= 1024) this.#cells.splice(from, cursor - from, ...added);
    else this.#cells = this.#cells.slice(0, from).concat(added, this.#cells.slice(cursor));
    this.#cursor = from + added.length;
    return from;
  }

  /** Removes cells [start, end) and returns their text; the cursor follows. */
  remove(from: number, to: number): string {
    const start = Math.max(0, from);
    const end = Math.min(this.#cells.length, to);
    if (end <= start) return '';
    const removed = this.#cells.splice(start, end - start);
    if (this.#cursor >= end) this.#cursor -= end - start;
    else if (this.#cursor > start) this.#cursor = start;
    return removed.join('');
  }

  /** Index after the end of the next word (readline's forward-word). */
  wordEndAfter(index: number): number {
    let i = index;
    while (i < this.length && !this.#isWord(i)) i++;
    while (i < this.length && this.#isWord(i)) i++;
    return i;
  }

  /** Index of the start of the previous word (readline's backward-word). */
  wordStartBefore(index: number): number {
    let i = index;
    while (i > 0 && !this.#isWord(i - 1)) i--;
    while (i > 0 && this.#isWord(i - 1)) i--;
    return i;
  }

  /** Start of the previous whitespace-delimited word (for unix-word-rubout, C-w). */
  bigWordStartBefore(index: number): number {
    let i = index;
    while (i > 0 && this.#isSpace(i - 1)) i--;
    while (i > 0 && !this.#isSpace(i - 1)) i--;
    return i;
  }

  #isWord(i: number): boolean {
    return WORD_CHAR.test(this.#cells[i] ?? '');
  }

  #isSpace(i: number): boolean {
    return SPACE_CHAR.test(this.#cells[i] ?? '');
  }
}
