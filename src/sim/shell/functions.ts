import * as sys from '../kernel/syscall-api.ts';
import type { Command } from './ast.ts';
import { ReturnControl, ShellExit } from './control.ts';
import { fatal, type Gen } from './diagnostics.ts';
import { runCommand } from './interp.ts';
import type { ShellState, Variable } from './state.ts';

/**
 * Calls a shell function (XCU 2.9.5): the arguments become the positional
 * parameters for the call, `return` ends it, and variables made `local`
 * get their old values back afterwards (dash, bash and ash all have local).
 */
export function* callFunction(sh: ShellState, body: Command, argv: readonly string[]): Gen<number> {
  if (sh.locals.length >= MAX_DEPTH) yield* tooDeep(sh);
  yield* checkFuncnest(sh, argv[0] ?? '');
  const savedPositional = sh.positional;
  const savedLoopDepth = sh.loopDepth;
  sh.positional = argv.slice(1);
  sh.loopDepth = 0;
  sh.locals.push(new Map());
  try {
    // Its commands' places are in the text that defined it.
    const text = sh.functionTexts.get(argv[0] ?? '') ?? sh.reading;
    return yield* sh.readingFrom(text, () => runCommand(sh, body, { canExec: false }));
  } catch (e) {
    if (e instanceof ReturnControl) return (sh.status = e.status);
    throw e;
  } finally {
    const locals = sh.locals.pop() ?? new Map<string, Variable | undefined>();
    for (const [name, old] of locals) {
      if (old) sh.vars.set(name, old);
      else sh.vars.delete(name);
    }
    sh.positional = savedPositional;
    sh.loopDepth = savedLoopDepth;
  }
}

/** SIGSEGV (signal(7)). */
const SIGSEGV = 11;

/**
 * How deep functions may call each other here. Real dash stops at 1000 and
 * says so (the text below is its own); the simulator's interpreter nests
 * generators for each call and would overflow the JavaScript stack near 300,
 * so it stops at 200 (a documented limitation).
 */
const MAX_DEPTH = 200;

/**
 * Endless recursion: dash stops at 1000 calls with an error that ends the
 * shell; bash and BusyBox ash have no limit and die of SIGSEGV when the C
 * stack runs out (status 139 on the recording machine). The simulator stops
 * them at the same depth with that signal (src/sim/LIMITATIONS.md).
 */
function* tooDeep(sh: ShellState): Gen<never> {
  if (sh.dialect.name === 'dash')
    return yield* fatal(sh, {
      text: 'Maximum function recursion depth (1000) reached',
      status: 2,
    });
  yield* sys.kill((yield* sys.self()).pid, SIGSEGV);
  throw new ShellExit(128 + SIGSEGV);
}

/**
 * bash's FUNCNEST: a call deeper than its value is an error that ends
 * `bash -c` with status 1 (recorded: `environment: line 2: g: maximum
 * function nesting level exceeded (2)`).
 */
function* checkFuncnest(sh: ShellState, name: string): Gen<void> {
  if (sh.dialect.name !== 'bash') return;
  const limit = Number.parseInt(sh.get('FUNCNEST') ?? '', 10);
  if (!(limit > 0) || sh.locals.length < limit) return;
  yield* fatal(sh, {
    text: `${name}: maximum function nesting level exceeded (${limit})`,
    status: 1,
  });
}

/** `local name[=value]`: remembers the variable's current state for the end of the call. */
export function makeLocal(sh: ShellState, name: string): boolean {
  const frame = sh.locals.at(-1);
  if (!frame) return false;
  if (!frame.has(name)) {
    const old = sh.vars.get(name);
    frame.set(name, old ? { ...old } : undefined);
  }
  return true;
}
