/**
 * POSIX bracket expressions ("[a-z]", "[^]x]", "[[:digit:]]") as GNU
 * regex reads them, turned into a JavaScript character class. A backslash
 * is an ordinary character inside brackets.
 */
const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
};

export class RegexError extends Error {}

/** Reads the bracket expression opening at `start`; returns its class and the index of its "]". */
export function readBracket(pattern: string, start: number): { source: string; end: number } {
  if (start === pattern.length - 1) throw new RegexError('Invalid regular expression');
  let i = start + 1;
  const negate = pattern[i] === '^';
  if (negate) i++;
  let body = '';
  let previous: string | undefined;
  for (let first = true; i < pattern.length; i++, first = false) {
    const ch = pattern[i] as string;
    if (ch === ']' && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: i };
    if (ch === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      if (close < 0) throw new RegexError('Unmatched [, [^, [:, [., or [=');
      const cls = CLASSES[pattern.slice(i + 2, close)];
      if (cls === undefined) throw new RegexError('Invalid character class name');
      body += cls;
      i = close + 1;
      previous = undefined;
      continue;
    }
    if (ch === '-' && previous !== undefined && pattern[i + 1] !== ']' && i + 1 < pattern.length) {
      const end = pattern[i + 1] as string;
      if (end < previous) throw new RegexError('Invalid range end');
      body += '-' + escapeInClass(end);
      i++;
      previous = undefined;
      continue;
    }
    body += escapeInClass(ch);
    previous = ch;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

/** "[:space:]" written without the outer brackets: grep refuses it. */
export function isMisspelledClass(pattern: string, start: number, end: number): boolean {
  return /^\[:[a-z]+:\]$/.test(pattern.slice(start, end + 1));
}

function escapeInClass(ch: string): string {
  return ch.replace(/[\]\\^-]/g, '\\$&');
}
