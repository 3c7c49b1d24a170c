import type { Expr } from './ast.ts';
import { callBuiltin } from './builtins.ts';
import { AwkRuntime } from './runtime.ts';
import { compare, toNum, toStr, truthy, UNINIT, type Value } from './values.ts';

/** Where a value is read and written: a variable, a field or an array element. */
export interface Place {
  get(): Value;
  set(value: Value): Value;
}

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
        return this.place(e).get();
      case 'assign': {
        // mawk pushes the place first (its subscript or field number), then the value.
        const place = this.place(e.target);
        const value = this.eval(e.e);
        if (e.op === '=') return place.set(value);
        return place.set(arith(e.op.slice(0, -1), toNum(place.get()), toNum(value)));
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
        const place = this.place(e.target);
        const old = toNum(place.get());
        const next = e.op === '++' ? old + 1 : old - 1;
        place.set(next);
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

  /**
   * A variable, field or array element, its subscript or field number
   * evaluated once. Reading an array element creates it (uninitialized), as
   * in awk; `(k in a)` does not.
   */
  place(target: Expr): Place {
    if (target.t === 'index') {
      const array = this.array(target.name);
      const key = this.subscript(target.subs);
      return {
        get: () => {
          if (!array.has(key)) array.set(key, UNINIT);
          return array.get(key) ?? UNINIT;
        },
        set: (value) => (array.set(key, value), value),
      };
    }
    if (target.t === 'field') {
      const index = Math.trunc(toNum(this.eval(target.e)));
      return {
        get: () => this.getField(index),
        set: (value) => (this.setField(index, value), value),
      };
    }
    if (target.t !== 'var') return { get: () => UNINIT, set: (value) => value };
    const name = target.name;
    return {
      get: () => this.vars.get(name) ?? UNINIT,
      set: (value) => {
        this.vars.set(name, value);
        if (name === 'NF') this.setNF(value);
        return value;
      },
    };
  }

  /** An array subscript: the expressions joined with SUBSEP. */
  protected subscript(subs: readonly Expr[]): string {
    return subs.map((e) => toStr(this.eval(e))).join(toStr(this.vars.get('SUBSEP') ?? '\x1c'));
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
