import type { CommandOrigin } from '../kernel/events.ts';
import type { Command } from './ast.ts';
import type { GetoptsPosition } from './builtins/getopts.ts';
import type { Gen } from './diagnostics.ts';
import type { Dialect } from './dialect.ts';
import type { Job } from './jobs.ts';

/** A text the shell runs commands from: where it was read, and the line it starts on. */
export interface SourceText {
  readonly origin: CommandOrigin;
  readonly text: string;
  readonly firstLine: number;
}

export interface Variable {
  value: string;
  exported: boolean;
  readonly: boolean;
}

/** `set -e`, `-u`, `-x`, `-f`, `-v`, `-C` (XCU 2.14 "set"), and `-o pipefail`. */
export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  xtrace: boolean;
  noglob: boolean;
  verbose: boolean;
  /** `set -C`: `>` does not overwrite an existing regular file. */
  noclobber: boolean;
  /** `set -o pipefail` (bash, ash): a pipeline's status is its last failing command's. */
  pipefail: boolean;
}

/** How the shell was started: by `-c`, on a script file, or reading lines interactively. */
export type ShellMode = 'command' | 'script' | 'interactive';

/**
 * Everything a shell process remembers between commands. A subshell (fork)
 * gets a copy; the parent's state never changes because of a child.
 */
export class ShellState {
  readonly dialect: Dialect;
  readonly mode: ShellMode;
  /** `$0`. */
  arg0: string;
  /** What error messages begin with (the shell's argv[0], or the script's name). */
  errorName: string;
  positional: string[];
  vars = new Map<string, Variable>();
  functions = new Map<string, Command>();
  /** The text each function was defined in: its commands' places are in that text. */
  functionTexts = new Map<string, SourceText>();
  /**
   * The text the commands being run come from: their spans' offsets are in it.
   * A job's command is cut from it (jobs.ts); walkthrough probes report it (simple.ts).
   */
  reading: SourceText = { origin: { kind: 'interactive' }, text: '', firstLine: 1 };
  options: ShellOptions = {
    errexit: false,
    nounset: false,
    xtrace: false,
    noglob: false,
    verbose: false,
    noclobber: false,
    pipefail: false,
  };
  /** `$?` */
  status = 0;
  /** The status of the last command substitution of the command being expanded. */
  substitutionStatus: number | undefined;
  /** An interactive shell's `exit` status, once the builtin asked to end. */
  exitRequested: number | undefined;
  /** `$!` */
  lastBackground: number | undefined;
  /** Trap actions: signal number (0 for EXIT) → command text ('' ignores). */
  traps = new Map<number, string>();
  /** Signals caught by a trap whose action has not run yet (it runs between commands). */
  pendingTraps = new Set<number>();
  /** Names exported before they have a value (`export X` then `X=1`). */
  pendingExports = new Set<string>();
  /** Saved variables of each running function (`local`). */
  locals: Map<string, Variable | undefined>[] = [];
  /** Where `getopts` left off inside the current argument. */
  getopts: GetoptsPosition | undefined;
  /** Depth of loops, for break and continue. */
  loopDepth = 0;
  /** Inside an if/while condition, a && || operand or a ! pipeline: set -e does not apply. */
  errexitSuppressed = 0;
  /** The line of the command being run (for messages and $LINENO). */
  lineno = 1;
  /** Commands run so far: every STEP_YIELD of them the shell makes a system call, so signals land in pure loops. */
  steps = 0;
  /** Set by the interactive shell's SIGINT handler; the running command list stops at the next step. */
  interrupted = false;
  /** PID of this shell ($$ stays the parent shell's in subshells). */
  shellPid = 0;
  /** In a forked subshell: `exit` ends this process only. */
  subshell = false;
  /** `alias` definitions: name → replacement text. */
  aliases = new Map<string, string>();
  /** Background jobs started by this shell (a subshell starts with none). */
  jobs: Job[] = [];
  /** The commands come from standard input (`sh < file`, `echo cmd | sh`): `$-` shows s. */
  readsStdin = false;
  /** The terminal's foreground job control is on (an interactive shell on a tty). */
  jobControl = false;

  constructor(dialect: Dialect, mode: ShellMode, arg0: string, positional: string[]) {
    this.dialect = dialect;
    this.mode = mode;
    this.arg0 = arg0;
    this.errorName = arg0;
    this.positional = positional;
  }

  /** A copy for a subshell or a command substitution. */
  fork(): ShellState {
    const copy = new ShellState(this.dialect, this.mode, this.arg0, [...this.positional]);
    copy.errorName = this.errorName;
    for (const [name, v] of this.vars) copy.vars.set(name, { ...v });
    copy.functions = new Map(this.functions);
    copy.functionTexts = new Map(this.functionTexts);
    copy.reading = this.reading;
    copy.options = { ...this.options };
    copy.status = this.status;
    copy.lastBackground = this.lastBackground;
    copy.traps = new Map([...this.traps].filter(([sig, action]) => sig !== 0 && action === ''));
    copy.getopts = this.getopts;
    copy.aliases = new Map(this.aliases);
    copy.loopDepth = this.loopDepth;
    copy.errexitSuppressed = this.errexitSuppressed;
    copy.lineno = this.lineno;
    copy.shellPid = this.shellPid;
    copy.readsStdin = this.readsStdin;
    copy.jobControl = false;
    copy.subshell = true;
    return copy;
  }

  /** Runs `run` on commands read from `text` (a sourced file, eval, a trap, a function's body). */
  *readingFrom<T>(text: SourceText, run: () => Gen<T>): Gen<T> {
    const outer = this.reading;
    this.reading = text;
    try {
      return yield* run();
    } finally {
      this.reading = outer;
    }
  }

  get(name: string): string | undefined {
    return this.vars.get(name)?.value;
  }

  /** Sets a variable; false when it is read-only. */
  set(name: string, value: string): boolean {
    const existing = this.vars.get(name);
    if (existing?.readonly) return false;
    if (existing) existing.value = value;
    else
      this.vars.set(name, { value, exported: this.pendingExports.delete(name), readonly: false });
    return true;
  }

  unset(name: string): boolean {
    if (this.vars.get(name)?.readonly) return false;
    this.vars.delete(name);
    return true;
  }

  /** The environment an executed program receives: exported variables plus `extra` assignments. */
  environment(extra: ReadonlyMap<string, string> = new Map()): string[] {
    const env = new Map<string, string>();
    for (const [name, v] of this.vars) if (v.exported) env.set(name, v.value);
    for (const [name, value] of extra) env.set(name, value);
    return [...env].map(([name, value]) => `${name}=${value}`);
  }

  /** Imports an environment list ("NAME=value"), every entry exported. */
  importEnvironment(envp: readonly string[]): void {
    for (const entry of envp) {
      const eq = entry.indexOf('=');
      if (eq <= 0) continue;
      this.vars.set(entry.slice(0, eq), {
        value: entry.slice(eq + 1),
        exported: true,
        readonly: false,
      });
    }
  }
}
