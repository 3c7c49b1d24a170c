import type {
  ArithCommand,
  Case,
  CaseItem,
  CondCommand,
  For,
  Group,
  If,
  Loop,
  Script,
  Subshell,
  Word,
} from './ast.ts';
import { arithCommand, condCommand, startsArithCommand } from './bash-parser.ts';
import type { Token } from './lexer.ts';
import type { Parser } from './parser.ts';
import { hasBashCompounds } from './syntax.ts';
import { NAME, plainText } from './word-text.ts';

type CompoundCommand = Subshell | Group | If | Loop | For | Case | CondCommand | ArithCommand;

/**
 * A compound command starting at `token` (XCU 2.9.4, and bash's `[[ ]]` and
 * `(( ))`), or undefined when the token starts none.
 */
export function parseCompound(p: Parser, token: Token): CompoundCommand | undefined {
  const bash = hasBashCompounds(p.syntax);
  if (token.kind === 'op' && token.op === '(')
    return bash && startsArithCommand(p, token) ? arithCommand(p) : subshell(p);
  if (token.kind !== 'word') return undefined;
  switch (plainText(token.word)) {
    case '[[':
      return bash ? condCommand(p) : undefined;
    case '{':
      return group(p);
    case 'if':
      return ifClause(p);
    case 'while':
    case 'until':
      return loop(p);
    case 'for':
      return forClause(p);
    case 'case':
      return caseClause(p);
    default:
      return undefined;
  }
}

/** A list that must hold at least one command: `if then` is an error at `then`. */
function body(p: Parser, closer: string): Script {
  const script = p.list();
  const token = p.lx.peek();
  if (script.items.length > 0) return script;
  throw token.kind === 'eof' ? p.error({ kind: 'eof', expecting: closer }) : p.unexpected(token);
}

function subshell(p: Parser): Subshell {
  const start = p.lx.next().span.start;
  const inner = body(p, ')');
  if (p.lx.peek().kind === 'eof') throw p.error({ kind: 'eof', expecting: ')' });
  p.expectOp(')');
  return { type: 'subshell', body: inner, redirects: [], span: p.spanFrom(start) };
}

function group(p: Parser): Group {
  const start = p.lx.next().span.start;
  const inner = body(p, '}');
  p.expectWord('}');
  return { type: 'group', body: inner, redirects: [], span: p.spanFrom(start) };
}

function ifClause(p: Parser): If {
  const start = p.lx.next().span.start;
  const clauses: { cond: Script; body: Script }[] = [];
  let elseBody: Script | undefined;
  for (;;) {
    const cond = body(p, 'then');
    p.expectWord('then');
    clauses.push({ cond, body: body(p, 'fi') });
    const token = p.lx.peek();
    if (p.isWord(token, 'elif')) {
      p.lx.next();
      continue;
    }
    if (p.isWord(token, 'else')) {
      p.lx.next();
      elseBody = body(p, 'fi');
    }
    p.expectWord('fi');
    return { type: 'if', clauses, elseBody, redirects: [], span: p.spanFrom(start) };
  }
}

function loop(p: Parser): Loop {
  const token = p.lx.next();
  const type = token.kind === 'word' && plainText(token.word) === 'until' ? 'until' : 'while';
  const cond = body(p, 'do');
  const inner = doGroup(p);
  return { type, cond, body: inner, redirects: [], span: p.spanFrom(token.span.start) };
}

function doGroup(p: Parser): Script {
  p.expectWord('do');
  const inner = body(p, 'done');
  p.expectWord('done');
  return inner;
}

function forClause(p: Parser): For {
  const start = p.lx.next().span.start;
  const nameToken = p.lx.peek();
  const name = nameToken.kind === 'word' ? plainText(nameToken.word) : undefined;
  if (name === undefined || !NAME.test(name)) throw p.error({ kind: 'bad-for-variable' });
  p.lx.next();
  p.skipNewlines();
  let items: Word[] | undefined;
  if (p.isWord(p.lx.peek(), 'in')) {
    p.lx.next();
    items = [];
    for (let t = p.lx.peek(); t.kind === 'word'; t = p.lx.peek())
      items.push((p.lx.next() as typeof t).word);
    separator(p);
  } else if (p.isOp(';')) p.lx.next();
  p.skipNewlines();
  const inner = doGroup(p);
  return { type: 'for', name, items, body: inner, redirects: [], span: p.spanFrom(start) };
}

/** `;` or a newline after a for-loop's words. */
function separator(p: Parser): void {
  const token = p.lx.peek();
  if (token.kind === 'newline' || (token.kind === 'op' && token.op === ';')) p.lx.next();
  else if (token.kind === 'eof') throw p.error({ kind: 'eof', expecting: 'do' });
  else if (!p.isWord(token, 'do')) throw p.unexpected(token);
}

function caseClause(p: Parser): Case {
  const start = p.lx.next().span.start;
  const subject = p.lx.next();
  if (subject.kind !== 'word') throw p.unexpected(subject);
  p.skipNewlines();
  p.expectWord('in');
  const items: CaseItem[] = [];
  for (;;) {
    p.skipNewlines();
    if (p.isWord(p.lx.peek(), 'esac')) break;
    if (p.lx.peek().kind === 'eof') throw p.error({ kind: 'eof', expecting: ')' });
    const itemStart = p.lx.peek().span.start;
    if (p.isOp('(')) p.lx.next();
    const patterns = [patternWord(p)];
    while (p.isOp('|')) {
      p.lx.next();
      patterns.push(patternWord(p));
    }
    p.expectOp(')');
    const inner = p.list();
    items.push({ patterns, body: inner, span: p.spanFrom(itemStart) });
    if (p.isOp(';;')) p.lx.next();
    else break;
  }
  p.skipNewlines();
  p.expectWord('esac');
  return { type: 'case', word: subject.word, items, redirects: [], span: p.spanFrom(start) };
}

function patternWord(p: Parser): Word {
  const token = p.lx.next();
  if (token.kind === 'word') return token.word;
  if (token.kind === 'eof') throw p.error({ kind: 'eof', expecting: ')' });
  throw p.unexpected(token);
}
