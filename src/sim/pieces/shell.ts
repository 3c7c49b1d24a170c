/**
 * The shells' less used parts (ADR 0011): the builtins a first command
 * rarely needs, `[[ ]]`, `(( ))` and arithmetic. Every shell's code faults
 * them in on first use (src/sim/shell/paged.ts), the way a process reads in
 * a page of its text that is not in memory yet.
 */
import { evaluateArithmetic } from '../shell/arithmetic.ts';
import { alias, unalias } from '../shell/builtins/alias.ts';
import { declareBuiltin, letBuiltin } from '../shell/builtins/bash-builtins.ts';
import { getopts } from '../shell/builtins/getopts.ts';
import { bg, fg, jobs } from '../shell/builtins/job-control.ts';
import { command, type } from '../shell/builtins/lookup.ts';
import { printf } from '../shell/builtins/printf.ts';
import { kill, trap, umask, wait } from '../shell/builtins/process.ts';
import { read } from '../shell/builtins/read.ts';
import { test } from '../shell/builtins/test.ts';
import type { Builtin } from '../shell/builtins/types.ts';
import { runArithCommand, runCond } from '../shell/conditional.ts';

export { evaluateArithmetic, runArithCommand, runCond };

export const builtins = {
  alias,
  bg,
  command,
  declare: declareBuiltin('declare'),
  fg,
  getopts,
  jobs,
  kill,
  let: letBuiltin,
  printf,
  read,
  test,
  trap,
  type,
  typeset: declareBuiltin('typeset'),
  umask,
  unalias,
  wait,
} as const satisfies Record<string, Builtin>;
