import type { Assign, Command, Redirect, Word } from './ast.ts';
import { functionDef } from './function-parser.ts';
import type { Parser } from './parser.ts';
import { isRedirect, redirect } from './redirect-parser.ts';
import { plainText, splitAssignment } from './word-text.ts';

/**
 * A simple command (XCU 2.9.1): assignments first, then words, with
 * redirections anywhere; an alias in command position is replaced by its
 * text; a lone word followed by `(` starts a function definition.
 */
export function simpleCommand(p: Parser): Command {
  const start = p.lx.peek().span.start;
  const assigns: Assign[] = [];
  const words: Word[] = [];
  const redirects: Redirect[] = [];
  for (;;) {
    const token = p.lx.peek();
    if (isRedirect(token)) redirects.push(redirect(p));
    else if (token.kind === 'word') {
      if (words.length === 0 && p.expandAlias(token)) continue;
      p.lx.next();
      const assignment = words.length === 0 ? splitAssignment(token.word) : undefined;
      if (assignment) assigns.push({ ...assignment, span: token.span });
      else words.push(token.word);
      const name = plainText(token.word);
      if (words.length === 1 && assigns.length === 0 && redirects.length === 0 && p.isOp('('))
        return functionDef(p, name, start);
    } else break;
  }
  if (assigns.length + words.length + redirects.length === 0) throw p.unexpected(p.lx.peek());
  return { type: 'simple', assigns, words, redirects, span: p.spanFrom(start) };
}
