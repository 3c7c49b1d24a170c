import type { Redirect } from '../ast.ts';
import type { Gen } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';

export interface BuiltinCall {
  readonly redirects: readonly Redirect[];
  /** Assignments written before the command name (`exec` exports them). */
  readonly assigns: ReadonlyMap<string, string>;
}

/** A builtin runs inside the shell process: it may change the shell's state. */
export type Builtin = (sh: ShellState, argv: readonly string[], call: BuiltinCall) => Gen<number>;
