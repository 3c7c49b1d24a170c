import type { AndOr, Span, Command, Pipeline, Pos, Script } from './ast.ts';
import { parseCompound } from './compound-parser.ts';
import { functionKeyword } from './function-parser.ts';
import { Lexer, type Token } from './lexer.ts';
import { ParseError, type SyntaxProblem } from './parse-error.ts';
import { redirects } from './redirect-parser.ts';
import { simpleCommand } from './simple-parser.ts';
import { Source } from './source.ts';
import { plainText } from './word-text.ts';
import { hasFunctionKeyword, type Syntax } from './syntax.ts';
import type { SubParsers } from './word-parts.ts';

/** Reserved words (XCU 2.4): dash and ash name them in errors; any other word is `word`. */
const RESERVED = new Set([
  ...['if', 'then', 'else', 'elif', 'fi', 'do', 'done', 'case', 'esac', 'while', 'until'],
  ...['for', '{', '}', '!', 'in'],
]);

/** Words that close a list: a list stops in front of them. */
const CLOSERS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}']);

/**
 * Parses a whole program text (XCU 2.10 grammar, or bash's and ash's
 * additions with `syntax`) into a Script, or returns the syntax error.
 * `start` places the text in a larger source (line numbers).
 */
export function parse(
  text: string,
  start?: Pos,
  strictHeredoc = false,
  syntax: Syntax = 'dash',
  aliases?: ReadonlyMap<string, string>,
): Script | ParseError {
  try {
    const parser = new Parser(new Source(text, start), strictHeredoc, syntax);
    parser.aliases = aliases;
    const script = parser.list();
    const token = parser.lx.peek();
    if (token.kind !== 'eof') throw parser.unexpected(token);
    return script;
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
}

/** The word reader's way back into the parser for `$(…)` and backquotes, in the same grammar. */
function subParsersFor(syntax: Syntax): SubParsers {
  return {
    syntax,
    parenthesised(src) {
      const start = src.line;
      const parser = new Parser(src, false, syntax);
      const body = parser.list();
      if (parser.lx.peek().kind === 'eof')
        throw new ParseError({ kind: 'unterminated', quote: ')' }, src.line, start);
      parser.expectOp(')');
      return body;
    },
    backquoted(text, start) {
      const result = parse(text, start, false, syntax);
      if (result instanceof ParseError) throw result;
      return result;
    },
  };
}

const SUB_PARSERS: Readonly<Record<Syntax, SubParsers>> = {
  dash: subParsersFor('dash'),
  bash: subParsersFor('bash'),
  ash: subParsersFor('ash'),
};

export class Parser {
  readonly lx: Lexer;
  readonly syntax: Syntax;
  /** Aliases to expand in command position (XCU 2.3.1); undefined where the shell expands none. */
  aliases: ReadonlyMap<string, string> | undefined;
  /** Where each alias's own expansion ends: it is not expanded again inside it. */
  private readonly aliasEnds = new Map<string, number>();

  constructor(src: Source, strictHeredoc = false, syntax: Syntax = 'dash') {
    this.syntax = syntax;
    this.lx = new Lexer(src, SUB_PARSERS[syntax], strictHeredoc);
  }

  /** A compound list: and-or lists separated by `;`, `&` or newlines, up to a closing word, `)`, `;;` or the end. */
  list(): Script {
    const start = this.lx.src.pos();
    const items: AndOr[] = [];
    for (;;) {
      this.skipNewlines();
      const token = this.lx.peek();
      if (token.kind === 'eof' || this.isCloser(token)) break;
      if (token.kind === 'op' && (token.op === ')' || token.op === ';;')) break;
      const { item, separated } = this.listItem();
      items.push(item);
      if (!separated && this.lx.peek().kind !== 'newline') break;
    }
    return { type: 'script', items, span: this.spanFrom(start) };
  }

  /** An and-or list and the `;` or `&` after it, if one follows (`&` runs it in the background). */
  listItem(): { item: AndOr; separated: boolean } {
    const item = this.andOr();
    const sep = this.lx.peek();
    if (sep.kind !== 'op' || (sep.op !== ';' && sep.op !== '&')) return { item, separated: false };
    this.lx.next();
    return { item: sep.op === '&' ? { ...item, background: true } : item, separated: true };
  }

  skipNewlines(): void {
    while (this.lx.peek().kind === 'newline') this.lx.next();
  }

  isWord(token: Token, text: string): boolean {
    return token.kind === 'word' && plainText(token.word) === text;
  }

  isCloser(token: Token): boolean {
    if (token.kind !== 'word') return false;
    const text = plainText(token.word);
    return text !== undefined && CLOSERS.has(text);
  }

  andOr(): AndOr {
    const first = this.pipeline();
    const rest: { op: '&&' | '||'; pipeline: Pipeline }[] = [];
    for (;;) {
      const token = this.lx.peek();
      if (token.kind !== 'op' || (token.op !== '&&' && token.op !== '||')) break;
      this.lx.next();
      this.skipNewlines();
      rest.push({ op: token.op, pipeline: this.pipeline() });
    }
    const span = { start: first.span.start, end: (rest.at(-1)?.pipeline ?? first).span.end };
    return { type: 'andor', first, rest, background: false, span };
  }

  private pipeline(): Pipeline {
    const start = this.lx.peek().span.start;
    const bang = this.isWord(this.lx.peek(), '!');
    if (bang) this.lx.next();
    const commands = [this.command()];
    while (this.lx.peek().kind === 'op' && (this.lx.peek() as { op: string }).op === '|') {
      this.lx.next();
      this.skipNewlines();
      commands.push(this.command());
    }
    return { type: 'pipeline', bang, commands, span: this.spanFrom(start) };
  }

  private command(): Command {
    const token = this.lx.peek();
    if (hasFunctionKeyword(this.syntax) && this.isWord(token, 'function'))
      return functionKeyword(this);
    const compound = parseCompound(this, token);
    if (compound) {
      compound.redirects.push(...redirects(this));
      return compound;
    }
    if (this.isCloser(token)) throw this.unexpected(token);
    return simpleCommand(this);
  }

  /** Replaces a command word that names an alias by its text; false when it names none. */
  expandAlias(token: Extract<Token, { kind: 'word' }>): boolean {
    const name = plainText(token.word);
    const value = name === undefined ? undefined : this.aliases?.get(name);
    if (name === undefined || value === undefined) return false;
    const start = token.span.start.offset;
    if ((this.aliasEnds.get(name) ?? -1) > start) return false;
    this.lx.replaceToken(token, value);
    this.aliasEnds.set(name, start + value.length);
    return true;
  }

  /** A node's span: from its first token to the end of the last token it consumed. */
  spanFrom(start: Pos): Span {
    return { start, end: this.lx.lastEnd };
  }

  isOp(op: string): boolean {
    const token = this.lx.peek();
    return token.kind === 'op' && token.op === op;
  }

  expectOp(op: string): void {
    const token = this.lx.peek();
    if (token.kind === 'op' && token.op === op) {
      this.lx.next();
      return;
    }
    if (token.kind !== 'eof') throw this.unexpected(token);
    throw this.error({ kind: 'eof', expecting: op, bashToken: op === ')' ? 'newline' : undefined });
  }

  expectWord(word: string): void {
    const token = this.lx.peek();
    if (this.isWord(token, word)) {
      this.lx.next();
      return;
    }
    throw token.kind === 'eof'
      ? this.error({ kind: 'eof', expecting: word })
      : this.unexpected(token);
  }

  /** A token that cannot stand here; at the end of input, bash names the `newline` it adds. */
  unexpected(token: Token, atEof?: string, expecting?: string): ParseError {
    if (token.kind === 'eof')
      return this.error({ kind: 'eof', expecting: undefined, bashToken: atEof });
    const text = token.kind === 'newline' ? 'newline' : token.kind === 'op' ? token.op : token.raw;
    const word = token.kind === 'word' && !RESERVED.has(text);
    return new ParseError(
      { kind: 'unexpected', token: text, word, expecting },
      token.span.start.line,
    );
  }

  error(problem: SyntaxProblem): ParseError {
    return new ParseError(problem, this.lx.src.line);
  }
}
