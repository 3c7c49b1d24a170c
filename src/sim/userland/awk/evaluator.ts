import type { Expr } from './ast.ts';
import { callBuiltin } from './builtins.ts';
import { AwkRuntime } from './runtime.ts';
import { compare, toNum, toStr, truthy, UNINIT, type Value } from './values.ts';

/** Evaluates awk expressions: variables, fields and array elements, operators, built-in calls. */
export class Evaluator extends AwkRuntime {
  eval(e: Expr): Value {
    switch (e.t) {
      case 'num':
        return e.v;
      case 'str':
        return e.v;
      case 'regex':
        return this.regex(e.src).test(this.record) ? 1 : 0;
      case 'var':
      case 'index':
      case 'field':
        return this.lookup(e);
      case 'assign': {
        const value = this.eval(e.e);
        if (e.op === '=') return this.assign(e.target, value);
        return this.assign(
          e.target,
          arith(e.op.slice(0, -1), toNum(this.lookup(e.target)), toNum(value)),
        );
      }
      case 'cond':
        return truthy(this.eval(e.c)) ? this.eval(e.a) : this.eval(e.b);
      case 'or':
        return truthy(this.eval(e.a)) || truthy(this.eval(e.b)) ? 1 : 0;
      case 'and':
        return truthy(this.eval(e.a)) && truthy(this.eval(e.b)) ? 1 : 0;
      case 'not':
        return truthy(this.eval(e.e)) ? 0 : 1;
      case 'match': {
        const text = toStr(this.eval(e.e));
        return this.regex(this.regexSource(e.re)).test(text) !== e.negate ? 1 : 0;
      }
      case 'cmp': {
        const c = compare(this.eval(e.a), this.eval(e.b));
        const ok = {
          '<': c < 0,
          '<=': c <= 0,
          '>': c > 0,
          '>=': c >= 0,
          '==': c === 0,
          '!=': c !== 0,
        }[e.op];
        return ok ? 1 : 0;
      }
      case 'concat':
        return toStr(this.eval(e.a)) + toStr(this.eval(e.b));
      case 'bin':
        return arith(e.op, toNum(this.eval(e.a)), toNum(this.eval(e.b)));
      case 'neg':
        return -toNum(this.eval(e.e));
      case 'plus':
        return toNum(this.eval(e.e));
      case 'incdec': {
        const old = toNum(this.lookup(e.target));
        const next = e.op === '++' ? old + 1 : old - 1;
        this.assign(e.target, next);
        return e.prefix ? next : old;
      }
      case 'in':
        return this.array(e.name).has(toStr(this.eval(e.key))) ? 1 : 0;
      case 'call':
        return callBuiltin(this, e.name, e.args);
    }
  }

  /** A regex operand: /re/ as written, any other expression as its string value (a dynamic regex). */
  regexSource(re: Expr): string {
    return re.t === 'regex' ? re.src : toStr(this.eval(re));
  }

  /** The value of a variable, field or array element (uninitialized when never set). */
  lookup(target: Expr): Value {
    if (target.t === 'var') return this.vars.get(target.name) ?? UNINIT;
    if (target.t === 'index')
      return this.array(target.name).get(this.subscript(target.subs)) ?? UNINIT;
    if (target.t === 'field') return this.getField(this.fieldIndex(target.e));
    return UNINIT;
  }

  assign(target: Expr, value: Value): Value {
    if (target.t === 'var') {
      this.vars.set(target.name, value);
      if (target.name === 'NF') this.setNF(value);
    } else if (target.t === 'index')
      this.array(target.name).set(this.subscript(target.subs), value);
    else if (target.t === 'field') this.setField(this.fieldIndex(target.e), value);
    return value;
  }

  /** An array subscript: the expressions joined with SUBSEP. */
  protected subscript(subs: readonly Expr[]): string {
    return subs.map((e) => toStr(this.eval(e))).join(toStr(this.vars.get('SUBSEP') ?? '\x1c'));
  }

  private fieldIndex(e: Expr): number {
    return Math.trunc(toNum(this.eval(e)));
  }
}

function arith(op: string, a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return a / b;
    case '%':
      return a % b;
    default:
      return a ** b;
  }
}
