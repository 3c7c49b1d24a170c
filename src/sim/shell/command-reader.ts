import type { AndOr, Script } from './ast.ts';
import { ParseError } from './parse-error.ts';
import { Parser } from './parser.ts';
import { Source } from './source.ts';
import type { Syntax } from './syntax.ts';

/**
 * Reads a program one complete command (one line's and-or lists) at a time,
 * as dash and bash do: each line runs before the next is parsed, so a
 * syntax error on line 3 comes after lines 1 and 2 ran.
 */
export class CommandReader {
  private readonly parser: Parser;
  constructor(text: string, syntax: Syntax = 'dash') {
    this.parser = new Parser(new Source(text), false, syntax);
  }
  /** The next command line, undefined at the end, or the syntax error. */
  next(): Script | ParseError | undefined {
    try {
      return completeCommand(this.parser);
    } catch (error) {
      if (error instanceof ParseError) return error;
      throw error;
    }
  }
}

/** One line of and-or lists at the top level; undefined at the end of input. */
function completeCommand(p: Parser): Script | undefined {
  p.skipNewlines();
  const first = p.lx.peek();
  if (first.kind === 'eof') return undefined;
  const start = first.span.start;
  const items: AndOr[] = [];
  for (;;) {
    const token = p.lx.peek();
    if (token.kind === 'eof') break;
    if (token.kind === 'newline') {
      p.lx.next();
      break;
    }
    if (p.isCloser(token) || token.kind === 'op') {
      if (
        token.kind !== 'op' ||
        token.op === ')' ||
        token.op === ';;' ||
        token.op === ';' ||
        token.op === '&'
      )
        throw p.unexpected(token);
    }
    const { item, separated } = p.listItem();
    items.push(item);
    if (!separated) {
      const sep = p.lx.peek();
      if (sep.kind === 'newline') p.lx.next();
      else if (sep.kind !== 'eof') throw p.unexpected(sep);
      break;
    }
  }
  return { type: 'script', items, span: p.spanFrom(start) };
}
