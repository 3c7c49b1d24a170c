/**
 * Backslash escapes as coreutils echo -e, printf's format and printf %b
 * read them (coreutils 9.1 src/echo.c and src/printf.c). Bytes above 0x7f
 * become the character with that code: the simulator's text is not bytes.
 */
export interface Unescaped {
  readonly text: string;
  /** \c was met: everything after it (and all further output) is dropped. */
  readonly stop: boolean;
}

const SIMPLE: Record<string, string> = {
  '\\': '\\',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** echo -e: \0NNN and \NNN are octal, \xHH hex; unknown escapes stay as they are. */
export function echoEscapes(input: string): Unescaped {
  let text = '';
  for (let i = 0; i < input.length; i++) {
    const ch = input[i] as string;
    const next = input[i + 1];
    if (ch !== '\\' || next === undefined) {
      text += ch;
      continue;
    }
    if (next === 'c') return { text, stop: true };
    i++;
    if (SIMPLE[next] !== undefined) text += SIMPLE[next];
    else if (next === 'x' && isHex(input[i + 1])) {
      const digits = /^[0-9a-fA-F]{1,2}/.exec(input.slice(i + 1))?.[0] ?? '';
      text += String.fromCharCode(parseInt(digits, 16));
      i += digits.length;
    } else if (isOctal(next)) {
      // \0 takes up to three more octal digits; \1 to \7 up to two more.
      const more = next === '0' ? 3 : 2;
      const digits = new RegExp(`^[0-7]{0,${more}}`).exec(input.slice(i + 1))?.[0] ?? '';
      const value = next === '0' ? parseInt(digits || '0', 8) : parseInt(next + digits, 8);
      text += String.fromCharCode(value & 0xff);
      i += digits.length;
    } else text += '\\' + next;
  }
  return { text, stop: false };
}

export function isHex(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-9a-fA-F]$/.test(ch);
}

export function isOctal(ch: string | undefined): boolean {
  return ch !== undefined && /^[0-7]$/.test(ch);
}

/** The simple one-letter escapes printf knows besides \", \\ and the numeric ones. */
export function simpleEscape(letter: string): string | undefined {
  return letter === '"' ? '"' : SIMPLE[letter];
}
