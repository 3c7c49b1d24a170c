/**
 * How control leaves the middle of a command list. These are thrown inside
 * the interpreter and always caught by it (a loop, a function call, the
 * shell's main loop); nothing escapes a shell program.
 */

/** `break N` / `continue N`. */
export class LoopControl extends Error {
  readonly kind: 'break' | 'continue';
  levels: number;
  constructor(kind: 'break' | 'continue', levels: number) {
    super();
    this.kind = kind;
    this.levels = levels;
  }
}

/** `return [N]` from a function or a dot script. */
export class ReturnControl extends Error {
  readonly status: number;
  constructor(status: number) {
    super();
    this.status = status;
  }
}

/**
 * The shell stops running the current program: `exit`, `set -e`, or an error
 * that POSIX says ends a non-interactive shell (a special builtin's error,
 * `${v?}`, a syntax error in eval). An interactive shell goes back to its
 * prompt unless `exit` asked for it.
 */
export class ShellExit extends Error {
  readonly status: number;
  /** true for the exit builtin (an interactive shell ends too). */
  readonly explicit: boolean;
  constructor(status: number, explicit = false) {
    super();
    this.status = status;
    this.explicit = explicit;
  }
}

export const isControl = (e: unknown): e is LoopControl | ReturnControl | ShellExit =>
  e instanceof LoopControl || e instanceof ReturnControl || e instanceof ShellExit;
