import { AwkSyntaxError, type Token } from './lexer.ts';

export type Expr =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'regex'; src: string }
  | { t: 'var'; name: string }
  | { t: 'field'; e: Expr }
  | { t: 'index'; name: string; subs: Expr[] }
  | { t: 'assign'; op: string; target: Expr; e: Expr }
  | { t: 'cond'; c: Expr; a: Expr; b: Expr }
  | { t: 'or' | 'and'; a: Expr; b: Expr }
  | { t: 'not'; e: Expr }
  | { t: 'match'; negate: boolean; e: Expr; re: Expr }
  | { t: 'cmp'; op: string; a: Expr; b: Expr }
  | { t: 'concat'; a: Expr; b: Expr }
  | { t: 'bin'; op: string; a: Expr; b: Expr }
  | { t: 'neg' | 'plus'; e: Expr }
  | { t: 'incdec'; op: string; prefix: boolean; target: Expr }
  | { t: 'call'; name: string; args: Expr[] }
  | { t: 'in'; key: Expr; name: string };

export type Stmt =
  | { t: 'print'; printf: boolean; args: Expr[] }
  | { t: 'expr'; e: Expr }
  | { t: 'if'; c: Expr; then: Stmt; else?: Stmt }
  | { t: 'while'; c: Expr; body: Stmt }
  | { t: 'do'; c: Expr; body: Stmt }
  | { t: 'for'; init?: Expr; c?: Expr; step?: Expr; body: Stmt }
  | { t: 'forin'; name: string; arr: string; body: Stmt }
  | { t: 'block'; body: Stmt[] }
  | { t: 'next' | 'break' | 'continue' }
  | { t: 'exit'; e?: Expr }
  | { t: 'delete'; name: string; subs?: Expr[] };

export interface Item {
  readonly kind: 'begin' | 'end' | 'main';
  readonly pattern?: Expr;
  readonly action?: Stmt;
}

/**
 * A recursive-descent parser for the POSIX awk grammar without user
 * functions, getline and output redirection (the simulator names them as not
 * implemented). Precedence, lowest first: ?:, ||, &&, in, ~ !~, relational,
 * concatenation, additive, multiplicative, unary, ^, ++/--, $.
 */
export function parseProgram(tokens: readonly Token[]): Item[] {
  return new Parser(tokens).program();
}

const CONCAT_START = new Set(['$', '!', '(', '-', '+', '++', '--']);

class Parser {
  private i = 0;
  private readonly tokens: readonly Token[];
  /** Inside print's argument list, ">" is a redirection, not a comparison. */
  private noGreater = false;

  constructor(tokens: readonly Token[]) {
    this.tokens = tokens;
  }

  private get tok(): Token {
    return this.tokens[this.i] as Token;
  }

  private is(text: string): boolean {
    const t = this.tok;
    return (t.kind === 'punct' || t.kind === 'keyword') && t.text === text;
  }

  private eat(text: string): boolean {
    if (!this.is(text)) return false;
    this.i++;
    return true;
  }

  private expect(text: string): void {
    if (!this.eat(text)) throw this.error();
  }

  private error(): AwkSyntaxError {
    const t = this.tok;
    if (t.kind === 'eof') return new AwkSyntaxError(t.line + 1, 'end of file', 'missing } near');
    return new AwkSyntaxError(t.line, t.kind === 'newline' ? 'end of line' : t.text);
  }

  private newlines(): void {
    while (this.tok.kind === 'newline') this.i++;
  }

  private terminators(): void {
    while (this.tok.kind === 'newline' || this.is(';')) this.i++;
  }

  program(): Item[] {
    const items: Item[] = [];
    this.terminators();
    while (this.tok.kind !== 'eof') {
      items.push(this.item());
      this.terminators();
    }
    return items;
  }

  private item(): Item {
    if (this.eat('BEGIN')) return { kind: 'begin', action: this.block() };
    if (this.eat('END')) return { kind: 'end', action: this.block() };
    if (this.is('function')) throw this.unsupported('function');
    const pattern = this.is('{') ? undefined : this.expr();
    const action = this.is('{') ? this.block() : undefined;
    return { kind: 'main', ...(pattern ? { pattern } : {}), ...(action ? { action } : {}) };
  }

  private unsupported(what: string): AwkSyntaxError {
    return new AwkSyntaxError(this.tok.line, what, `${what}: not implemented in this simulator`);
  }

  private block(): Stmt {
    this.newlines();
    this.expect('{');
    const body: Stmt[] = [];
    this.terminators();
    while (!this.is('}')) {
      if (this.tok.kind === 'eof') throw this.error();
      body.push(this.statement());
      this.terminators();
    }
    this.i++;
    return { t: 'block', body };
  }

