import { isHex, isOctal, simpleEscape } from '../lib/escapes.ts';

/**
 * printf's backslash escapes (coreutils 9.1 src/printf.c print_esc): in the
 * format, and in %b arguments where \0NNN is octal. \c and a bad \x or \u
 * stop printf through Halt.
 */
/** Thrown inside the formatter for printf's fatal errors (error(EXIT_FAILURE, …)) and for \c. */
export class Halt extends Error {
  /** The fatal error's text, or null for \c (stop without an error). */
  readonly fatal: string | null;
  constructor(fatal: string | null) {
    super(fatal ?? 'stop');
    this.fatal = fatal;
  }
}

export interface State {
  output: string;
  readonly problems: string[];
}

/** %b: the argument's escapes, \0NNN octal. */
export function escapeString(arg: string, state: State): void {
  for (let i = 0; i < arg.length; i++) {
    if (arg[i] === '\\') i += escape(arg, i + 1, true, state) - 1;
    else state.output += arg.charAt(i);
  }
}

/** print_esc: one escape after a backslash at `at`; returns the characters it took, backslash included. */
export function escape(text: string, at: number, octalZero: boolean, state: State): number {
  const ch = text[at];
  if (ch === 'x') {
    const digits = /^[0-9a-fA-F]{0,2}/.exec(text.slice(at + 1))?.[0] ?? '';
    if (!isHex(digits[0])) throw new Halt('missing hexadecimal number in escape');
    state.output += String.fromCharCode(parseInt(digits, 16));
    return 2 + digits.length;
  }
  if (isOctal(ch)) {
    const skip = octalZero && ch === '0' ? 1 : 0;
    const digits = /^[0-7]{0,3}/.exec(text.slice(at + skip))?.[0] ?? '';
    state.output += String.fromCharCode(parseInt(digits || '0', 8) & 0xff);
    return 1 + skip + digits.length;
  }
  if (ch === 'c') throw new Halt(null);
  const simple = ch === undefined ? undefined : simpleEscape(ch);
  if (simple !== undefined) return ((state.output += simple), 2);
  if (ch === 'u' || ch === 'U') return unicodeEscape(text, at, state);
  state.output += '\\' + (ch ?? '');
  return ch === undefined ? 1 : 2;
}

function unicodeEscape(text: string, at: number, state: State): number {
  const length = text[at] === 'u' ? 4 : 8;
  const digits = text.slice(at + 1, at + 1 + length);
  if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits))
    throw new Halt('missing hexadecimal number in escape');
  const code = parseInt(digits, 16);
  // C99 6.4.3: no universal character names below U+00A0 other than $ @ `, nor surrogates.
  const allowed =
    (code >= 0xa0 || [0x24, 0x40, 0x60].includes(code)) && !(code >= 0xd800 && code <= 0xdfff);
  if (!allowed) throw new Halt(`invalid universal character name \\${text[at] ?? 'u'}${digits}`);
  state.output += String.fromCodePoint(code);
  return 2 + length;
}
