import type { Redirect, RedirOp } from './ast.ts';
import type { Token } from './lexer.ts';
import type { Parser } from './parser.ts';
import { delimiterOf } from './word-text.ts';

const REDIRECTS = new Set(['<', '>', '>>', '>|', '<>', '<&', '>&', '<<', '<<-']);

/** Whether a token is a redirection operator (XCU 2.7), its fd number read with it. */
export function isRedirect(token: Token): token is Extract<Token, { kind: 'op' }> {
  return token.kind === 'op' && REDIRECTS.has(token.op);
}

/** The redirections that follow a compound command or a function body. */
export function redirects(p: Parser): Redirect[] {
  const list: Redirect[] = [];
  while (isRedirect(p.lx.peek())) list.push(redirect(p));
  return list;
}

/** One redirection and its target word; a here-document's body is read after the end of its line. */
export function redirect(p: Parser): Redirect {
  const token = p.lx.next() as Extract<Token, { kind: 'op' }>;
  const target = p.lx.peek();
  if (target.kind !== 'word') throw p.unexpected(target, 'newline');
  p.lx.next();
  const op = token.op as RedirOp;
  const node: Redirect = {
    fd: token.fd,
    op,
    target: target.word,
    span: p.spanFrom(token.span.start),
  };
  if (op === '<<' || op === '<<-') {
    const { text, quoted } = delimiterOf(target.word);
    p.lx.addHeredoc(node, text, quoted);
  }
  return node;
}
