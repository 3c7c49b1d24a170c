/**
 * The shells' less used parts, faulted in on first use (ADR 0011): a
 * process that reaches them before their code has arrived sleeps in the
 * fault, and gets SIGBUS if the code cannot be read (kernel page_in).
 */
import * as sys from '../kernel/syscall-api.ts';
import { SHELL_PARTS, type ShellParts } from '../pieces/index.ts';
import type { Builtin } from './builtins/types.ts';
import type { Gen } from './diagnostics.ts';

/** The parts: at once when they are in memory (a minor fault), else through the kernel. */
export function* shellParts(): Gen<ShellParts> {
  return SHELL_PARTS.peek() ?? (yield* sys.pageIn(SHELL_PARTS));
}

/** A builtin whose code is in the shells' paged parts. */
export function pagedBuiltin(name: keyof ShellParts['builtins']): Builtin {
  return function* (sh, argv, call) {
    const parts = yield* shellParts();
    return yield* parts.builtins[name](sh, argv, call);
  };
}
