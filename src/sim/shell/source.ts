import type { Pos, Span } from './ast.ts';

/** The parser's read position in the source text, with line and column. */
export class Source {
  /** The text being read; alias expansion splices replacement text into it. */
  text: string;
  offset = 0;
  line = 1;
  col = 1;

  constructor(text: string, start?: Pos) {
    this.text = text;
    if (start) {
      this.line = start.line;
      this.col = start.col;
    }
  }

  get eof(): boolean {
    return this.offset >= this.text.length;
  }

  /** The character `ahead` places on, '' past the end. */
  peek(ahead = 0): string {
    return this.text.charAt(this.offset + ahead);
  }

  startsWith(s: string): boolean {
    return this.text.startsWith(s, this.offset);
  }

  next(): string {
    const ch = this.text.charAt(this.offset);
    if (ch === '') return ch;
    this.offset++;
    if (ch === '\n') {
      this.line++;
      this.col = 1;
    } else this.col++;
    return ch;
  }

  skip(count: number): void {
    for (let i = 0; i < count; i++) this.next();
  }

  pos(): Pos {
    return { line: this.line, col: this.col, offset: this.offset };
  }

  span(start: Pos): Span {
    return { start, end: this.pos() };
  }

  save(): Pos {
    return this.pos();
  }

  restore(p: Pos): void {
    this.offset = p.offset;
    this.line = p.line;
    this.col = p.col;
  }

  /** Replaces the text from `start` to offset `end` and reads on from `start` (alias expansion). */
  splice(start: Pos, end: number, insert: string): void {
    this.text = this.text.slice(0, start.offset) + insert + this.text.slice(end);
    this.restore(start);
  }

  /** The text of line `n` (1-based), without its newline. */
  lineText(n: number): string {
    return this.text.split('\n')[n - 1] ?? '';
  }
}
