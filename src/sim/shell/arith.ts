/**
 * Arithmetic expansion (XCU 2.6.4): signed integers, C's operators and
 * precedence, variables by name, assignment operators. Errors are returned
 * as values (`{ error }`), worded by the caller's dialect.
 */
export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
  /**
   * dash 0.5.12's smaller grammar: no `**`, `++`, `--` or `,`, and a variable
   * must hold a number. bash and BusyBox evaluate a variable's value as an
   * expression (`x="1+2"; $((x*2))` is 6) and an empty or unset one as 0.
   */
  readonly dash: boolean;
  /** bash reads a bare `0x` as 0. */
  readonly bashHex?: boolean;
}

export type ArithError =
  /** A primary was expected (dash "expecting primary", bash "operand expected"). */
  | 'syntax'
  /** Tokens left after a complete expression (dash "expecting EOF"). */
  | 'trailing'
  | 'division by zero'
  /** `09`: bash "value too great for base". */
  | 'base'
  /** `2**-1`. */
  | 'exponent'
  /** dash: a variable whose value is not a number (`Illegal number: abc`). */
  | 'number';

/** An error names the text from the offending token on (bash prints it as the "error token"). */
export type ArithResult =
  { readonly value: number } | { readonly error: ArithError; readonly token: string };

const BINARY: readonly (readonly string[])[] = [
  ['||'],
  ['&&'],
  ['|'],
  ['^'],
  ['&'],
  ['==', '!='],
  ['<=', '>=', '<', '>'],
  ['<<', '>>'],
  ['+', '-'],
  ['*', '/', '%'],
];
const DASH_MISSING = new Set(['**', '++', '--', ',']);
const ASSIGN = ['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|='];
const TOKEN =
  /\s*(0[xX][0-9a-fA-F]*|[0-9]+|[A-Za-z_][A-Za-z0-9_]*|<<=|>>=|\*\*|\+\+|--|\|\||&&|==|!=|<=|>=|<<|>>|[*/%+\-&^|]=|[-+*/%()<>=!~^&|?:,])/y;

class Failure extends Error {
  readonly kind: ArithError;
  /** Index of the token where evaluation failed. */
  readonly at: number;
  constructor(kind: ArithError, at: number) {
    super(kind);
    this.kind = kind;
    this.at = at;
  }
}

