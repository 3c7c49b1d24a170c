import type { DoubleQuoted, Word, WordPart } from './ast.ts';
import { readBackquote, readDollar } from './dollar-parser.ts';
import { ParseError } from './parse-error.ts';
import type { Source } from './source.ts';
import { Parts, type SubParsers } from './word-parts.ts';

/** Characters that end an unquoted word (XCU 2.3: operators and blanks). */
export const META = ' \t\n;&|<>()';

/** Reads one unquoted word at the cursor; undefined when a metacharacter or the end comes first. */
export function readWord(src: Source, sub: SubParsers): Word | undefined {
  const start = src.pos();
  const parts = new Parts(src);
  for (;;) {
    const ch = src.peek();
    if (ch === '' || META.includes(ch)) break;
    const at = src.pos();
    if (ch === '\\') {
      src.next();
      if (src.peek() === '\n') src.next();
      else if (src.eof) parts.char('\\', false, at);
      else parts.char(src.next(), true, at);
    } else if (ch === "'") parts.push(readSingleQuoted(src));
    else if (ch === '"') parts.push(readDoubleQuoted(src, sub));
    else if (ch === '$') readDollar(src, sub, parts, false);
    else if (ch === '`') parts.push(readBackquote(src, sub, false));
    else parts.char(src.next(), false, at);
  }
  const list = parts.done();
  if (list.length === 0 && src.offset === start.offset) return undefined;
  return { parts: list, span: src.span(start) };
}

/**
 * The right side of bash's `=~`: up to a blank, newline or `]]` outside
 * parentheses, where `(`, `)` and `|` are part of the regular expression.
 * Quoted parts will match literally; undefined when no word follows.
 */
export function readRegexWord(src: Source, sub: SubParsers): Word | undefined {
  while (src.peek() === ' ' || src.peek() === '\t') src.next();
  const start = src.pos();
  const parts = new Parts(src);
  let depth = 0;
  for (;;) {
    const ch = src.peek();
    if (ch === '' || (depth === 0 && ' \t\n;&'.includes(ch))) break;
    const at = src.pos();
    if (ch === '\\') {
      src.next();
      if (!src.eof) parts.char(src.next(), true, at);
    } else if (ch === "'") parts.push(readSingleQuoted(src));
    else if (ch === '"') parts.push(readDoubleQuoted(src, sub));
    else if (ch === '$') readDollar(src, sub, parts, false);
    else {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      parts.char(src.next(), false, at);
    }
  }
  const list = parts.done();
  if (list.length === 0) return undefined;
  return { parts: list, span: src.span(start) };
}

export function readSingleQuoted(src: Source): WordPart {
  const start = src.pos();
  src.next();
  let value = '';
  while (src.peek() !== "'") {
    if (src.eof) throw new ParseError({ kind: 'unterminated', quote: "'" }, src.line, start.line);
    value += src.next();
  }
  src.next();
  return { type: 'lit', value, quoted: true, span: src.span(start) };
}

export function readDoubleQuoted(src: Source, sub: SubParsers): DoubleQuoted {
  const start = src.pos();
  src.next();
  const parts = new Parts(src);
  for (;;) {
    const ch = src.peek();
    const at = src.pos();
    if (ch === '"') break;
    if (ch === '') throw new ParseError({ kind: 'unterminated', quote: '"' }, src.line, start.line);
    if (ch === '\\') {
      src.next();
      const escaped = src.peek();
      if (escaped === '\n') src.next();
      else if (escaped !== '' && '$`"\\'.includes(escaped)) parts.char(src.next(), true, at);
      else parts.char('\\', true, at);
    } else if (ch === '$') readDollar(src, sub, parts, true);
    else if (ch === '`') parts.push(readBackquote(src, sub, true));
    else parts.char(src.next(), true, at);
  }
  src.next();
  return { type: 'dq', parts: parts.done(), span: src.span(start) };
}

/**
 * A here-document body that is expanded (XCU 2.7.4): `$`, backquotes and
 * backslash before `$`, backquote, backslash or newline work as in double
 * quotes; `"` is an ordinary character.
 */
export function readHeredocBody(src: Source, sub: SubParsers): Word {
  const start = src.pos();
  const parts = new Parts(src);
  while (!src.eof) {
    const ch = src.peek();
    const at = src.pos();
    if (ch === '\\') {
      src.next();
      const escaped = src.peek();
      if (escaped === '\n') src.next();
      else if (escaped !== '' && '$`\\'.includes(escaped)) parts.char(src.next(), true, at);
      else parts.char('\\', true, at);
    } else if (ch === '$') readDollar(src, sub, parts, true);
    else if (ch === '`') parts.push(readBackquote(src, sub, true));
    else parts.char(src.next(), true, at);
  }
  return { parts: parts.done(), span: src.span(start) };
}
