import type { Pos, Redirect, Span, Word } from './ast.ts';
import { ParseError } from './parse-error.ts';
import { Source } from './source.ts';
import { readHeredocBody, readWord } from './word-parser.ts';
import type { SubParsers } from './word-parts.ts';

export type Token =
  | { readonly kind: 'word'; readonly word: Word; readonly raw: string; readonly span: Span }
  | {
      readonly kind: 'op';
      readonly op: string;
      readonly fd: number | undefined;
      readonly span: Span;
    }
  | { readonly kind: 'newline'; readonly span: Span }
  | { readonly kind: 'eof'; readonly span: Span };

/** Longest first, so `<<-` wins over `<<` and `<`. */
const OPERATORS = [
  '<<-',
  '&&',
  '||',
  ';;',
  '<<',
  '<&',
  '<>',
  '>>',
  '>&',
  '>|',
  ';',
  '&',
  '|',
  '(',
  ')',
  '<',
  '>',
];

interface PendingHeredoc {
  readonly redirect: Redirect;
  readonly delimiter: string;
  readonly quoted: boolean;
  readonly stripTabs: boolean;
}

/**
 * Splits the source into tokens on demand (XCU 2.3). Reserved words are
 * words here; the parser recognises them where a command may start.
 * Here-document bodies are read right after the newline that ends their line.
 */
export class Lexer {
  readonly src: Source;
  readonly sub: SubParsers;
  private peeked: Token | undefined;
  /** Where the last consumed token ended: a node's span ends there, not after a peeked token. */
  lastEnd: Pos = { line: 1, col: 1, offset: 0 };
  private readonly heredocs: PendingHeredoc[] = [];

  /** Interactive input: a here-document without its delimiter yet asks for more lines. */
  private readonly strictHeredoc: boolean;

  constructor(src: Source, sub: SubParsers, strictHeredoc = false) {
    this.src = src;
    this.sub = sub;
    this.strictHeredoc = strictHeredoc;
    this.lastEnd = src.pos();
  }

  peek(): Token {
    this.peeked ??= this.lex();
    return this.peeked;
  }

  next(): Token {
    const token = this.peek();
    this.peeked = undefined;
    this.lastEnd = token.span.end;
    return token;
  }

  /** Alias expansion: the peeked word `token` is replaced by `text`, which is read next. */
  replaceToken(token: Token, text: string): void {
    this.src.splice(token.span.start, token.span.end.offset, text);
    this.peeked = undefined;
  }

  addHeredoc(redirect: Redirect, delimiter: string, quoted: boolean): void {
    this.heredocs.push({ redirect, delimiter, quoted, stripTabs: redirect.op === '<<-' });
  }

  private lex(): Token {
    const src = this.src;
    this.skipBlanks();
    const start = src.pos();
    if (src.eof) {
      this.readHeredocs();
      return { kind: 'eof', span: src.span(start) };
    }
    if (src.peek() === '\n') {
      src.next();
      const span = src.span(start);
      this.readHeredocs();
      return { kind: 'newline', span };
    }
    const io = /^[0-9]+(?=[<>])/.exec(src.text.slice(src.offset, src.offset + 12));
    if (io) src.skip(io[0].length);
    const op = OPERATORS.find((o) => src.startsWith(o));
    if (op !== undefined) {
      src.skip(op.length);
      return { kind: 'op', op, fd: io ? Number(io[0]) : undefined, span: src.span(start) };
    }
    const word = readWord(src, this.sub);
    const end = src.offset;
    if (word === undefined) {
      src.next();
      return {
        kind: 'op',
        op: src.text.slice(start.offset, end + 1),
        fd: undefined,
        span: src.span(start),
      };
    }
    return { kind: 'word', word, raw: src.text.slice(start.offset, end), span: src.span(start) };
  }

  /** Blanks, backslash-newline and comments (XCU 2.3 rule 9). */
  private skipBlanks(): void {
    const src = this.src;
    for (;;) {
      const ch = src.peek();
      if (ch === ' ' || ch === '\t') src.next();
      else if (ch === '\\' && src.peek(1) === '\n') src.skip(2);
      else if (ch === '#') while (!src.eof && src.peek() !== '\n') src.next();
      else return;
    }
  }

  private readHeredocs(): void {
    for (const doc of this.heredocs.splice(0)) this.readHeredoc(doc);
  }

  private readHeredoc(doc: PendingHeredoc): void {
    const src = this.src;
    const start: Pos = src.pos();
    let body = '';
    let closed = false;
    while (!src.eof) {
      const lineEnd = src.text.indexOf('\n', src.offset);
      const raw = src.text.slice(src.offset, lineEnd < 0 ? src.text.length : lineEnd);
      src.skip(raw.length + (lineEnd < 0 ? 0 : 1));
      const line = doc.stripTabs ? raw.replace(/^\t+/, '') : raw;
      if (line === doc.delimiter) {
        closed = true;
        break;
      }
      body += line + '\n';
    }
    if (!closed && this.strictHeredoc)
      throw new ParseError({ kind: 'eof', expecting: doc.delimiter }, src.line);
    doc.redirect.heredoc = doc.quoted
      ? {
          parts: [{ type: 'lit', value: body, quoted: true, span: src.span(start) }],
          span: src.span(start),
        }
      : readHeredocBody(new Source(body, start), this.sub);
  }
}
