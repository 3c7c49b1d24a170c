import * as sys from '../kernel/syscall-api.ts';
import type { Syscall } from '../kernel/syscall-api.ts';
import { ShellExit } from './control.ts';
import type { ShellState } from './state.ts';

export type Gen<T> = Generator<Syscall, T, unknown>;

/** Writes a message on standard error with the shell's prefix (`sh: 1: `). */
export function* complain(sh: ShellState, text: string): Gen<void> {
  yield* sys.write(2, `${sh.dialect.where(sh)}${text}\n`);
}

/** A builtin's complaint (`sh: 1: cd: …`). */
export function* complainIn(sh: ShellState, builtin: string, text: string): Gen<void> {
  yield* sys.write(2, `${sh.dialect.builtin(sh, builtin)}${text}\n`);
}

/** A builtin's error that ends a non-interactive shell (`sh: 1: shift: can't shift that many`). */
export function* fatalIn(
  sh: ShellState,
  builtin: string,
  error: { text: string; status: number },
): Gen<never> {
  yield* complainIn(sh, builtin, error.text);
  throw new ShellExit(error.status);
}

/** An error that ends a non-interactive shell (XCU 2.8.1): report it, then leave with its status. */
export function* fatal(sh: ShellState, error: { text: string; status: number }): Gen<never> {
  yield* complain(sh, error.text);
  throw new ShellExit(error.status);
}