  private simpleEnd(): void {
    if (this.is(';') || this.tok.kind === 'newline') {
      this.i++;
      return;
    }
    if (this.is('}') || this.tok.kind === 'eof') return;
    throw this.error();
  }

  private statement(): Stmt {
    if (this.is('{')) return this.block();
    if (this.eat('if')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.newlines();
      const then = this.statement();
      const save = this.i;
      this.terminators();
      if (this.eat('else')) {
        this.newlines();
        return { t: 'if', c, then, else: this.statement() };
      }
      this.i = save;
      return { t: 'if', c, then };
    }
    if (this.eat('while')) {
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.newlines();
      return { t: 'while', c, body: this.statement() };
    }
    if (this.eat('do')) {
      this.newlines();
      const body = this.statement();
      this.terminators();
      this.expect('while');
      this.expect('(');
      const c = this.expr();
      this.expect(')');
      this.simpleEnd();
      return { t: 'do', c, body };
    }
    if (this.eat('for')) return this.forStatement();
    if (this.eat(';')) return { t: 'block', body: [] };
    let stmt: Stmt;
    if (this.eat('next')) stmt = { t: 'next' };
    else if (this.eat('break')) stmt = { t: 'break' };
    else if (this.eat('continue')) stmt = { t: 'continue' };
    else if (this.eat('exit')) {
      const ends = this.is(';') || this.is('}') || this.tok.kind === 'newline';
      stmt = ends ? { t: 'exit' } : { t: 'exit', e: this.expr() };
    } else if (this.is('print') || this.is('printf')) stmt = this.print();
    else if (this.eat('delete')) {
      const name = this.name();
      if (this.eat('[')) {
        const subs = this.exprList();
        this.expect(']');
        stmt = { t: 'delete', name, subs };
      } else stmt = { t: 'delete', name };
    } else if (this.is('getline') || this.is('return')) throw this.unsupported(this.tok.text);
    else stmt = { t: 'expr', e: this.expr() };
    this.simpleEnd();
    return stmt;
  }

  private forStatement(): Stmt {
    this.expect('(');
    const save = this.i;
    if (this.tok.kind === 'name') {
      const name = this.tok.text;
      this.i++;
      if (this.eat('in')) {
        const arr = this.name();
        this.expect(')');
        this.newlines();
        return { t: 'forin', name, arr, body: this.statement() };
      }
      this.i = save;
    }
    const init = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.newlines();
    const c = this.is(';') ? undefined : this.expr();
    this.expect(';');
    this.newlines();
    const step = this.is(')') ? undefined : this.expr();
    this.expect(')');
    this.newlines();
    return {
      t: 'for',
      ...(init ? { init } : {}),
      ...(c ? { c } : {}),
      ...(step ? { step } : {}),
      body: this.statement(),
    };
  }

  private name(): string {
    if (this.tok.kind !== 'name') throw this.error();
    return this.tokens[this.i++]?.text as string;
  }

  private print(): Stmt {
    const printf = this.tok.text === 'printf';
    this.i++;
    let args: Expr[] = [];
    const outer = this.noGreater;
    this.noGreater = true;
    if (!(this.is(';') || this.is('}') || this.tok.kind === 'newline' || this.tok.kind === 'eof'))
      args = this.exprList();
    this.noGreater = outer;
    if (this.is('>') || this.is('>>') || this.is('|')) throw this.unsupported('output redirection');
    // print (a, b): the parenthesised list is the argument list.
    return { t: 'print', printf, args };
  }

  private exprList(): Expr[] {
    const list = [this.expr()];
    while (this.eat(',')) {
      this.newlines();
      list.push(this.expr());
    }
    return list;
  }

  expr(): Expr {
    return this.ternary();
  }

  private ternary(): Expr {
    const c = this.or();
    if (this.eat('?')) {
      this.newlines();
      const a = this.ternary();
      this.newlines();
      this.expect(':');
      this.newlines();
      return { t: 'cond', c, a, b: this.ternary() };
    }
    if (this.tok.kind === 'punct' && /^[-+*/%^]?=$/.test(this.tok.text) && isLvalue(c)) {
      const op = this.tok.text;
      this.i++;
      this.newlines();
      return { t: 'assign', op, target: c, e: this.ternary() };
    }
    return c;
  }

  private or(): Expr {
    let a = this.and();
    while (this.eat('||')) {
      this.newlines();
      a = { t: 'or', a, b: this.and() };
    }
    return a;
  }

