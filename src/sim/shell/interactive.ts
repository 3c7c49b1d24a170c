import { Errno } from '../kernel/errno.ts';
import { SIGINT, SIGQUIT, SIGTERM, SIGTSTP } from '../kernel/signals.ts';
import * as sys from '../kernel/syscall-api.ts';
import type { Script } from './ast.ts';
import { ShellExit } from './control.ts';
import type { Gen } from './diagnostics.ts';
import { runScript } from './interp.ts';
import { ParseError } from './parse-error.ts';
import { parse } from './parser.ts';
import { statusOf } from './processes.ts';
import type { ShellState } from './state.ts';
import type { Syntax } from './syntax.ts';
import { reportSyntax, syntaxStatus } from './syntax-report.ts';
import { reportJobs } from './jobs.ts';
import { runExitTrap } from './traps.ts';

export type PromptFn = (sh: ShellState) => Gen<string>;

/** Input that may go on: an open quote, construct or `${` asks for another line (PS2). */
function incomplete(error: ParseError): boolean {
  const kind = error.problem.kind;
  return kind === 'eof' || kind === 'unterminated' || kind === 'missing-brace';
}

/**
 * The prompt loop of an interactive shell: it ignores SIGTERM, SIGQUIT and
 * SIGTSTP; Ctrl-C at the prompt drops the line, during a builtin loop it
 * stops the command list (the handler marks it, the next step sees it).
 * On a terminal each job gets its own process group in the foreground, and
 * `exit` is echoed when the shell ends (bash writes it on standard error).
 */
export function* interactiveLoop(
  sh: ShellState,
  onTerminal: boolean,
  prompt: PromptFn,
): Gen<number> {
  for (const sig of [SIGTERM, SIGQUIT, SIGTSTP]) yield* sys.sigaction(sig, 'ignore');
  yield* sys.sigaction(SIGINT, function* () {
    sh.interrupted = true;
  });
  sh.jobControl = onTerminal;
  let buffer = '';
  const bye = function* (status: number) {
    if (onTerminal) yield* sys.write(2, 'exit\n');
    return yield* runExitTrap(sh, status);
  };
  for (;;) {
    if (buffer === '') yield* reportJobs(sh);
    const ps = buffer === '' ? yield* prompt(sh) : (sh.get('PS2') ?? '> ');
    const input = yield* sys.readline(0, ps);
    sh.interrupted = false;
    if (input instanceof Errno) continue;
    if ('interrupt' in input) {
      buffer = '';
      sh.status = 130;
      continue;
    }
    if ('eof' in input) {
      if (buffer !== '') {
        const script = parse(buffer, undefined, false, sh.dialect.name, sh.aliases);
        if (script instanceof ParseError) yield* reportSyntax(sh, script, buffer);
        else yield* runInteractive(sh, script);
        if (sh.exitRequested !== undefined) return yield* bye(sh.exitRequested);
      }
      return yield* bye(sh.status);
    }
    buffer += input.line + '\n';
    if (incompleteInput(buffer, sh.dialect.name, sh.aliases)) continue;
    const script = parse(buffer, undefined, false, sh.dialect.name, sh.aliases);
    const text = buffer;
    buffer = '';
    if (script instanceof ParseError) {
      yield* reportSyntax(sh, script, text);
      sh.status = syntaxStatus(sh, script);
      continue;
    }
    sh.reading = { origin: { kind: 'interactive' }, text, firstLine: 1 };
    yield* runInteractive(sh, script);
    if (sh.exitRequested !== undefined) return yield* bye(sh.exitRequested);
  }
}

function incompleteInput(
  buffer: string,
  syntax: Syntax,
  aliases: ReadonlyMap<string, string>,
): boolean {
  const strict = parse(buffer, undefined, true, syntax, aliases);
  return strict instanceof ParseError && incomplete(strict);
}

/** Runs one entered command; `exit` is remembered in sh.exitRequested. */
function* runInteractive(sh: ShellState, script: Script): Gen<void> {
  try {
    yield* runScript(sh, script);
  } catch (e) {
    const status = yield* statusOf(sh, e);
    if (e instanceof ShellExit && e.explicit) sh.exitRequested = status;
    sh.status = status;
  }
}
