import { isLvalue, type Expr } from './ast.ts';
import { TokenCursor } from './token-cursor.ts';

const CONCAT_START = new Set(['$', '!', '(', '-', '+', '++', '--']);

/**
 * awk expressions by recursive descent. Precedence, lowest first: ?:, ||,
 * &&, in, ~ !~, relational, concatenation, additive, multiplicative, unary,
 * ^, ++/--, $.
 */
export class ExprParser extends TokenCursor {
  /** Inside print's argument list, ">" is a redirection, not a comparison. */
  protected noGreater = false;

  protected exprList(): Expr[] {
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
