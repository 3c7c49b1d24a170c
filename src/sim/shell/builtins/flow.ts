import { LoopControl, ReturnControl, ShellExit } from '../control.ts';
import { complainIn, fatalIn } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';
import type { Builtin } from './types.ts';

/** A non-negative decimal argument, or the dialect's "Illegal number" error (which ends a non-interactive shell). */
export function* numberArg(
  sh: ShellState,
  builtin: string,
  arg: string | undefined,
  fallback: number,
) {
  if (arg === undefined) return fallback;
  if (/^[0-9]+$/.test(arg)) return Number(arg);
  return yield* fatalIn(sh, builtin, sh.dialect.illegalNumber(arg));
}

export const colon: Builtin = function* () {
  return 0;
};

export const falseBuiltin: Builtin = function* () {
  return 1;
};

/** exit [n]: n modulo 256; without n, the last status (XCU 2.14 "exit"). */
export const exit: Builtin = function* (sh, argv) {
  const arg = argv[1];
  if (arg !== undefined && !/^-?[0-9]+$/.test(arg)) {
    yield* complainIn(sh, 'exit', sh.dialect.illegalNumber(arg).text);
    throw new ShellExit(2, sh.dialect.name === 'bash');
  }
  throw new ShellExit(arg === undefined ? sh.status : Number(arg) & 0xff, true);
};

export const returnBuiltin: Builtin = function* (sh, argv) {
  const status = yield* numberArg(sh, 'return', argv[1], sh.status);
  if (sh.locals.length === 0 && sh.dialect.name === 'bash') {
    yield* complainIn(sh, 'return', "can only `return' from a function or sourced script");
    return 2;
  }
  throw new ReturnControl(status & 0xff);
};

function loopControl(kind: 'break' | 'continue'): Builtin {
  return function* (sh, argv) {
    const levels = yield* numberArg(sh, kind, argv[1], 1);
    if (levels === 0) return yield* fatalIn(sh, kind, sh.dialect.illegalNumber(argv[1] ?? '0'));
    if (sh.loopDepth === 0) {
      if (sh.dialect.name === 'bash')
        yield* complainIn(sh, kind, "only meaningful in a `for', `while', or `until' loop");
      return 0;
    }
    throw new LoopControl(kind, Math.min(levels, sh.loopDepth));
  };
}

export const breakBuiltin = loopControl('break');
export const continueBuiltin = loopControl('continue');
