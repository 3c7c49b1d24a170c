import { Errno, type SysResult } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Redirect } from '../ast.ts';
import { ReturnControl, ShellExit } from '../control.ts';
import { complain, fatal, type Gen } from '../diagnostics.ts';
import { DEFAULT_PATH, execOrFail, findCommand } from '../external.ts';
import { runScript } from '../interp.ts';
import { ParseError } from '../parse-error.ts';
import { parse } from '../parser.ts';
import { applyRedirects } from '../redirect.ts';
import type { ShellState } from '../state.ts';
import { reportSyntax } from '../syntax-report.ts';
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
export function* runText(sh: ShellState, text: string): Gen<number> {
  const script = parse(text, { line: sh.lineno, col: 1, offset: 0 });
  if (script instanceof ParseError) {
    yield* reportSyntax(sh, script, text);
    throw new ShellExit(2);
  }
  return yield* runScript(sh, script);
}

export const evalBuiltin: Builtin = function* (sh, argv) {
  const text = argv.slice(1).join(' ');
  if (text.trim() === '') return 0;
  return yield* runText(sh, text);
};

/** `. file`: a name without `/` is searched on PATH (XCU 2.14 "dot"); `return` ends it. */
export const dot: Builtin = function* (sh, argv) {
  const name = argv[1];
  if (name === undefined) return 0;
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
    const words =
      sh.dialect.name === 'dash'
        ? `.: cannot open ${name}: No such file`
        : `.: line 0: can't open '${name}': ${text.message}`;
    return yield* fatal(sh, { text: words, status: 2 });
  }
  try {
    return yield* runText(sh, text);
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
