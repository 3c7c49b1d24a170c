import type { Pos, Script, WordPart } from './ast.ts';
import type { Source } from './source.ts';
import type { Syntax } from './syntax.ts';

/** How the word reader reaches back into the command parser for `$(…)` and backquotes. */
export interface SubParsers {
  /** The grammar being read (bash and ash know `$'…'`). */
  readonly syntax: Syntax;
  /** Parses commands up to and including the `)` of a `$(`. */
  parenthesised(src: Source): Script;
  /** Parses the text between backquotes (already unescaped), which began at `start`. */
  backquoted(text: string, start: Pos): Script;
}

/** A run of word parts being collected, with adjacent literals of the same quoting merged. */
export class Parts {
  private readonly list: WordPart[] = [];
  private text = '';
  private start: Pos | undefined;
  private quoted = false;
  private readonly src: Source;

  constructor(src: Source) {
    this.src = src;
  }

  char(ch: string, quoted: boolean, at: Pos): void {
    if (this.start !== undefined && this.quoted !== quoted) this.flush();
    if (this.start === undefined) {
      this.start = at;
      this.quoted = quoted;
    }
    this.text += ch;
  }

  push(part: WordPart): void {
    this.flush();
    this.list.push(part);
  }

  done(): WordPart[] {
    this.flush();
    return this.list;
  }

  private flush(): void {
    if (this.start === undefined) return;
    const span = this.src.span(this.start);
    this.list.push({ type: 'lit', value: this.text, quoted: this.quoted, span });
    this.text = '';
    this.start = undefined;
  }
}
