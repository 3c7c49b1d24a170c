import type { ArithCommand, CondCommand, CondExpr, Word } from './ast.ts';
import { readArithBody } from './dollar-parser.ts';
import type { Token } from './lexer.ts';
import { ParseError } from './parse-error.ts';
import type { Parser } from './parser.ts';
import { TEST_BINARY } from './test-operators.ts';
import { readRegexWord } from './word-parser.ts';
import { plainText } from './word-text.ts';

/** Unary operators of `[[ ]]` (bash's test operators plus -v). */
const UNARY = new Set(Array.from('abcdefghknoprstuvwxzGLNOS', (c) => `-${c}`));
const BINARY = new Set([...TEST_BINARY, '=~']);

/** Whether a `(` token starts bash's `((` arithmetic command (the second parenthesis follows at once). */
export function startsArithCommand(p: Parser, token: Token): boolean {
  return (
    token.kind === 'op' &&
    token.op === '(' &&
    p.lx.src.offset === token.span.end.offset &&
    p.lx.src.peek() === '('
  );
}

/** `(( expression ))`: read like the inside of `$(( ))`. */
export function arithCommand(p: Parser): ArithCommand {
  const start = p.lx.next().span.start;
  p.lx.src.next();
  let expr: Word;
  try {
    expr = readArithBody(p.lx.src, p.lx.sub, start);
  } catch (e) {
    if (e instanceof ParseError && e.problem.kind === 'eof')
      throw new ParseError({ kind: 'unterminated-arith' }, p.lx.src.line, start.line);
    throw e;
  }
  return { type: 'arith-command', expr, redirects: [], span: p.lx.src.span(start) };
}

/** A `[[ … ]]` problem: bash reports it on one line and keeps the last status (bash 5.2's parse.y). */
function condError(p: Parser, message: string | undefined): ParseError {
  return new ParseError({ kind: 'cond', message }, p.lx.src.line);
}

function tokenText(token: Token): string {
  if (token.kind === 'word') return token.raw;
  if (token.kind === 'op') return token.op;
  return token.kind === 'newline' ? 'newline' : 'EOF';
}

/** `[[ expression ]]` (bash): `||`, `&&`, `!`, parentheses, unary and binary test operators. */
export function condCommand(p: Parser): CondCommand {
  const start = p.lx.next().span.start;
  if (isWord(p.lx.peek(), ']]')) throw condError(p, undefined);
  const expr = orExpr(p);
  const end = p.lx.peek();
  if (!isWord(end, ']]')) {
    if (end.kind === 'eof' || end.kind === 'newline')
      throw condError(p, "unexpected EOF while looking for `]]'");
    throw condError(
      p,
      `syntax error in conditional expression: unexpected token \`${tokenText(end)}'`,
    );
  }
  p.lx.next();
  return { type: 'cond', expr, redirects: [], span: p.spanFrom(start) };
}

const isWord = (token: Token, text: string) =>
  token.kind === 'word' && plainText(token.word) === text;
const isOp = (token: Token, op: string) => token.kind === 'op' && token.op === op;

function orExpr(p: Parser): CondExpr {
  let left = andExpr(p);
  while (isOp(p.lx.peek(), '||')) {
    p.lx.next();
    left = { kind: 'or', left, right: andExpr(p) };
  }
  return left;
}

function andExpr(p: Parser): CondExpr {
  let left = notExpr(p);
  while (isOp(p.lx.peek(), '&&')) {
    p.lx.next();
    left = { kind: 'and', left, right: notExpr(p) };
  }
  return left;
}

function notExpr(p: Parser): CondExpr {
  if (isWord(p.lx.peek(), '!')) {
    p.lx.next();
    return { kind: 'not', operand: notExpr(p) };
  }
  return primary(p);
}

function operandWord(p: Parser, kind: 'unary' | 'binary'): Word {
  const token = p.lx.peek();
  if (token.kind !== 'word' || isWord(token, ']]'))
    throw condError(
      p,
      `unexpected argument \`${tokenText(token)}' to conditional ${kind} operator`,
    );
  p.lx.next();
  return token.word;
}

function primary(p: Parser): CondExpr {
  const token = p.lx.peek();
  if (isOp(token, '(')) {
    p.lx.next();
    const inner = orExpr(p);
    const close = p.lx.peek();
    if (!isOp(close, ')'))
      throw condError(p, `unexpected token \`${tokenText(close)}', expected \`)'`);
    p.lx.next();
    return inner;
  }
  // `[[ a && ]]`: bash 5.2 gives up without a word.
  if (isWord(token, ']]')) throw condError(p, undefined);
  if (token.kind !== 'word')
    throw condError(p, `unexpected token \`${tokenText(token)}' in conditional command`);
  p.lx.next();
  const text = plainText(token.word) ?? '';
  const next = p.lx.peek();
  if (UNARY.has(text) && next.kind === 'word' && !isWord(next, ']]') && !isBinary(next))
    return { kind: 'unary', op: text, arg: operandWord(p, 'unary') };
  if (UNARY.has(text) && isWord(next, ']]'))
    throw condError(p, `unexpected argument \`]]' to conditional unary operator`);
  if (isBinary(next)) {
    const op = next.kind === 'op' ? next.op : (plainText((next as { word: Word }).word) ?? '');
    p.lx.next();
    if (op === '=~') return { kind: 'binary', op, left: token.word, right: regexOperand(p) };
    return { kind: 'binary', op, left: token.word, right: operandWord(p, 'binary') };
  }
  if (next.kind === 'word' && !isWord(next, ']]'))
    throw condError(p, 'conditional binary operator expected');
  if (next.kind !== 'word' && !isOp(next, '&&') && !isOp(next, '||') && !isOp(next, ')'))
    throw condError(
      p,
      `unexpected token \`${tokenText(next)}', conditional binary operator expected`,
    );
  return { kind: 'word', word: token.word };
}

function isBinary(token: Token): boolean {
  if (token.kind === 'op') return token.op === '<' || token.op === '>';
  const text = token.kind === 'word' ? plainText(token.word) : undefined;
  return text !== undefined && BINARY.has(text);
}

/** The right side of `=~`: bash reads it up to a blank outside parentheses, `(` and `|` included. */
function regexOperand(p: Parser): Word {
  const word = readRegexWord(p.lx.src, p.lx.sub);
  if (word === undefined)
    throw condError(
      p,
      `unexpected argument \`${tokenText(p.lx.peek())}' to conditional binary operator`,
    );
  return word;
}