  private and(): Expr {
    let a = this.inExpr();
    while (this.eat('&&')) {
      this.newlines();
      a = { t: 'and', a, b: this.inExpr() };
    }
    return a;
  }

  private inExpr(): Expr {
    let a = this.matchExpr();
    while (this.is('in')) {
      this.i++;
      a = { t: 'in', key: a, name: this.name() };
    }
    return a;
  }

  private matchExpr(): Expr {
    let a = this.relational();
    while (this.is('~') || this.is('!~')) {
      const negate = this.tok.text === '!~';
      this.i++;
      a = { t: 'match', negate, e: a, re: this.relational() };
    }
    return a;
  }

  private relational(): Expr {
    const a = this.concat();
    const t = this.tok;
    if (t.kind === 'punct' && ['<', '<=', '!=', '==', '>=', '>'].includes(t.text)) {
      if (t.text === '>' && this.noGreater) return a;
      this.i++;
      return { t: 'cmp', op: t.text, a, b: this.concat() };
    }
    return a;
  }

  private concat(): Expr {
    let a = this.additive();
    while (this.startsOperand()) a = { t: 'concat', a, b: this.additive() };
    return a;
  }

  private startsOperand(): boolean {
    const t = this.tok;
    if (['number', 'string', 'regex', 'name', 'builtin'].includes(t.kind)) return true;
    if (t.kind !== 'punct') return false;
    return CONCAT_START.has(t.text) && t.text !== '-' && t.text !== '+';
  }

  private additive(): Expr {
    let a = this.multiplicative();
    while (this.is('+') || this.is('-')) {
      const op = this.tok.text;
      this.i++;
      a = { t: 'bin', op, a, b: this.multiplicative() };
    }
    return a;
  }

  private multiplicative(): Expr {
    let a = this.unary();
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.tok.text;
      this.i++;
      a = { t: 'bin', op, a, b: this.unary() };
    }
    return a;
  }

  private unary(): Expr {
    if (this.eat('!')) return { t: 'not', e: this.unary() };
    if (this.eat('-')) return { t: 'neg', e: this.unary() };
    if (this.eat('+')) return { t: 'plus', e: this.unary() };
    return this.power();
  }

  private power(): Expr {
    const a = this.postfix();
    if (this.eat('^')) return { t: 'bin', op: '^', a, b: this.unaryPower() };
    return a;
  }

  private unaryPower(): Expr {
    if (this.eat('-')) return { t: 'neg', e: this.unaryPower() };
    if (this.eat('+')) return { t: 'plus', e: this.unaryPower() };
    if (this.eat('!')) return { t: 'not', e: this.unaryPower() };
    return this.power();
  }

  private postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.tok.text;
      this.i++;
      const target = this.primary();
      if (!isLvalue(target)) throw this.error();
      return { t: 'incdec', op, prefix: true, target };
    }
    const e = this.primary();
    if (isLvalue(e) && (this.is('++') || this.is('--'))) {
      const op = this.tok.text;
      this.i++;
      return { t: 'incdec', op, prefix: false, target: e };
    }
    return e;
  }

  private primary(): Expr {
    const t = this.tok;
    this.i++;
    if (t.kind === 'number') return { t: 'num', v: t.value as number };
    if (t.kind === 'string') return { t: 'str', v: t.value as string };
    if (t.kind === 'regex') return { t: 'regex', src: t.value as string };
    if (t.kind === 'punct' && t.text === '$') return { t: 'field', e: this.primaryForField() };
    if (t.kind === 'punct' && t.text === '(') {
      const outer = this.noGreater;
      this.noGreater = false;
      const e = this.expr();
      this.noGreater = outer;
      this.expect(')');
      return e;
    }
    if (t.kind === 'builtin') {
      if (!this.eat('(')) {
        if (t.text === 'length') return { t: 'call', name: 'length', args: [] };
        throw this.error();
      }
      const args = this.is(')') ? [] : this.exprList();
      this.expect(')');
      return { t: 'call', name: t.text, args };
    }
    if (t.kind === 'name') {
      if (this.eat('[')) {
        const subs = this.exprList();
        this.expect(']');
        return { t: 'index', name: t.text, subs };
      }
      return { t: 'var', name: t.text };
    }
    this.i--;
    throw this.error();
  }

  /** $ binds tighter than everything but grouping: $NF-1 is ($NF)-1, $(NF-1) a field. */
  private primaryForField(): Expr {
    if (this.eat('-')) return { t: 'neg', e: this.primaryForField() };
    if (this.is('++') || this.is('--')) return this.postfix();
    return this.primary();
  }
}

function isLvalue(e: Expr): boolean {
  return e.t === 'var' || e.t === 'field' || e.t === 'index';
}
