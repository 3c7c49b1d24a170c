import * as sys from '../kernel/syscall-api.ts';
import type { Pos, SimpleCommand } from './ast.ts';
import { execBuiltin } from './builtins/script.ts';
import { regularBuiltin, specialBuiltin } from './builtins/table.ts';
import { complain, fatal, type Gen } from './diagnostics.ts';
import { expandString, expandWords } from './expand.ts';
import { runExternal } from './external.ts';
import { callFunction } from './functions.ts';
import type { RunContext } from './interp.ts';
import { withRedirects } from './redirect.ts';
import type { ShellState } from './state.ts';

/** bash keywords beyond POSIX that the interpreter does not run (src/sim/LIMITATIONS.md). */
const BASH_ONLY = new Set(['select', 'coproc']);

/**
 * A simple command (XCU 2.9.1): expand the words, then run a special
 * builtin, a function, a builtin or a program found on PATH, in that order.
 * Assignments before a special builtin stay; before anything else they hold
 * for that command only (for a program: in its environment).
 */
export function* runSimple(sh: ShellState, command: SimpleCommand, ctx: RunContext): Gen<number> {
  sh.lineno = command.span.start.line;
  sh.substitutionStatus = undefined;
  const argv = yield* expandWords(sh, command.words);
  const assigns = new Map<string, string>();
  for (const a of command.assigns) assigns.set(a.name, yield* expandString(sh, a.value));
  yield* trace(sh, assigns, argv);
  yield* probe(sh, command, argv);
  const name = argv[0];
  if (name === undefined) {
    for (const [n, value] of assigns)
      if (!sh.set(n, value)) yield* fatal(sh, sh.dialect.readonly(n));
    const status = substitutionStatus(sh);
    return yield* withRedirects(sh, command.redirects, function* () {
      return status;
    });
  }
  if (name === 'exec') return yield* execBuiltin(sh, argv, command.redirects, assigns);
  if (sh.dialect.name === 'bash' && BASH_ONLY.has(name)) {
    // bash's own syntax (not POSIX) is not modelled: say so rather than answer like a missing command.
    yield* complain(sh, `${name}: bash syntax not supported by the simulator (only POSIX sh)`);
    return 2;
  }
  const special = specialBuiltin(name, sh.dialect.name);
  if (special) {
    for (const [n, value] of assigns)
      if (!sh.set(n, value)) yield* fatal(sh, sh.dialect.readonly(n));
    return yield* withRedirects(sh, command.redirects, () =>
      special(sh, argv, { redirects: command.redirects, assigns }),
    );
  }
  const fn = sh.functions.get(name);
  const builtin = regularBuiltin(name, sh.dialect.name);
  if (fn || builtin) {
    return yield* withTemporary(sh, assigns, () =>
      withRedirects(sh, command.redirects, () =>
        fn
          ? callFunction(sh, fn, argv)
          : (builtin as NonNullable<typeof builtin>)(sh, argv, {
              redirects: command.redirects,
              assigns,
            }),
      ),
    );
  }
  return yield* runExternal(sh, argv, assigns, command.redirects, ctx);
}

/** Assignments that last for one builtin or function call. */
function* withTemporary(
  sh: ShellState,
  assigns: ReadonlyMap<string, string>,
  body: () => Gen<number>,
): Gen<number> {
  if (assigns.size === 0) return yield* body();
  const saved = new Map([...assigns.keys()].map((n) => [n, sh.vars.get(n)] as const));
  for (const [n, value] of assigns) {
    const old = sh.vars.get(n);
    sh.vars.set(n, { value, exported: true, readonly: old?.readonly ?? false });
  }
  try {
    return yield* body();
  } finally {
    for (const [n, old] of saved) {
      if (old) sh.vars.set(n, old);
      else sh.vars.delete(n);
    }
  }
}

/** `set -x`: the expanded command on standard error after PS4 (`+ `); bash and ash quote words that need it. */
function* trace(
  sh: ShellState,
  assigns: ReadonlyMap<string, string>,
  argv: readonly string[],
): Gen<void> {
  if (!sh.options.xtrace) return;
  const quote = (w: string) =>
    sh.dialect.name === 'dash' || /^[\w@%+=:,./-]+$/.test(w) ? w : `'${w.replace(/'/g, `'\\''`)}'`;
  const words = [...[...assigns].map(([n, v]) => `${n}=${quote(v)}`), ...argv.map(quote)];
  yield* sys.write(2, `${sh.get('PS4') ?? '+ '}${words.join(' ')}\n`);
}

/** Tells walkthroughs which command of which text runs now, with its words (kernel probe). */
function* probe(sh: ShellState, command: SimpleCommand, argv: readonly string[]): Gen<void> {
  const { origin, text, firstLine } = sh.reading;
  const { start, end } = command.span;
  const place = (pos: Pos) => ({ line: pos.line - firstLine + 1, col: pos.col });
  yield* sys.probe('shell-command', () => ({
    type: 'shell-command',
    origin,
    span: { start: place(start), end: place(end) },
    text: text.slice(start.offset, end.offset),
    argv,
  }));
}

/** The status of the command's last command substitution, 0 if it had none (XCU 2.9.1). */
function substitutionStatus(sh: ShellState): number {
  return sh.substitutionStatus ?? 0;
}
