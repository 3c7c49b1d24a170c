/**
 * Arithmetic expansion (XCU 2.6.4): signed integers, C's operators and
 * precedence, variables by name, assignment operators. Errors are returned
 * as values (`{ error }`), worded by the caller's dialect.
 */
export interface ArithEnv {
  get(name: string): string | undefined;
  set(name: string, value: string): void;
}

/** An error names the text from the offending token on (bash prints it as the "error token"). */
export type ArithResult =
  | { readonly value: number }
  | { readonly error: 'division by zero' | 'syntax'; readonly token: string };

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
const ASSIGN = ['=', '*=', '/=', '%=', '+=', '-=', '<<=', '>>=', '&=', '^=', '|='];
const TOKEN =
  /\s*(0[xX][0-9a-fA-F]+|[0-9]+|[A-Za-z_][A-Za-z0-9_]*|<<=|>>=|\|\||&&|==|!=|<=|>=|<<|>>|[*/%+\-&^|]=|[-+*/%()<>=!~^&|?:,])/y;

class Failure extends Error {
  readonly kind: 'division by zero' | 'syntax';
  /** Index of the token where evaluation failed. */
  readonly at: number;
  constructor(kind: 'division by zero' | 'syntax', at: number) {
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
    offsets.push(TOKEN.lastIndex - (m[1] as string).length);
    tokens.push(m[1] as string);
  }
  if (tokens.length === 0) return { value: 0 };
  try {
    const parser = new ArithParser(tokens, env);
    const value = parser.comma();
    if (parser.pos < tokens.length)
      return { error: 'syntax', token: expr.slice(offsets[parser.pos]) };
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
  private readonly env: ArithEnv;
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
    while (this.peek() === ',') {
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
      const value = op === '=' ? rhs : binary(op.slice(0, -1), this.variable(name), rhs);
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
    if (level >= BINARY.length) return this.unary();
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
  private unary(): number {
    const t = this.take();
    if (t === '-') return int(-this.unary());
    if (t === '+') return this.unary();
    if (t === '!') return this.unary() === 0 ? 1 : 0;
    if (t === '~') return int(~this.unary());
    if (t === '(') {
      const value = this.comma();
      if (this.take() !== ')') throw new Failure('syntax', this.pos - 1);
      return value;
    }
    if (/^[0-9]/.test(t)) return parseNumber(t);
    if (/^[A-Za-z_]/.test(t)) return this.variable(t);
    throw new Failure('syntax', this.pos - 1);
  }
  private variable(name: string): number {
    const text = (this.env.get(name) ?? '').trim();
    if (text === '') return 0;
    return parseNumber(text);
  }
}

function parseNumber(text: string): number {
  const negative = text.startsWith('-');
  const digits = negative ? text.slice(1) : text;
  let n: number;
  if (/^0[xX][0-9a-fA-F]+$/.test(digits)) n = parseInt(digits.slice(2), 16);
  else if (/^0[0-7]+$/.test(digits)) n = parseInt(digits, 8);
  else if (/^[0-9]+$/.test(digits)) n = parseInt(digits, 10);
  else throw new Failure('syntax', 0);
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
