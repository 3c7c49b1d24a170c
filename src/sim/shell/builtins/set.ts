import * as sys from '../../kernel/syscall-api.ts';
import { complainIn, fatalIn, type Gen } from '../diagnostics.ts';
import type { ShellOptions, ShellState } from '../state.ts';
import type { Builtin } from './types.ts';

/** The option letters the simulator runs (the rest of each shell's letters are refused as unsupported). */
export const LETTERS: Readonly<Record<string, keyof ShellOptions>> = {
  e: 'errexit',
  u: 'nounset',
  x: 'xtrace',
  f: 'noglob',
  v: 'verbose',
  C: 'noclobber',
};

/**
 * Each shell's `set -o` table in its own order (recorded from dash 0.5.12,
 * bash 5.2.15 and BusyBox 1.35 `set -o`). The simulator runs the options of
 * ShellOptions; bash's braceexpand, hashall and interactive-comments are on
 * and behave as the interpreter does; the others are shown off and refused
 * when set (see `unsupported`).
 */
const TABLES = {
  dash: 'errexit noglob ignoreeof interactive monitor noexec stdin xtrace verbose vi emacs noclobber allexport notify nounset privileged nolog debug',
  bash: 'allexport braceexpand emacs errexit errtrace functrace hashall histexpand history ignoreeof interactive-comments keyword monitor noclobber noexec noglob nolog notify nounset onecmd physical pipefail posix privileged verbose vi xtrace',
  ash: 'errexit noglob ignoreeof monitor noexec xtrace verbose noclobber allexport notify nounset errtrace vi pipefail',
} as const;

/** Every letter each shell's set takes (dash options.h, bash's usage line, BusyBox ash.c). */
const FLAG_LETTERS = {
  dash: 'efIimnsxvVECabup',
  bash: 'abefhkmnptuvxBCEHPT',
  ash: 'efIimnsxvCabu',
};

const ALWAYS_ON = new Set(['braceexpand', 'hashall', 'interactive-comments']);

function isOn(sh: ShellState, name: string): boolean {
  if (Object.hasOwn(sh.options, name)) return sh.options[name as keyof ShellOptions];
  if (sh.dialect.name === 'bash' && ALWAYS_ON.has(name)) return true;
  if (name === 'interactive') return sh.mode === 'interactive';
  if (name === 'stdin') return sh.mode === 'interactive' || sh.readsStdin;
  if (name === 'monitor') return sh.jobControl;
  return false;
}

/** `set -o` (a table) and `set +o` (commands that restore the settings), in each shell's format. */
function* listOptions(sh: ShellState, restorable: boolean): Gen<number> {
  const names = TABLES[sh.dialect.name].split(' ');
  let text = '';
  if (restorable) for (const name of names) text += `set ${isOn(sh, name) ? '-' : '+'}o ${name}\n`;
  else {
    if (sh.dialect.name === 'dash') text += 'Current option settings\n';
    for (const name of names) {
      const value = isOn(sh, name) ? 'on' : 'off';
      text +=
        sh.dialect.name === 'bash'
          ? `${name.padEnd(15)}\t${value}\n`
          : `${name.padEnd(16)}${value}\n`;
    }
  }
  yield* sys.write(1, text);
  return 0;
}

const quoteValue = (v: string) =>
  /^[\w@%+=:,./-]+$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;

/** set [-eufxvC] [-o name] [--] [arg…] (XCU 2.14 "set"); without arguments, the variables. */
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
      if (name === undefined) return yield* listOptions(sh, !on);
      const status = yield* setByName(sh, name, on);
      if (status !== 0) return status;
      continue;
    }
    for (const letter of arg.slice(1)) {
      const option = LETTERS[letter];
      if (option === undefined) {
        if (!FLAG_LETTERS[sh.dialect.name].includes(letter)) return yield* badOption(sh, letter);
        if (sh.dialect.name === 'bash' && 'hB'.includes(letter) && on) continue;
        yield* complainIn(sh, 'set', `-${letter}: not supported by the simulator`);
        return 2;
      }
      sh.options[option] = on;
    }
  }
  if (i < args.length) sh.positional = args.slice(i);
  return 0;
};

function* setByName(sh: ShellState, name: string, on: boolean): Gen<number> {
  const known: readonly string[] = TABLES[sh.dialect.name].split(' ');
  if (!known.includes(name)) {
    if (sh.dialect.name === 'bash') {
      yield* complainIn(sh, 'set', `${name}: invalid option name`);
      return 2;
    }
    if (sh.dialect.name === 'ash') {
      yield* complainIn(sh, 'set', `illegal option -o ${name}`);
      return 1;
    }
    return yield* fatalIn(sh, 'set', { text: `Illegal option -o ${name}`, status: 2 });
  }
  if (Object.hasOwn(sh.options, name)) {
    sh.options[name as keyof ShellOptions] = on;
    return 0;
  }
  if (isOn(sh, name) === on) return 0;
  yield* complainIn(sh, 'set', `-o ${name}: not supported by the simulator`);
  return 2;
}

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
