import { cd, kill, trap, umask, wait } from './process.ts';
import { command, type } from './lookup.ts';
import { echo, pwd } from './echo.ts';
import { breakBuiltin, colon, continueBuiltin, exit, falseBuiltin, returnBuiltin } from './flow.ts';
import { getopts } from './getopts.ts';
import { printf } from './printf.ts';
import { read } from './read.ts';
import { dot, evalBuiltin } from './script.ts';
import { set } from './set.ts';
import { test } from './test.ts';
import type { Builtin } from './types.ts';
import type { Dialect } from '../dialect.ts';
import { declareBuiltin, letBuiltin } from './bash-builtins.ts';
import { bg, fg, jobs } from './job-control.ts';
import { alias, unalias } from './alias.ts';

type DialectName = Dialect['name'];
import { exportBuiltin, local, readonlyBuiltin, shift, unset } from './vars.ts';

/**
 * The special builtins (XCU 2.14): found before functions, their
 * assignments stay, and their errors end a non-interactive shell. `exec`
 * is handled by the simple-command runner (its redirections stay).
 */
const special = (): Readonly<Record<string, Builtin>> => ({
  ':': colon,
  '.': dot,
  source: dot,
  break: breakBuiltin,
  continue: continueBuiltin,
  eval: evalBuiltin,
  exit,
  export: exportBuiltin,
  readonly: readonlyBuiltin,
  return: returnBuiltin,
  set,
  shift,
  trap,
  unset,
});

/** Regular builtins: looked up after functions. */
const regular = (): Readonly<Record<string, Builtin>> => ({
  true: colon,
  false: falseBuiltin,
  cd,
  pwd,
  echo,
  printf,
  read,
  getopts,
  test,
  '[': test,
  '[[': test,
  let: letBuiltin,
  alias,
  unalias,
  jobs,
  fg,
  bg,
  declare: declareBuiltin('declare'),
  typeset: declareBuiltin('typeset'),
  umask,
  wait,
  kill,
  command,
  type,
  local,
});

/** Builtins only some of the shells have (dash has none of these; `[[` is BusyBox's test). */
const ONLY: Readonly<Record<string, readonly DialectName[]>> = {
  source: ['bash', 'ash'],
  let: ['bash', 'ash'],
  declare: ['bash'],
  typeset: ['bash'],
  '[[': ['ash'],
  jobs: ['bash'],
  fg: ['bash'],
  bg: ['bash'],
};

const available = (name: string, dialect: DialectName) =>
  !Object.hasOwn(ONLY, name) || (ONLY[name] ?? []).includes(dialect);

// Built on first use: the builtins and the interpreter import each other.
let specialTable: Readonly<Record<string, Builtin>> | undefined;
let regularTable: Readonly<Record<string, Builtin>> | undefined;

export function specialBuiltin(name: string, dialect: DialectName): Builtin | undefined {
  specialTable ??= special();
  return Object.hasOwn(specialTable, name) && available(name, dialect)
    ? specialTable[name]
    : undefined;
}

export function regularBuiltin(name: string, dialect: DialectName): Builtin | undefined {
  regularTable ??= regular();
  return Object.hasOwn(regularTable, name) && available(name, dialect)
    ? regularTable[name]
    : undefined;
}
