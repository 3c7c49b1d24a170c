import * as sys from '../../kernel/syscall-api.ts';
import type { Builtin } from './types.ts';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '\\': '\\',
};

/**
 * Backslash escapes as echo (XSI) and printf's %b read them: `\c` stops all
 * output; `\0NNN` (echo, %b) or `\NNN` (printf formats) is an octal byte.
 */
export function unescape(text: string, octalNeedsZero: boolean): { text: string; stop: boolean } {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch !== '\\' || i + 1 >= text.length) {
      out += ch;
      continue;
    }
    const next = text.charAt(++i);
    if (next === 'c') return { text: out, stop: true };
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) out += simple;
    else if (/[0-7]/.test(next) && (next === '0' || !octalNeedsZero)) {
      const start = next === '0' && octalNeedsZero ? i + 1 : i;
      const digits = /^[0-7]{0,3}/.exec(text.slice(start))?.[0] ?? '';
      out += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
      i = start + digits.length - 1;
    } else out += '\\' + next;
  }
  return { text: out, stop: false };
}

/**
 * echo: dash always interprets backslash escapes and knows only -n; bash and
 * BusyBox take -n, -e and -E and interpret escapes with -e.
 */
export const echo: Builtin = function* (sh, argv) {
  let args = argv.slice(1);
  let newline = true;
  let escapes = sh.dialect.echoEscapes;
  while (
    args[0] !== undefined &&
    /^-[neE]+$/.test(args[0]) &&
    (!sh.dialect.echoEscapes || /^-n+$/.test(args[0]))
  ) {
    for (const flag of args[0].slice(1)) {
      if (flag === 'n') newline = false;
      else escapes = flag === 'e';
    }
    args = args.slice(1);
  }
  let text = args.join(' ');
  if (escapes) {
    const result = unescape(text, true);
    text = result.text;
    if (result.stop) newline = false;
  }
  yield* sys.write(1, newline ? text + '\n' : text);
  return 0;
};

export const pwd: Builtin = function* () {
  yield* sys.write(1, (yield* sys.self()).cwd + '\n');
  return 0;
};
