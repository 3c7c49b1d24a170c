import * as sys from '../../kernel/syscall-api.ts';
import {
  formatFloat,
  formatInteger,
  pad,
  parseFloat,
  parseInteger,
  type Spec,
} from '../../userland/coreutils/printf-numbers.ts';
import { complain, complainIn, type Gen } from '../diagnostics.ts';
import type { ShellState } from '../state.ts';
import { NAME } from '../word-text.ts';
import { unescape } from './echo.ts';
import { builtinOptions } from './options.ts';
import type { Builtin } from './types.ts';

/** A directive: flags, width, precision, bash's and ash's skipped length modifiers, the conversion. */
const CONVERSION = /%([-+ #0]*)(\*|[0-9]+)?(?:\.(\*|[0-9]*))?([hlLjzt]*)([^])?/y;

const BASH_USAGE = 'printf [-v var] format [arguments]';

/** Stops the builtin: a bad directive (dash 2, bash and ash 1), after what came before it is written. */
class Stop extends Error {
  readonly status: number;
  constructor(status: number) {
    super('printf stopped');
    this.status = status;
  }
}

interface Run {
  readonly sh: ShellState;
  readonly args: readonly string[];
  used: number;
  out: string;
  status: number;
  /** Messages for standard error: after the builtin's prefix, or (`plain`) after the shell's name only. */
  readonly problems: { readonly text: string; readonly plain: boolean }[];
}

/**
 * The shells' printf builtin (XCU printf): the format is reused while
 * arguments remain; numbers go through the C conversions coreutils' printf
 * uses (printf-numbers.ts); each shell words a bad number its own way and
 * goes on with status 1. bash adds -v, %q and \x; an unknown directive
 * stops printf (dash: status 2).
 */
export const printf: Builtin = function* (sh, argv) {
  const dialect = sh.dialect.name;
  // BusyBox's printf takes no options, only a leading `--`.
  const parsed =
    dialect === 'ash'
      ? { options: new Map<string, string>(), operands: argv.slice(argv[1] === '--' ? 2 : 1) }
      : yield* builtinOptions(
          sh,
          'printf',
          argv.slice(1),
          dialect === 'bash' ? 'v:' : '',
          BASH_USAGE,
        );
  if ('failed' in parsed) return parsed.failed;
  const [format, ...args] = parsed.operands;
  if (format === undefined) return yield* usage(sh);
  const target = parsed.options.get('v');
  if (target !== undefined && !NAME.test(target)) {
    yield* complainIn(sh, 'printf', `\`${target}': not a valid identifier`);
    return 2;
  }
  const run: Run = { sh, args, used: 0, out: '', status: 0, problems: [] };
  let stopped: Stop | undefined;
  try {
    do {
      const start = run.used;
      if (formatOnce(run, format)) break;
      if (run.used === start) break;
    } while (run.used < args.length);
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    stopped = e;
  }
  for (const problem of run.problems) yield* problemMessage(sh, problem);
  if (target !== undefined) sh.set(target, run.out);
  else if (run.out !== '') yield* sys.write(1, run.out);
  return stopped?.status ?? run.status;
};

function* usage(sh: ShellState): Gen<number> {
  if (sh.dialect.name === 'bash') yield* sys.write(2, `printf: usage: ${BASH_USAGE}\n`);
  else if (sh.dialect.name === 'dash')
    yield* complainIn(sh, 'printf', 'usage: printf format [arg ...]');
  else yield* complain(sh, 'usage: printf FORMAT [ARGUMENT...]');
  return 2;
}

/** One pass over the format; true when `\c` stopped all output. */
function formatOnce(run: Run, format: string): boolean {
  const bash = run.sh.dialect.name === 'bash';
  let i = 0;
  while (i < format.length) {
    const ch = format.charAt(i);
    if (ch === '\\') {
      const hex = run.sh.dialect.name !== 'dash' && /^\\x[0-9a-fA-F]{1,2}/.exec(format.slice(i));
      if (hex) {
        run.out += String.fromCharCode(parseInt(hex[0].slice(2), 16));
        i += hex[0].length;
        continue;
      }
      const unicode = bash && /^\\u([0-9a-fA-F]{1,4})/.exec(format.slice(i));
      if (unicode) {
        // In the C locale bash writes a character it cannot encode as \uXXXX (upper case).
        const code = parseInt(unicode[1] as string, 16);
        run.out +=
          code < 0x80
            ? String.fromCharCode(code)
            : `\\u${(unicode[1] as string).toUpperCase().padStart(4, '0')}`;
        i += unicode[0].length;
        continue;
      }
      const escape = /^\\(?:[0-7]{1,3}|[^])/.exec(format.slice(i))?.[0] ?? '\\';
      const r = unescape(escape, false);
      if (r.stop) return true;
      run.out += r.text;
      i += escape.length;
      continue;
    }
    if (ch !== '%') {
      run.out += ch;
      i++;
      continue;
    }
    CONVERSION.lastIndex = i;
    const m = CONVERSION.exec(format) as RegExpExecArray;
    const [whole, flags = '', widthText, precisionText, modifiers = '', conv = ''] = m;
    if (conv === '%' && whole === '%%') {
      run.out += '%';
      i += 2;
      continue;
    }
    const known = /^[diouxXeEfFgGscb]$/.test(conv) || (bash && conv === 'q');
    // bash skips C's length modifiers; BusyBox only before a number; dash knows none.
    const modifierOk =
      modifiers === '' || bash || (run.sh.dialect.name === 'ash' && !'scb'.includes(conv));
    if (!known || !modifierOk) invalid(run, format, i, whole, modifiers, conv);
    i = CONVERSION.lastIndex;
    const width = widthText === '*' ? starArg(run) : widthText ? Number(widthText) : undefined;
    const precision =
      precisionText === '*'
        ? starArg(run)
        : precisionText !== undefined
          ? Number(precisionText || '0')
          : undefined;
    const spec: Spec = { flags, width, precision, conversion: conv };
    const arg = run.args[run.used++];
    if (convert(run, spec, arg)) return true;
  }
  return false;
}

/** An unknown directive, in each shell's words; it stops printf. */
function invalid(
  run: Run,
  format: string,
  at: number,
  whole: string,
  modifiers: string,
  conv: string,
): never {
  const dialect = run.sh.dialect.name;
  if (dialect === 'dash') {
    run.problems.push(
      inBuiltin(
        `${whole.slice(0, whole.length - modifiers.length - conv.length)}${modifiers.charAt(0) || conv}: invalid directive`,
      ),
    );
    throw new Stop(2);
  }
  if (dialect === 'bash') {
    run.problems.push(inBuiltin(`\`${conv}': invalid format character`));
    throw new Stop(1);
  }
  const rest = format.slice(at + whole.length);
  run.problems.push(
    plain(
      `${whole.slice(0, whole.length - modifiers.length - conv.length)}${conv}${rest}: invalid format`,
    ),
  );
  throw new Stop(1);
}

function starArg(run: Run): number {
  const arg = run.args[run.used++];
  return arg === undefined ? 0 : Number(integerArg(run, arg));
}

/** An integer argument: a bad one is reported in the shell's words and counts as what was read (ash: 0). */
function integerArg(run: Run, arg: string): bigint {
  const parsed = parseInteger(arg, arg);
  if (parsed.problem === undefined) return parsed.value;
  run.status = 1;
  const dialect = run.sh.dialect.name;
  if (dialect === 'ash') {
    run.problems.push(plain(`invalid number '${arg}'`));
    return 0n;
  }
  const kind = parsed.problem.endsWith('out of range')
    ? 'range'
    : parsed.problem.endsWith('not completely converted')
      ? 'partial'
      : 'none';
  if (dialect === 'bash')
    run.problems.push(
      inBuiltin(
        kind === 'range'
          ? `warning: ${arg}: Numerical result out of range`
          : `${arg}: invalid number`,
      ),
    );
  else
    run.problems.push(
      inBuiltin(
        `${arg}: ${kind === 'range' ? 'Numerical result out of range' : kind === 'partial' ? 'not completely converted' : 'expected numeric value'}`,
      ),
    );
  return parsed.value;
}

function floatArg(run: Run, arg: string): number {
  const parsed = parseFloat(arg, arg);
  if (parsed.problem === undefined) return parsed.value;
  run.status = 1;
  const dialect = run.sh.dialect.name;
  if (dialect === 'ash') run.problems.push(plain(`invalid number '${arg}'`));
  else if (dialect === 'bash') run.problems.push(inBuiltin(`${arg}: invalid number`));
  else
    run.problems.push(
      inBuiltin(
        `${arg}: ${parsed.problem.endsWith('not completely converted') ? 'not completely converted' : 'expected numeric value'}`,
      ),
    );
  return parsed.value;
}

/** Formats one argument; true when %b met `\c`. */
function convert(run: Run, spec: Spec, arg: string | undefined): boolean {
  const c = spec.conversion;
  if (c === 's') {
    const text = arg ?? '';
    run.out += pad(
      '',
      spec.precision === undefined ? text : text.slice(0, spec.precision),
      spec,
      false,
    );
  } else if (c === 'c') run.out += pad('', (arg ?? '').charAt(0) || '\0', spec, false);
  else if (c === 'b') {
    const r = unescape((arg ?? '').replace(/\\([1-7])/g, '\\0$1'), true);
    run.out += pad('', r.text, spec, false);
    return r.stop;
  } else if (c === 'q') run.out += pad('', backslashQuote(arg ?? ''), spec, false);
  else if ('diouxX'.includes(c)) {
    const value = arg === undefined ? 0n : integerArg(run, arg);
    run.out += formatInteger(value, spec);
  } else run.out += formatFloat(arg === undefined ? 0 : floatArg(run, arg), spec);
  return false;
}

/** bash's %q (sh_backslash_quote): shell metacharacters get a backslash; '' for the empty string. */
function backslashQuote(text: string): string {
  if (text === '') return "''";
  let out = '';
  for (const [index, ch] of Array.from(text).entries()) {
    if (' \t\n\'"\\|&;()<>!{}*[]?^$`,'.includes(ch) || (index === 0 && '~#'.includes(ch)))
      out += '\\';
    out += ch;
  }
  return out;
}

const inBuiltin = (text: string) => ({ text, plain: false });
const plain = (text: string) => ({ text, plain: true });

function* problemMessage(sh: ShellState, problem: Run['problems'][number]): Gen<void> {
  if (problem.plain) yield* complain(sh, problem.text);
  else yield* complainIn(sh, 'printf', problem.text);
}
