import * as sys from '../kernel/syscall-api.ts';
import { ShellExit } from './control.ts';
import type { Gen } from './diagnostics.ts';
import { runScript } from './interp.ts';
import { ParseError } from './parse-error.ts';
import { parse } from './parser.ts';
import type { ShellState, SourceText } from './state.ts';

/**
 * trap actions (XCU 2.14 "trap"): a caught signal only marks the trap as
 * pending (the handler runs between two system calls); the action runs
 * before the next command, as shells do after the foreground job returns.
 */
export function* setTrap(sh: ShellState, sig: number, action: string | undefined): Gen<void> {
  if (action === undefined) {
    sh.traps.delete(sig);
    if (sig !== 0) yield* sys.sigaction(sig, 'default');
    return;
  }
  sh.traps.set(sig, action);
  if (sig === 0) return;
  if (action === '') yield* sys.sigaction(sig, 'ignore');
  else
    yield* sys.sigaction(sig, function* (caught) {
      sh.pendingTraps.add(caught);
    });
}

export function* runPendingTraps(sh: ShellState): Gen<void> {
  if (sh.pendingTraps.size === 0) return;
  const pending = [...sh.pendingTraps];
  sh.pendingTraps.clear();
  for (const sig of pending) {
    const action = sh.traps.get(sig);
    if (action) yield* runAction(sh, action);
  }
}

function* runAction(sh: ShellState, action: string): Gen<void> {
  const script = parse(action, undefined, false, sh.dialect.name);
  if (script instanceof ParseError) return;
  const saved = sh.status;
  yield* sh.readingFrom(actionText(action), () => runScript(sh, script));
  sh.status = saved;
}

/** A trap's action as the text its commands come from. */
const actionText = (action: string): SourceText => ({
  origin: { kind: 'trap' },
  text: action,
  firstLine: 1,
});

/** The EXIT trap runs once, when the shell ends; `exit` inside it sets the final status. */
export function* runExitTrap(sh: ShellState, status: number): Gen<number> {
  const action = sh.traps.get(0);
  if (!action) return status;
  sh.traps.delete(0);
  sh.status = status;
  const script = parse(action, undefined, false, sh.dialect.name);
  if (script instanceof ParseError) return status;
  try {
    yield* sh.readingFrom(actionText(action), () => runScript(sh, script));
  } catch (e) {
    if (e instanceof ShellExit) return e.status;
    throw e;
  }
  return status;
}
