import type { FunctionDef, Pos } from './ast.ts';
import { parseCompound } from './compound-parser.ts';
import type { Parser } from './parser.ts';
import { redirects } from './redirect-parser.ts';
import { NAME, plainText } from './word-text.ts';

/** `name() compound-command` (XCU 2.9.5), after its name and `(`: the name must be a NAME. */
export function functionDef(p: Parser, name: string | undefined, start: Pos): FunctionDef {
  p.lx.next();
  const close = p.lx.peek();
  if (close.kind !== 'op' || close.op !== ')') {
    if (close.kind === 'eof') p.expectOp(')');
    throw p.unexpected(close, undefined, ')');
  }
  if (name === undefined || !NAME.test(name)) throw p.error({ kind: 'bad-function-name' });
  p.expectOp(')');
  return functionBody(p, name, start);
}

/** `function name [()] compound-command` (bash, BusyBox ash); bash takes any name here. */
export function functionKeyword(p: Parser): FunctionDef {
  const start = p.lx.next().span.start;
  const nameToken = p.lx.peek();
  if (nameToken.kind !== 'word') throw p.unexpected(nameToken);
  p.lx.next();
  const name = plainText(nameToken.word) ?? nameToken.raw;
  if (p.isOp('(')) {
    p.lx.next();
    p.expectOp(')');
  }
  return functionBody(p, name, start);
}

/** A function's body: a compound command, after any newlines, with its redirections. */
function functionBody(p: Parser, name: string, start: Pos): FunctionDef {
  p.skipNewlines();
  const body = parseCompound(p, p.lx.peek());
  if (!body) throw p.unexpected(p.lx.peek());
  body.redirects.push(...redirects(p));
  return { type: 'function', name, body, span: p.spanFrom(start) };
}
