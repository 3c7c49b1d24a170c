import * as sys from '../../kernel/syscall-api.ts';
import { complainIn, type Gen } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';
import type { Builtin } from './types.ts';

/**
 * Where getopts stands inside the arguments: the argument it reads and the
 * character within it (0: the next argument starts). `optind` is the OPTIND
 * text it left, so an assignment to OPTIND starts over (XCU getopts).
 */
export interface GetoptsPosition {
  readonly arg: number;
  readonly char: number;
  readonly optind: string;
}

/** The usage error of each shell (recorded: dash, bash and BusyBox `getopts` without operands). */
function* usage(sh: ShellState): Gen<number> {
  if (sh.dialect.name === 'bash')
    yield* sys.write(2, 'getopts: usage: getopts optstring name [arg ...]\n');
  else if (sh.dialect.name === 'dash')
    yield* complainIn(sh, 'getopts', 'Usage: getopts optstring var [arg...]');
  else yield* complainIn(sh, 'getopts', 'usage: getopts optstring var [arg]');
  return 2;
}

/**
 * getopts optstring name [arg…] (XCU getopts): one option per call. The
 * shells differ in what they show: bash keeps OPTIND on an argument until
 * its last letter is read and unsets OPTARG for an option without one;
 * dash and ash move OPTIND past the argument at its first letter and set
 * OPTARG to ''. Errors go to standard error in each shell's words unless
 * the optstring starts with `:`.
 */
export const getopts: Builtin = function* (sh, argv) {
  const optstring = argv[1];
  const name = argv[2];
  if (optstring === undefined || name === undefined) return yield* usage(sh);
  const args = argv.length > 3 ? argv.slice(3) : sh.positional;
  const bash = sh.dialect.name === 'bash';
  const optindText = sh.get('OPTIND') ?? '1';
  const saved = sh.getopts;
  let arg = Math.max(0, (Number.parseInt(optindText, 10) || 1) - 1);
  let char = 0;
  if (saved && saved.optind === optindText) ({ arg, char } = saved);
  const current = args[arg];
  if (char === 0) {
    if (current === undefined || current === '-' || !current.startsWith('-'))
      return finish(sh, name, arg);
    if (current === '--') return finish(sh, name, arg + 1);
    char = 1;
  }
  const text = current ?? '';
  const letter = text.charAt(char);
  char++;
  if (char >= text.length) {
    arg++;
    char = 0;
  }
  const at = letter === ':' ? -1 : optstring.indexOf(letter);
  const silent = optstring.startsWith(':');
  let result = letter;
  if (at < 0) {
    result = '?';
    if (silent) sh.set('OPTARG', letter);
    else {
      sh.unset('OPTARG');
      yield* sys.write(
        2,
        bash ? `${sh.errorName}: illegal option -- ${letter}\n` : `Illegal option -${letter}\n`,
      );
    }
  } else if (optstring.charAt(at + 1) === ':') {
    const value = char > 0 ? text.slice(char) : args[arg];
    if (value === undefined) {
      if (silent) {
        result = ':';
        sh.set('OPTARG', letter);
      } else {
        result = '?';
        sh.unset('OPTARG');
        yield* sys.write(
          2,
          bash
            ? `${sh.errorName}: option requires an argument -- ${letter}\n`
            : `No arg for -${letter} option\n`,
        );
      }
    } else {
      sh.set('OPTARG', value);
      arg++;
      char = 0;
    }
  } else if (bash) sh.unset('OPTARG');
  else sh.set('OPTARG', '');
  sh.set(name, result);
  const optind = String(char === 0 || bash ? arg + 1 : arg + 2);
  sh.set('OPTIND', optind);
  sh.getopts = { arg, char, optind };
  return 0;
};

/** No option left: the name becomes `?`, OPTIND the first operand's index; status 1. */
function finish(sh: ShellState, name: string, arg: number): number {
  sh.set(name, '?');
  if (sh.dialect.name !== 'dash') sh.unset('OPTARG');
  sh.set('OPTIND', String(arg + 1));
  sh.getopts = undefined;
  return 1;
}
