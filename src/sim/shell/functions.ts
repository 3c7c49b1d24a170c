import type { Command } from './ast.ts';
import { ReturnControl } from './control.ts';
import type { Gen } from './diagnostics.ts';
import { runCommand } from './interp.ts';
import type { ShellState, Variable } from './state.ts';

/**
 * Calls a shell function (XCU 2.9.5): the arguments become the positional
 * parameters for the call, `return` ends it, and variables made `local`
 * get their old values back afterwards (dash, bash and ash all have local).
 */
export function* callFunction(sh: ShellState, body: Command, argv: readonly string[]): Gen<number> {
  const savedPositional = sh.positional;
  const savedLoopDepth = sh.loopDepth;
  sh.positional = argv.slice(1);
  sh.loopDepth = 0;
  sh.locals.push(new Map());
  try {
    return yield* runCommand(sh, body, { canExec: false });
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
