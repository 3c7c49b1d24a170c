/**
 * fnmatch(3) without flags, as find -name and -path use it: "*" and "?"
 * match any character ("/" and a leading "." included), "[...]" a set
 * ("!" or "^" negates), "\" quotes the next character. FNM_CASEFOLD for -iname.
 */
export function fnmatch(pattern: string, text: string, caseFold = false): boolean {
  return globToRegExp(pattern, caseFold).test(text);
}

function globToRegExp(pattern: string, caseFold: boolean): RegExp {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '*') source += '[\\s\\S]*';
    else if (ch === '?') source += '[\\s\\S]';
    else if (ch === '\\' && i + 1 < pattern.length) source += escape(pattern[++i] as string);
    else if (ch === '[') {
      const set = bracket(pattern, i);
      if (set) {
        source += set.source;
        i = set.end;
      } else source += '\\[';
    } else source += escape(ch);
  }
  return new RegExp(`^${source}$`, caseFold ? 'i' : '');
}

/** A bracket expression from "[" at `start` to its "]", or undefined when it does not close. */
function bracket(pattern: string, start: number): { source: string; end: number } | undefined {
  let i = start + 1;
  let negate = false;
  if (pattern[i] === '!' || pattern[i] === '^') {
    negate = true;
    i++;
  }
  let body = '';
  let first = true;
  for (; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === ']' && !first) return { source: `[${negate ? '^' : ''}${body}]`, end: i };
    if (ch === '[' && pattern[i + 1] === ':') {
      const close = pattern.indexOf(':]', i + 2);
      const name = close < 0 ? '' : pattern.slice(i + 2, close);
      const cls = CLASSES[name];
      if (cls) {
        body += cls;
        i = close + 1;
        first = false;
        continue;
      }
    }
    body += ch === '-' && !first && pattern[i + 1] !== ']' ? '-' : escapeInSet(ch);
    first = false;
  }
  return undefined;
}

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: 'a-zA-Z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
};

function escape(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function escapeInSet(ch: string): string {
  return ch.replace(/[\]\\^-]/g, '\\$&');
}
