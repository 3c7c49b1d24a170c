import * as sys from '../kernel/syscall-api.ts';
import type { Gen } from './diagnostics.ts';
import type { ParseError } from './parse-error.ts';
import type { ShellState } from './state.ts';

/**
 * Reports a syntax error in the shell's words. The line differs: dash and
 * ash name the line the parser stopped on; bash names the line of an open
 * quote, and for an unexpected end of file the line after the text (bash
 * reads `-c` text as if it ended with a newline).
 */
export function* reportSyntax(sh: ShellState, error: ParseError, text: string): Gen<void> {
  let line = error.line;
  if (sh.dialect.name === 'bash') {
    const newlines = text.split('\n').length - 1;
    const eofLine = newlines + (text.endsWith('\n') ? 1 : 2);
    const p = error.problem;
    if (p.kind === 'unterminated' && p.quote === ')') line = eofLine;
    else if (p.kind === 'unterminated' && p.quote !== '`') line = error.startLine;
    else if (p.kind === 'unterminated' || p.kind === 'missing-brace') line = error.startLine;
    else if (p.kind === 'unterminated-arith') line = error.startLine;
    else if (p.kind === 'eof' && !p.bashToken) line = eofLine;
    else if (p.kind === 'eof' && p.expecting === ')' && p.bashToken === undefined) line = eofLine;
  }
  const lineText = text.split('\n')[line - 1] ?? '';
  const message = sh.dialect.syntax(sh, error.problem, line, lineText);
  if (message !== '') yield* sys.write(2, message + '\n');
}

/** The status a syntax error leaves: 2, but bash's `[[ ]]` errors keep the last status (bash 5.2). */
export function syntaxStatus(sh: ShellState, error: ParseError): number {
  return error.problem.kind === 'cond' ? sh.status : 2;
}
