import * as sys from '../../kernel/syscall-api.ts';
import { complainIn, fatalIn } from '../diagnostics.ts';
import type { ShellOptions, ShellState } from '../state.ts';
import type { Builtin } from './types.ts';

const LETTERS: Readonly<Record<string, keyof ShellOptions>> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  v: 'verbose',
};

const quoteValue = (v: string) =>
  /^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;

/** set [-eufxv] [-o name] [--] [arg…] (XCU 2.14 "set"); without arguments, the variables. */
export const set: Builtin = function* (sh, argv) {
  const args = argv.slice(1);
  if (args.length === 0) {
    const names = [...sh.vars.keys()].sort();
    yield* sys.write(
      1,
      names.map((n) => `${n}=${quoteValue(sh.vars.get(n)?.value ?? '')}\n`).join(''),
    );
    return 0;
  }
  let i = 0;
  for (; i < args.length; i++) {
    const arg = args[i] as string;
    if (arg === '--') {
      sh.positional = args.slice(i + 1);
      return 0;
    }
    if (arg === '-') {
      sh.options.xtrace = sh.options.verbose = false;
      i++;
      break;
    }
    if (!/^[-+]/.test(arg) || arg.length < 2) break;
    const on = arg[0] === '-';
    if (arg.slice(1) === 'o') {
      const name = args[++i];
      const option = Object.values(LETTERS).find((o) => o === name);
      if (option === undefined) return yield* badOption(sh, `-o ${name ?? ''}`);
      sh.options[option] = on;
      continue;
    }
    for (const letter of arg.slice(1)) {
      const option = LETTERS[letter];
      if (option === undefined) return yield* badOption(sh, letter);
      sh.options[option] = on;
    }
  }
  if (i < args.length) sh.positional = args.slice(i);
  return 0;
};

function* badOption(sh: ShellState, letter: string) {
  if (sh.dialect.name === 'bash') {
    yield* complainIn(sh, 'set', `-${letter}: invalid option`);
    yield* sys.write(
      2,
      'set: usage: set [-abefhkmnptuvxBCEHPT] [-o option-name] [--] [-] [arg ...]\n',
    );
    return 2;
  }
  if (sh.dialect.name === 'ash') {
    yield* complainIn(sh, 'set', `illegal option -${letter}`);
    return 2;
  }
  return yield* fatalIn(sh, 'set', { text: `Illegal option -${letter}`, status: 2 });
}
