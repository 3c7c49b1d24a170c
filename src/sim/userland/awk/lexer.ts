/**
 * Tokens of the awk language (POSIX awk grammar, as mawk 1.3.4 reads it):
 * a "/" starts a regular expression where an operand is expected, newlines
 * are tokens (they end statements), a backslash-newline continues a line.
 */
export type TokenKind =
  'number' | 'string' | 'regex' | 'name' | 'builtin' | 'keyword' | 'punct' | 'newline' | 'eof';

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  /** A number's value, a string's or regex's unescaped text. */
  readonly value?: string | number;
}

export const KEYWORDS = new Set([
  'BEGIN',
  'END',
  'if',
  'else',
  'while',
  'for',
  'do',
  'break',
  'continue',
  'next',
  'exit',
  'print',
  'printf',
  'in',
  'delete',
  'getline',
  'function',
  'return',
]);

export const BUILTINS = new Set([
  'length',
  'substr',
  'index',
  'split',
  'sub',
  'gsub',
  'match',
  'sprintf',
  'tolower',
  'toupper',
  'int',
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'atan2',
  'rand',
  'srand',
  'system',
  'close',
  'fflush',
]);

const PUNCT = [
  '+=',
  '-=',
  '*=',
  '/=',
  '%=',
  '^=',
  '==',
  '<=',
  '>=',
  '!=',
  '++',
  '--',
  '&&',
  '||',
  '>>',
  '!~',
  '{',
  '}',
  '(',
  ')',
  '[',
  ']',
  ';',
  ',',
  '+',
  '-',
  '*',
  '/',
  '%',
  '^',
  '!',
  '>',
  '<',
  '|',
  '?',
  ':',
  '~',
  '$',
  '=',
];

export class AwkSyntaxError extends Error {
  readonly line: number;
  readonly near: string;
  constructor(line: number, near: string, message = 'syntax error') {
    super(message);
    this.line = line;
    this.near = near;
  }
}

/** After these tokens a "/" divides; elsewhere it starts a regular expression. */
function operandEnded(previous: Token | undefined): boolean {
  if (!previous) return false;
  if (previous.kind === 'number' || previous.kind === 'string' || previous.kind === 'name')
    return true;
  if (previous.kind === 'builtin' || previous.kind === 'regex') return true;
  return previous.kind === 'punct' && [')', ']', '$', '++', '--'].includes(previous.text);
}

const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  '\\': '\\',
  '"': '"',
  '/': '/',
  a: '\x07',
  b: '\b',
  f: '\f',
  v: '\v',
};

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let i = 0;
  const push = (kind: TokenKind, text: string, value?: string | number) =>
    tokens.push(value === undefined ? { kind, text, line } : { kind, text, line, value });
  while (i < source.length) {
    const ch = source[i] as string;
    if (ch === '\\' && source[i + 1] === '\n') {
      i += 2;
      line++;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (ch === '#') {
      while (i < source.length && source[i] !== '\n') i++;
      continue;
    }
    if (ch === '\n') {
      push('newline', '\n');
      line++;
      i++;
      continue;
    }
    if (ch === '"') {
      let value = '';
      i++;
      while (i < source.length && source[i] !== '"') {
        if (source[i] === '\n') throw new AwkSyntaxError(line, '"', 'runaway string constant');
        if (source[i] === '\\' && i + 1 < source.length) {
          const next = source[i + 1] as string;
          value += ESCAPES[next] ?? '\\' + next;
          i += 2;
        } else value += source.charAt(i++);
      }
      if (i >= source.length) throw new AwkSyntaxError(line, '"', 'runaway string constant');
      i++;
      push('string', JSON.stringify(value), value);
      continue;
    }
    if (ch === '/' && !operandEnded(tokens[tokens.length - 1])) {
      let value = '';
      i++;
      while (i < source.length && source[i] !== '/') {
        if (source[i] === '\n') throw new AwkSyntaxError(line, '/', 'runaway regular expression');
        if (source[i] === '\\' && source[i + 1] === '/') {
          value += '/';
          i += 2;
        } else value += source.charAt(i++);
      }
      i++;
      push('regex', `/${value}/`, value);
      continue;
    }
    const number = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(source.slice(i));
    if (number) {
      push('number', number[0], Number(number[0]));
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i));
    if (word) {
      const text = word[0];
      push(KEYWORDS.has(text) ? 'keyword' : BUILTINS.has(text) ? 'builtin' : 'name', text);
      i += text.length;
      continue;
    }
    const punct = PUNCT.find((p) => source.startsWith(p, i));
    if (!punct) throw new AwkSyntaxError(line, ch);
    push('punct', punct);
    i += punct.length;
  }
  push('eof', 'end of file');
  return tokens;
}
