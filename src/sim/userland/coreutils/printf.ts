import { err, out } from '../lib/io.ts';
import { escape, escapeString, Halt, type State } from './printf-escapes.ts';
import { program, progName } from '../lib/program.ts';
import { quote, quoteIfNeeded } from '../lib/quote.ts';
import {
  formatFloat,
  formatInteger,
  pad,
  parseFloat,
  parseInteger,
  type Spec,
} from './printf-numbers.ts';
import { usageError } from './usage.ts';
import { helpOrVersion } from './options.ts';

/**
 * coreutils printf(1) 9.1 (src/printf.c): the format is reused while
 * arguments remain; missing arguments read as "" or 0; bad numbers are
 * reported and printf goes on with status 1; \c stops everything.
 */
export const printf = program('coreutils/printf', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'printf');
  let args = ctx.argv.slice(1);
  if (args.length === 1 && (args[0] === '--help' || args[0] === '--version'))
    return yield* helpOrVersion(prog, args[0] === '--help' ? '?help' : '?version');
  if (args[0] === '--') args = args.slice(1);
  const format = args[0];
  if (format === undefined) return yield* usageError(prog, 'missing operand');
  let rest = args.slice(1);
  const state: State = { output: '', problems: [] };
  let halted: Halt | undefined;
  try {
    for (;;) {
      const used = formatOnce(format, rest, state);
      rest = rest.slice(used);
      if (used === 0 || rest.length === 0) break;
    }
  } catch (e) {
    if (!(e instanceof Halt)) throw e;
    halted = e;
  }
  if (!halted && rest.length > 0)
    state.problems.push(
      `warning: ignoring excess arguments, starting with ${quote(rest[0] ?? '')}`,
    );
  if (halted?.fatal) state.problems.push(halted.fatal);
  for (const problem of state.problems) yield* err(`${prog}: ${problem}\n`);
  yield* out(state.output);
  return state.problems.some((p) => !p.startsWith('warning: ')) ? 1 : 0;
});

/** One pass over the format; returns how many arguments it used. */
function formatOnce(format: string, args: readonly string[], state: State): number {
  let used = 0;
  const next = () => (used < args.length ? args[used++] : undefined);
  for (let i = 0; i < format.length; i++) {
    const ch = format[i] as string;
    if (ch === '\\') i += escape(format, i + 1, false, state) - 1;
    else if (ch !== '%') state.output += ch;
    else i = directive(format, i, next, state);
  }
  return used;
}

/** Reads one % directive at `start`; returns the index of its last character. */
function directive(
  format: string,
  start: number,
  next: () => string | undefined,
  state: State,
): number {
  let f = start + 1;
  const simple = format[f];
  if (simple === '%') return ((state.output += '%'), f);
  if (simple === 'b' || simple === 'q') {
    const arg = next();
    if (arg !== undefined && simple === 'q') state.output += quoteIfNeeded(arg);
    if (arg !== undefined && simple === 'b') escapeString(arg, state);
    return f;
  }
  const flags = /^[-+ #0'I]*/.exec(format.slice(f))?.[0] ?? '';
  f += flags.length;
  let width: number | undefined;
  let precision: number | undefined;
  if (format[f] === '*') {
    width = Number(starValue(next(), state, 'field width'));
    f++;
  } else while (/\d/.test(format[f] ?? '')) f++;
  const widthText = format.slice(start + 1 + flags.length, f);
  if (widthText !== '' && widthText !== '*') width = Number(widthText);
  if (format[f] === '.') {
    f++;
    if (format[f] === '*') {
      const p = Number(starValue(next(), state, 'precision'));
      precision = p < 0 ? undefined : p;
      f++;
    } else {
      const digits = /^\d*/.exec(format.slice(f))?.[0] ?? '';
      precision = Number(digits || '0');
      f += digits.length;
    }
  }
  while (/[lLhjtz]/.test(format[f] ?? '')) f++;
  const conversion = format[f] ?? '';
  if (!allowed(conversion, flags, format[f - 1] === '.' || precision !== undefined))
    throw new Halt(`${format.slice(start, f + 1)}: invalid conversion specification`);
  convert({ flags, width, precision, conversion }, next(), state);
  return f;
}

function allowed(conversion: string, flags: string, hasPrecision: boolean): boolean {
  if (!/^[aAcdeEfFgGiosuxX]$/.test(conversion)) return false;
  if (/['I]/.test(flags) && /[aAceEosxX]/.test(conversion)) return false;
  if (flags.includes('#') && /[cdisu]/.test(conversion)) return false;
  if (flags.includes('0') && /[cs]/.test(conversion)) return false;
  return !(hasPrecision && conversion === 'c');
}

function starValue(arg: string | undefined, state: State, what: string): bigint {
  if (arg === undefined) return 0n;
  const parsed = parseInteger(arg, quote(arg));
  if (parsed.problem) state.problems.push(parsed.problem);
  if (parsed.value > 2147483647n || parsed.value < -2147483648n)
    throw new Halt(`invalid ${what}: ${quote(arg)}`);
  return parsed.value;
}

function convert(spec: Spec, arg: string | undefined, state: State): void {
  const c = spec.conversion;
  if (c === 's') {
    const text = arg ?? '';
    const cut = spec.precision === undefined ? text : text.slice(0, spec.precision);
    state.output += pad('', cut, spec, false);
  } else if (c === 'c') state.output += pad('', (arg ?? '').slice(0, 1) || '\0', spec, false);
  else if (/[dioxXu]/.test(c)) {
    const parsed = arg === undefined ? { value: 0n } : parseInteger(arg, quote(arg));
    if (parsed.problem) state.problems.push(parsed.problem);
    state.output += formatInteger(parsed.value, spec);
  } else {
    const parsed = arg === undefined ? { value: 0 } : parseFloat(arg, quote(arg));
    if (parsed.problem) state.problems.push(parsed.problem);
    state.output += formatFloat(
      parsed.value,
      spec,
      'negative' in parsed && parsed.negative === true && Number.isNaN(parsed.value),
    );
  }
}