export function evaluate(expr: string, env: ArithEnv): ArithResult {
  const tokens: string[] = [];
  const offsets: number[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < expr.length) {
    if (/^\s*$/.test(expr.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(expr);
    if (!m) return { error: 'syntax', token: expr.slice(TOKEN.lastIndex).trimStart() };
    const token = m[1] as string;
    // dash reads `a++` as `a` `+` `+`, and has no `**` or `,` at all.
    if (env.dash && DASH_MISSING.has(token) && token !== ',') {
      TOKEN.lastIndex -= 1;
      offsets.push(TOKEN.lastIndex - 1);
      tokens.push(token.charAt(0));
      continue;
    }
    offsets.push(TOKEN.lastIndex - token.length);
    tokens.push(token);
  }
  if (tokens.length === 0) return { value: 0 };
  try {
    const parser = new ArithParser(tokens, env);
    const value = parser.comma();
    if (parser.pos < tokens.length)
      return { error: env.dash ? 'trailing' : 'syntax', token: expr.slice(offsets[parser.pos]) };
    return { value };
  } catch (e) {
    if (e instanceof Failure)
      return { error: e.kind, token: expr.slice(offsets[e.at] ?? expr.length) };
    throw e;
  }
}

const int = (n: number) => Number(BigInt.asIntN(64, BigInt(Math.trunc(n))));

class ArithParser {
  pos = 0;
  private readonly tokens: string[];
  readonly env: ArithEnv;
  constructor(tokens: string[], env: ArithEnv) {
    this.tokens = tokens;
    this.env = env;
  }
  private peek = () => this.tokens[this.pos];
  private take(): string {
    const t = this.tokens[this.pos++];
    if (t === undefined) throw new Failure('syntax', this.pos - 2);
    return t;
  }
  comma(): number {
    let value = this.assign();
    while (this.peek() === ',' && !this.env.dash) {
      this.pos++;
      value = this.assign();
    }
    return value;
  }
  private assign(): number {
    const name = this.peek();
    const op = this.tokens[this.pos + 1];
    if (name !== undefined && /^[A-Za-z_]/.test(name) && op !== undefined && ASSIGN.includes(op)) {
      this.pos += 2;
      const rhs = this.assign();
      const value =
        op === '=' ? rhs : binary(op.slice(0, -1), this.variable(name, this.pos - 2), rhs);
      this.env.set(name, String(value));
      return value;
    }
    return this.ternary();
  }
  private ternary(): number {
    const cond = this.binary(0);
    if (this.peek() !== '?') return cond;
    this.pos++;
    const a = this.comma();
    if (this.take() !== ':') throw new Failure('syntax', this.pos - 1);
    const b = this.ternary();
    return cond !== 0 ? a : b;
  }
  private binary(level: number): number {
    if (level >= BINARY.length) return this.power();
    let left = this.binary(level + 1);
    for (let op = this.peek(); op !== undefined && BINARY[level]?.includes(op); op = this.peek()) {
      this.pos++;
      const rightStart = this.pos;
      const right = this.binary(level + 1);
      if ((op === '/' || op === '%') && right === 0)
        throw new Failure('division by zero', rightStart);
      left = binary(op, left, right);
    }
    return left;
  }
  /** `**` binds tighter than `*` and to the right; its operands are unary expressions (bash, BusyBox). */
  private power(): number {
    const base = this.unary();
    if (this.peek() !== '**' || this.env.dash) return base;
    this.pos++;
    const at = this.tokens[this.pos] === '-' ? this.pos + 1 : this.pos;
    const exponent = this.power();
    if (exponent < 0) throw new Failure('exponent', at);
    return int(Number(BigInt.asIntN(64, BigInt(base) ** BigInt(exponent))));
  }
  private unary(): number {
    const t = this.take();
    if ((t === '++' || t === '--') && /^[A-Za-z_]/.test(this.peek() ?? '')) {
      const name = this.take();
      const value = this.variable(name, this.pos - 1) + (t === '++' ? 1 : -1);
      this.env.set(name, String(value));
      return value;
    }
    if (t === '-') return int(-this.unary());
    if (t === '+') return this.unary();
    if (t === '!') return this.unary() === 0 ? 1 : 0;
    if (t === '~') return int(~this.unary());
    if (t === '(') {
      const value = this.comma();
      if (this.take() !== ')') throw new Failure('syntax', this.pos - 1);
      return value;
    }
    if (/^[0-9]/.test(t)) return this.number(t, this.pos - 1);
    if (/^[A-Za-z_]/.test(t)) {
      const value = this.variable(t, this.pos - 1);
      const next = this.peek();
      if ((next === '++' || next === '--') && !this.env.dash) {
        this.pos++;
        this.env.set(t, String(value + (next === '++' ? 1 : -1)));
      }
      return value;
    }
    throw new Failure('syntax', this.pos - 1);
  }
  private number(text: string, at: number): number {
    // A bare `0x`: bash reads 0, BusyBox fails, dash stops after the 0.
    if (/^0[xX]$/.test(text)) {
      if (this.env.dash) throw new Failure('trailing', at);
      if (this.env.bashHex) return 0;
      throw new Failure('syntax', at);
    }
    if (/^0[0-9]*[89]/.test(text)) throw new Failure(this.env.dash ? 'trailing' : 'base', at);
    return parseNumber(text);
  }
  private variable(name: string, at: number): number {
    const text = (this.env.get(name) ?? '').trim();
    if (text === '') return 0;
    if (/^[-+]?(0[xX][0-9a-fA-F]+|[0-9]+)$/.test(text) && !/^[-+]?0[0-9]*[89]/.test(text))
      return parseNumber(text);
    if (this.env.dash) throw new Failure('number', at);
    // bash and BusyBox: the value is an expression of its own.
    if (++this.depth > 100) throw new Failure('syntax', at);
    const inner = evaluate(text, this.env);
    this.depth--;
    if ('value' in inner) return inner.value;
    throw new Failure(inner.error, at);
  }
  private depth = 0;
}

function parseNumber(text: string): number {
  const negative = text.startsWith('-');
  const digits = negative || text.startsWith('+') ? text.slice(1) : text;
  let n: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(digits)) n = parseInt(digits.slice(2), 16);
  else if (/^0[0-7]+$/.test(digits)) n = parseInt(digits, 8);
  else n = parseInt(digits, 10);
  return negative ? -n : n;
}

function binary(op: string, a: number, b: number): number {
  switch (op) {
    case '||':
      return a !== 0 || b !== 0 ? 1 : 0;
    case '&&':
      return a !== 0 && b !== 0 ? 1 : 0;
    case '|':
      return int(Number(BigInt(a) | BigInt(b)));
    case '^':
      return int(Number(BigInt(a) ^ BigInt(b)));
    case '&':
      return int(Number(BigInt(a) & BigInt(b)));
    case '==':
      return a === b ? 1 : 0;
    case '!=':
      return a !== b ? 1 : 0;
    case '<':
      return a < b ? 1 : 0;
    case '<=':
      return a <= b ? 1 : 0;
    case '>':
      return a > b ? 1 : 0;
    case '>=':
      return a >= b ? 1 : 0;
    case '<<':
      return int(Number(BigInt(a) << BigInt(b & 63)));
    case '>>':
      return int(Number(BigInt(a) >> BigInt(b & 63)));
    case '+':
      return int(a + b);
    case '-':
      return int(a - b);
    case '*':
      return int(a * b);
    case '/':
    case '%':
      if (b === 0) throw new Failure('division by zero', 0);
      return op === '/' ? int(a / b) : int(a % b);
    default:
      throw new Failure('syntax', 0);
  }
}
