import type { Arith, CmdSubst, ParamExp, ParamOp, Pos, Word, WordPart } from './ast.ts';
import { ParseError } from './parse-error.ts';
import type { Source } from './source.ts';
import { hasDollarSingle } from './syntax.ts';
import { readDoubleQuoted, readSingleQuoted } from './word-parser.ts';
import { Parts, type SubParsers } from './word-parts.ts';

/** `$@ $* $# $? $- $$ $! $0` (XCU 2.5.2). */
const SPECIAL_PARAMS = '@*#?-$!0';
const OPS: readonly string[] = ['-', '=', '?', '+', '#', '##', '%', '%%'];

/** `$name`, `${…}`, `$(…)`, `$((…))`, or a lone `$` (a literal). */
export function readDollar(src: Source, sub: SubParsers, parts: Parts, inDq: boolean): void {
  const start = src.pos();
  const after = src.peek(1);
  if (src.startsWith('$((')) return parts.push(readArith(src, sub));
  if (after === '(') {
    src.skip(2);
    const body = sub.parenthesised(src);
    const node: CmdSubst = { type: 'cmdsub', body, backquote: false, span: src.span(start) };
    return parts.push(node);
  }
  if (after === '{') return parts.push(readBraced(src, sub, inDq));
  if (after === "'" && !inDq && hasDollarSingle(sub.syntax)) return parts.push(readAnsiC(src));
  let name = '';
  if (/[A-Za-z_]/.test(after)) {
    src.next();
    while (/[A-Za-z0-9_]/.test(src.peek())) name += src.next();
  } else if (after !== '' && (/[0-9]/.test(after) || SPECIAL_PARAMS.includes(after))) {
    src.next();
    name = src.next();
  } else {
    src.next();
    return parts.char('$', inDq, start);
  }
  parts.push(param(name, '', false, undefined, src.span(start)));
}

const ANSI_C: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'…'` (bash, ash): a quoted string with C's backslash escapes, octal, \xHH and \cX. */
function readAnsiC(src: Source): WordPart {
  const start = src.pos();
  src.skip(2);
  let value = '';
  for (;;) {
    if (src.eof) throw new ParseError({ kind: 'unterminated', quote: "'" }, src.line, start.line);
    const ch = src.next();
    if (ch === "'") break;
    if (ch !== '\\') {
      value += ch;
      continue;
    }
    const e = src.next();
    const simple = ANSI_C[e];
    if (simple !== undefined) value += simple;
    else if (/[0-7]/.test(e)) {
      let digits = e;
      while (digits.length < 3 && /[0-7]/.test(src.peek())) digits += src.next();
      value += String.fromCharCode(parseInt(digits, 8) & 0xff);
    } else if (e === 'x' && /[0-9a-fA-F]/.test(src.peek())) {
      let digits = '';
      while (digits.length < 2 && /[0-9a-fA-F]/.test(src.peek())) digits += src.next();
      value += String.fromCharCode(parseInt(digits, 16));
    } else if (e === 'c' && src.peek() !== '')
      value += String.fromCharCode(src.next().charCodeAt(0) & 0x1f);
    else value += '\\' + e;
  }
  return { type: 'lit', value, quoted: true, span: src.span(start) };
}

function param(
  name: string,
  op: ParamOp,
  colon: boolean,
  arg: Word | undefined,
  span: ParamExp['span'],
): ParamExp {
  return { type: 'param', name, op, colon, arg, span };
}

function readBraced(src: Source, sub: SubParsers, inDq: boolean): ParamExp {
  const start = src.pos();
  src.skip(2);
  let length = false;
  if (src.peek() === '#' && /[A-Za-z0-9_@*?$!#-]/.test(src.peek(1)) && src.peek(1) !== '') {
    length = src.peek(1) !== '-' || src.peek(2) === '}';
    if (length) src.next();
  }
  const name = readParamName(src);
  if (src.eof) throw new ParseError({ kind: 'missing-brace' }, src.line, start.line);
  if (name === '') throw badSubstitution(src, start);
  if (length) {
    if (src.next() !== '}') throw badSubstitution(src, start);
    return param(name, '#len', false, undefined, src.span(start));
  }
  if (src.peek() === '}') {
    src.next();
    return param(name, '', false, undefined, src.span(start));
  }
  const colon = src.peek() === ':';
  if (colon) src.next();
  let op = src.next();
  if (!colon && (op === '#' || op === '%') && src.peek() === op) op += src.next();
  if (!OPS.includes(op) || (colon && !'-=?+'.includes(op))) throw badSubstitution(src, start);
  const arg = readBraceArg(src, sub, inDq && '-=?+'.includes(op), start);
  return param(name, op as ParamOp, colon, arg, src.span(start));
}

function readParamName(src: Source): string {
  const first = src.peek();
  let name = '';
  if (/[A-Za-z_]/.test(first)) {
    while (/[A-Za-z0-9_]/.test(src.peek())) name += src.next();
    return name;
  }
  if (/[0-9]/.test(first)) {
    while (/[0-9]/.test(src.peek())) name += src.next();
    return name;
  }
  return first !== '' && SPECIAL_PARAMS.includes(first) ? src.next() : '';
}

function badSubstitution(src: Source, start: Pos): ParseError {
  let end = src.offset;
  while (end < src.text.length && src.text[end] !== '}' && src.text[end] !== '\n') end++;
  const text = src.text.slice(start.offset, end + 1);
  return new ParseError({ kind: 'bad-substitution', text }, src.line, start.line);
}

/** The word after the operator in `${v-word}`, up to the closing brace. */
function readBraceArg(src: Source, sub: SubParsers, plainQuotes: boolean, start: Pos): Word {
  const argStart = src.pos();
  const parts = new Parts(src);
  for (;;) {
    const ch = src.peek();
    const at = src.pos();
    if (ch === '}') break;
    if (ch === '') throw new ParseError({ kind: 'missing-brace' }, src.line, start.line);
    if (ch === '\\') {
      src.next();
      if (src.peek() === '\n') src.next();
      else if (!src.eof) parts.char(src.next(), true, at);
    } else if (ch === "'" && !plainQuotes) parts.push(readSingleQuoted(src));
    else if (ch === '"') parts.push(readDoubleQuoted(src, sub));
    else if (ch === '$') readDollar(src, sub, parts, false);
    else if (ch === '`') parts.push(readBackquote(src, sub, false));
    else parts.char(src.next(), plainQuotes, at);
  }
  const word = { parts: parts.done(), span: src.span(argStart) };
  src.next();
  return word;
}

