import { Errno, type SysResult } from '../../kernel/errno.ts';
import type { CommandOrigin } from '../../kernel/events.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Redirect } from '../ast.ts';
import { ReturnControl, ShellExit } from '../control.ts';
import { complain, complainIn, fatal, fatalIn, type Gen } from '../diagnostics.ts';
import { DEFAULT_PATH, execOrFail, findCommand } from '../external.ts';
import { runScript } from '../interp.ts';
import { ParseError } from '../parse-error.ts';
import { parse } from '../parser.ts';
import { applyRedirects } from '../redirect.ts';
import type { ShellState } from '../state.ts';
import { reportSyntax, syntaxStatus } from '../syntax-report.ts';
import type { Builtin } from './types.ts';

/** Reads a whole file with open(2), read(2) and close(2). */
export function* readWholeFile(path: string): Gen<SysResult<string>> {
  const fd = yield* sys.open(path, { read: true });
  if (fd instanceof Errno) return fd;
  const text = yield* readAll(fd);
  yield* sys.close(fd);
  return text;
}

/** Everything left to read on a descriptor, up to end of file. */
export function* readAll(fd: number): Gen<string> {
  let text = '';
  for (;;) {
    const chunk = yield* sys.read(fd);
    if (chunk instanceof Errno || chunk === '') break;
    text += chunk;
  }
  return text;
}

/** Parses and runs program text in this shell; a syntax error ends a non-interactive shell with status 2. */
export function* runText(sh: ShellState, text: string, origin: CommandOrigin): Gen<number> {
  const script = parse(text, { line: sh.lineno, col: 1, offset: 0 }, false, sh.dialect.name);
  if (script instanceof ParseError) {
    yield* reportSyntax(sh, script, text);
    throw new ShellExit(syntaxStatus(sh, script));
  }
  return yield* sh.readingFrom({ origin, text, firstLine: sh.lineno }, () => runScript(sh, script));
}

export const evalBuiltin: Builtin = function* (sh, argv) {
  const text = argv.slice(1).join(' ');
  if (text.trim() === '') return 0;
  return yield* runText(sh, text, { kind: 'eval' });
};

/** `. file`: a name without `/` is searched on PATH (XCU 2.14 "dot"); `return` ends it. */
export const dot: Builtin = function* (sh, argv) {
  const name = argv[1];
  const self = argv[0] ?? '.';
  if (name === undefined) {
    // bash and BusyBox want a file name (recorded); dash does nothing.
    if (sh.dialect.name === 'bash') {
      yield* complainIn(sh, self, 'filename argument required');
      yield* sys.write(2, `${self}: usage: ${self} filename [arguments]\n`);
    }
    return sh.dialect.name === 'dash' ? 0 : 2;
  }
  let path = name;
  if (!name.includes('/')) {
    for (const dir of (sh.get('PATH') ?? DEFAULT_PATH).split(':')) {
      const candidate = `${dir || '.'}/${name}`;
      if (!((yield* sys.stat(candidate)) instanceof Errno)) {
        path = candidate;
        break;
      }
    }
  }
  const text = yield* readWholeFile(path);
  if (text instanceof Errno) {
    if (sh.dialect.name === 'bash') {
      yield* complain(sh, `${name}: ${text.message}`);
      return 1;
    }
    if (sh.dialect.name === 'ash')
      return yield* fatalIn(sh, self, { text: `can't open '${name}': ${text.message}`, status: 2 });
    return yield* fatal(sh, { text: `.: cannot open ${name}: No such file`, status: 2 });
  }
  try {
    return yield* runText(sh, text, { kind: 'script', path });
  } catch (e) {
    if (e instanceof ReturnControl) return e.status;
    throw e;
  }
};

/**
 * exec [command [arg…]]: replaces the shell with the command (same PID, XCU
 * 2.14 "exec"); without a command, its redirections stay for the shell.
 */
export function* execBuiltin(
  sh: ShellState,
  argv: readonly string[],
  redirects: readonly Redirect[],
  assigns: ReadonlyMap<string, string>,
): Gen<number> {
  const args = argv[1] === '--' ? argv.slice(2) : argv.slice(1);
  const failed = yield* applyRedirects(sh, redirects);
  if (failed !== undefined) throw new ShellExit(failed);
  const name = args[0];
  if (name === undefined) {
    for (const [n, value] of assigns) sh.set(n, value);
    return 0;
  }
  const path = yield* findCommand(sh, name);
  if (path === undefined) {
    yield* complain(
      sh,
      sh.dialect.name === 'ash' ? `exec: line 0: ${name}: not found` : `exec: ${name}: not found`,
    );
    throw new ShellExit(127);
  }
  throw new ShellExit(yield* execOrFail(sh, path, args, sh.environment(assigns)));
}
