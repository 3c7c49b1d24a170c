import { isMisspelledClass, readBracket, RegexError } from './bracket.ts';

export { RegexError } from './bracket.ts';

export type Syntax = 'basic' | 'extended' | 'fixed';

/** What translating a pattern gives: the JavaScript source and any warnings grep prints. */
export interface Translated {
  readonly source: string;
  readonly warnings: string[];
}

const GNU_ESCAPES: Record<string, string> = {
  '<': '\\b(?=\\w)',
  '>': '\\b(?<=\\w)',
  b: '\\b',
  B: '\\B',
  w: '\\w',
  W: '\\W',
  s: '\\s',
  S: '\\S',
  '`': '^',
  "'": '$',
};

/**
 * GNU grep 3.8's pattern syntaxes (regex(7), grep's manual) as JavaScript
 * regular expressions: BRE with \( \) \{ \} and GNU's \| \+ \?; ERE; fixed
 * strings. Errors carry GNU regex's messages.
 */
export function translate(pattern: string, syntax: Syntax): Translated {
  if (syntax === 'fixed') return { source: literal(pattern), warnings: [] };
  const t = new Translator(pattern, syntax === 'extended');
  return { source: t.run(), warnings: t.warnings };
}

class Translator {
  readonly warnings: string[] = [];
  private out = '';
  private open = 0;
  private closed = 0;
  /** Where a quantifier would have nothing to repeat: the start, after "(" or "|" or "^". */
  private atStart = true;
  private readonly p: string;
  private readonly ere: boolean;

  constructor(pattern: string, ere: boolean) {
    this.p = pattern;
    this.ere = ere;
  }

  run(): string {
    for (let i = 0; i < this.p.length; i++) i = this.step(i);
    if (this.open > 0) throw new RegexError('Unmatched ( or \\(');
    return this.out;
  }

  private step(i: number): number {
    const ch = this.p[i] as string;
    if (ch === '\\') return this.escaped(i);
    if (ch === '[') {
      const { source, end } = readBracket(this.p, i);
      if (isMisspelledClass(this.p, i, end))
        throw new RegexError(`character class syntax is [[:space:]], not [:space:]`);
      return this.emit(source, end);
    }
    if (this.ere && '()|{+?'.includes(ch)) return this.ereOperator(ch, i);
    if (ch === '*') {
      if (!this.atStart) return this.emit('*', i, false);
      if (this.ere) return (this.warnings.push('* at start of expression'), i);
      return this.emit('\\*', i);
    }
    if (ch === '^' && (this.ere || this.atStart)) return this.emit('^', i, true);
    if (ch === '$' && (this.ere || this.atEnd(i + 1))) return this.emit('$', i);
    return this.emit(ch === '.' ? '.' : literal(ch), i);
  }

  private escaped(i: number): number {
    const n = this.p[i + 1];
    if (n === undefined) throw new RegexError('Trailing backslash');
    if (!this.ere && '()|{+?'.includes(n)) return this.ereOperator(n, i + 1);
    if (/[1-9]/.test(n)) {
      if (Number(n) > this.closed) throw new RegexError('Invalid back reference');
      return this.emit('\\' + n, i + 1);
    }
    const gnu = GNU_ESCAPES[n];
    return this.emit(gnu ?? literal(n), i + 1, n === '`');
  }

  private ereOperator(op: string, i: number): number {
    if (op === '(') return (this.open++, this.emit('(', i, true));
    if (op === ')') {
      if (this.open === 0) {
        if (this.ere) return this.emit('\\)', i);
        throw new RegexError('Unmatched ) or \\)');
      }
      this.open--;
      this.closed++;
      return this.emit(')', i);
    }
    if (op === '|') return this.emit('|', i, true);
    if (op === '{') return this.interval(i);
    if (this.atStart) return this.emit(literal(op), i);
    return this.emit(op, i, false);
  }

  /** "{m}", "{m,}", "{m,n}", "{,n}"; in ERE an invalid one is literal, in BRE an error. */
  private interval(i: number): number {
    const close = this.ere ? '}' : '\\}';
    const end = this.p.indexOf(close, i + 1);
    const body = end < 0 ? undefined : this.p.slice(i + 1, end);
    const match = body === undefined ? null : /^(\d*)(,?)(\d*)$/.exec(body);
    const valid =
      match &&
      (match[1] !== '' || match[3] !== '') &&
      !(match[3] !== '' && Number(match[1] || 0) > Number(match[3]));
    if (!valid || end < 0) {
      if (this.ere) return this.emit('\\{', i);
      throw new RegexError(end < 0 ? 'Unmatched \\{' : 'Invalid content of \\{\\}');
    }
    if (this.atStart)
      return this.emit(literal(this.p.slice(i, end + close.length)), end + close.length - 1);
    const [, min = '', comma = '', max = ''] = match;
    return this.emit(`{${min || '0'}${comma}${max}}`, end + close.length - 1, false);
  }

  private atEnd(next: number): boolean {
    const rest = this.p.slice(next);
    return rest === '' || (!this.ere && (rest.startsWith('\\)') || rest.startsWith('\\|')));
  }

  private emit(source: string, last: number, startAfter = false): number {
    this.out += source;
    this.atStart = startAfter;
    return last;
  }
}

export function literal(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