function readArith(src: Source, sub: SubParsers): Arith {
  const start = src.pos();
  src.skip(3);
  const expr = readArithBody(src, sub, start);
  return { type: 'arith', expr, span: src.span(start) };
}

/** The expression of `$((…))` or bash's `((…))`, from after the opening parentheses through `))`. */
export function readArithBody(src: Source, sub: SubParsers, start: Pos): Word {
  const exprStart = src.pos();
  const parts = new Parts(src);
  let depth = 0;
  for (;;) {
    const ch = src.peek();
    const at = src.pos();
    if (ch === '') throw new ParseError({ kind: 'eof', expecting: ')' }, src.line, start.line);
    if (depth === 0 && src.startsWith('))')) break;
    if (ch === '$') readDollar(src, sub, parts, true);
    else if (ch === '`') parts.push(readBackquote(src, sub, true));
    else {
      if (ch === '(') depth++;
      if (ch === ')') depth--;
      parts.char(src.next(), true, at);
    }
  }
  const expr = { parts: parts.done(), span: src.span(exprStart) };
  src.skip(2);
  return expr;
}

/** Backquotes: backslash keeps its meaning only before `$`, backquote, backslash (and `"` inside double quotes). */
export function readBackquote(src: Source, sub: SubParsers, inDq: boolean): CmdSubst {
  const start = src.pos();
  src.next();
  const bodyStart = src.pos();
  let text = '';
  for (;;) {
    const ch = src.next();
    if (ch === '') throw new ParseError({ kind: 'unterminated', quote: '`' }, src.line, start.line);
    if (ch === '`') break;
    const escaped = src.peek();
    if (ch === '\\' && escaped !== '' && ('$`\\'.includes(escaped) || (inDq && escaped === '"')))
      text += src.next();
    else text += ch;
  }
  const body = sub.backquoted(text, bodyStart);
  return { type: 'cmdsub', body, backquote: true, span: src.span(start) };
}
