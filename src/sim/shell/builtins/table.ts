import { echo, pwd } from './echo.ts';
import { breakBuiltin, colon, continueBuiltin, exit, falseBuiltin, returnBuiltin } from './flow.ts';
import { dot, evalBuiltin } from './script.ts';
import { set } from './set.ts';
import type { Builtin } from './types.ts';
import { cd } from './cd.ts';
import { pagedBuiltin } from '../paged.ts';
import type { Dialect } from '../dialect.ts';

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
  trap: pagedBuiltin('trap'),
  unset,
});

/** Regular builtins: looked up after functions. */
const regular = (): Readonly<Record<string, Builtin>> => ({
  true: colon,
  false: falseBuiltin,
  cd,
  pwd,
  echo,
  printf: pagedBuiltin('printf'),
  read: pagedBuiltin('read'),
  getopts: pagedBuiltin('getopts'),
  test: pagedBuiltin('test'),
  '[': pagedBuiltin('test'),
  '[[': pagedBuiltin('test'),
  let: pagedBuiltin('let'),
  alias: pagedBuiltin('alias'),
  unalias: pagedBuiltin('unalias'),
  jobs: pagedBuiltin('jobs'),
  fg: pagedBuiltin('fg'),
  bg: pagedBuiltin('bg'),
  declare: pagedBuiltin('declare'),
  typeset: pagedBuiltin('typeset'),
  umask: pagedBuiltin('umask'),
  wait: pagedBuiltin('wait'),
  kill: pagedBuiltin('kill'),
  command: pagedBuiltin('command'),
  type: pagedBuiltin('type'),
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
