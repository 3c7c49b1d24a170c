import { translate } from '../grep/regex.ts';
import { sprintf } from './format.ts';
import type { Expr, Item, Stmt } from './parser.ts';
import { compare, StrNum, toNum, toStr, truthy, UNINIT, type Value } from './values.ts';

class NextRecord extends Error {}
class Exit extends Error {
  readonly status: number;
  constructor(status: number) {
    super('exit');
    this.status = status;
  }
}
class Break extends Error {}
class Continue extends Error {}

/** A runtime error mawk reports as "awk: run time error: …" (status 2). */
export class AwkRuntimeError extends Error {}

/**
 * Runs a parsed awk program over records: BEGIN actions, each record through
 * the pattern–action items, END actions. Output is collected and handed out
 * by the caller after each record (flush()), so the program stays synchronous.
 */
export class Interpreter {
  private readonly items: readonly Item[];
  private readonly vars = new Map<string, Value>();
  private readonly arrays = new Map<string, Map<string, Value>>();
  private fields: Value[] = [new StrNum('')];
  private record = '';
  private output = '';
  private readonly regexCache = new Map<string, RegExp>();
  exitStatus: number | undefined;

  constructor(items: readonly Item[], env: Readonly<Record<string, string>>) {
    this.items = items;
    for (const [k, v] of Object.entries({
      FS: ' ',
      OFS: ' ',
      ORS: '\n',
      RS: '\n',
      SUBSEP: '\x1c',
      CONVFMT: '%.6g',
      OFMT: '%.6g',
    }))
      this.vars.set(k, v);
    for (const k of ['NR', 'FNR', 'RSTART', 'RLENGTH']) this.vars.set(k, 0);
    this.arrays.set('ENVIRON', new Map(Object.entries(env).map(([k, v]) => [k, new StrNum(v)])));
  }

  setVar(name: string, value: Value): void {
    this.vars.set(name, value);
  }

  setArgv(argv: readonly string[]): void {
    this.arrays.set('ARGV', new Map(argv.map((a, i) => [String(i), new StrNum(a)])));
    this.vars.set('ARGC', argv.length);
  }

  flush(): string {
    const text = this.output;
    this.output = '';
    return text;
  }

  get hasMain(): boolean {
    return this.items.some((i) => i.kind === 'main' || i.kind === 'end');
  }

  runBegin(): void {
    this.runItems('begin');
  }

  /** END actions run even after exit in BEGIN or a record (POSIX); exit inside them ends them. */
  runEnd(): void {
    this.runItems('end');
  }

  private runItems(kind: 'begin' | 'end'): void {
    for (const item of this.items) {
      if (item.kind !== kind || !item.action) continue;
      try {
        this.exec(item.action);
      } catch (e) {
        if (e instanceof Exit) {
          this.exitStatus = e.status;
          return;
        }
        if (e instanceof NextRecord) continue;
        throw e;
      }
    }
  }

  /** One input record through the main items; false once exit was called. */
  runRecord(line: string, fileName: string): boolean {
    this.vars.set('NR', toNum(this.vars.get('NR') ?? 0) + 1);
    this.vars.set('FNR', toNum(this.vars.get('FNR') ?? 0) + 1);
    this.vars.set('FILENAME', fileName);
    this.setRecord(line);
    for (const item of this.items) {
      if (item.kind !== 'main') continue;
      try {
        if (item.pattern && !truthy(this.eval(item.pattern))) continue;
        if (item.action) this.exec(item.action);
        else this.output += this.record + toStr(this.vars.get('ORS') ?? '\n');
      } catch (e) {
        if (e instanceof NextRecord) return true;
        if (e instanceof Exit) {
          this.exitStatus = e.status;
          return false;
        }
        throw e;
      }
    }
    return true;
  }

  newFile(): void {
    this.vars.set('FNR', 0);
  }

  private setRecord(line: string): void {
    this.record = line;
    this.fields = [
      new StrNum(line),
      ...this.split(line, toStr(this.vars.get('FS') ?? ' ')).map((f) => new StrNum(f)),
    ];
    this.vars.set('NF', this.fields.length - 1);
  }

  private split(text: string, fs: string): string[] {
    if (fs === ' ') {
      const trimmed = text.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return trimmed === '' ? [] : trimmed.split(/[ \t\n]+/);
    }
    if (text === '') return [];
    if (fs.length === 1 && fs !== '\\') return text.split(fs);
    return text.split(this.regex(fs));
  }

  private regex(source: string): RegExp {
    let re = this.regexCache.get(source);
    if (!re) {
      re = new RegExp(translate(source, 'extended').source);
      this.regexCache.set(source, re);
    }
    return re;
  }

  private rebuildRecord(): void {
    const ofs = toStr(this.vars.get('OFS') ?? ' ');
    this.record = this.fields.slice(1).map(toStr).join(ofs);
    this.fields[0] = new StrNum(this.record);
  }

  private exec(s: Stmt): void {
    switch (s.t) {
      case 'block':
        for (const inner of s.body) this.exec(inner);
        return;
      case 'expr':
        this.eval(s.e);
        return;
      case 'print':
        return this.print(s.printf, s.args);
      case 'if':
        if (truthy(this.eval(s.c))) this.exec(s.then);
        else if (s.else) this.exec(s.else);
        return;
      case 'while':
        while (truthy(this.eval(s.c))) if (this.loopBody(s.body)) break;
        return;
      case 'do':
        do if (this.loopBody(s.body)) break;
        while (truthy(this.eval(s.c)));
        return;
      case 'for':
        if (s.init) this.eval(s.init);
        while (!s.c || truthy(this.eval(s.c))) {
          if (this.loopBody(s.body)) break;
          if (s.step) this.eval(s.step);
        }
        return;
      case 'forin':
        for (const key of [...this.array(s.arr).keys()]) {
          this.vars.set(s.name, new StrNum(key));
          if (this.loopBody(s.body)) break;
        }
        return;
      case 'next':
        throw new NextRecord();
      case 'exit':
        throw new Exit(s.e ? Math.trunc(toNum(this.eval(s.e))) & 255 : (this.exitStatus ?? 0));
      case 'break':
        throw new Break();
      case 'continue':
        throw new Continue();
      case 'delete':
        if (s.subs) this.array(s.name).delete(this.subscript(s.subs));
        else this.array(s.name).clear();
        return;
    }
  }

  /** Runs a loop body; true when it broke out. */
  private loopBody(body: Stmt): boolean {
    try {
      this.exec(body);
    } catch (e) {
      if (e instanceof Break) return true;
      if (e instanceof Continue) return false;
      throw e;
    }
    return false;
  }

  private print(printf: boolean, args: readonly Expr[]): void {
    if (printf) {
      const [format, ...rest] = args.map((a) => this.eval(a));
      const queue = [...rest];
      this.output += sprintf(toStr(format ?? ''), {
        next: () => {
          const v = queue.shift();
          return v === undefined ? undefined : { str: () => toStr(v), num: () => toNum(v) };
        },
      });
      return;
    }
    const ofs = toStr(this.vars.get('OFS') ?? ' ');
    const text = args.length
      ? args.map((a) => this.outputString(this.eval(a))).join(ofs)
      : this.record;
    this.output += text + toStr(this.vars.get('ORS') ?? '\n');
  }

  /** print uses OFMT for non-integral numbers. */
  private outputString(v: Value): string {
    return toStr(v);
  }

  private array(name: string): Map<string, Value> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  private subscript(subs: readonly Expr[]): string {
    return subs.map((e) => toStr(this.eval(e))).join(toStr(this.vars.get('SUBSEP') ?? '\x1c'));
  }

  private getField(index: number): Value {
    if (index === 0) return this.fields[0] ?? new StrNum('');
    return this.fields[index] ?? UNINIT;
  }

  private assign(target: Expr, value: Value): Value {
    if (target.t === 'var') {
      this.vars.set(target.name, value);
      if (target.name === 'NF') {
        const nf = Math.trunc(toNum(value));
        this.fields.length = nf + 1;
        for (let i = 1; i <= nf; i++) this.fields[i] ??= new StrNum('');
        this.rebuildRecord();
      }
    } else if (target.t === 'index')
      this.array(target.name).set(this.subscript(target.subs), value);
    else if (target.t === 'field') {
      const index = Math.trunc(toNum(this.eval(target.e)));
      if (index < 0) throw new AwkRuntimeError(`negative field index $${index}`);
      if (index === 0) this.setRecord(toStr(value));
      else {
        for (let i = this.fields.length; i < index; i++) this.fields[i] = new StrNum('');
        this.fields[index] = value;
        this.vars.set('NF', this.fields.length - 1);
        this.rebuildRecord();
      }
    }
    return value;
  }

  private lookup(target: Expr): Value {
    if (target.t === 'var') return this.vars.get(target.name) ?? UNINIT;
    if (target.t === 'index')
      return this.array(target.name).get(this.subscript(target.subs)) ?? UNINIT;
    if (target.t === 'field') {
      const index = Math.trunc(toNum(this.eval(target.e)));
      if (index < 0) throw new AwkRuntimeError(`negative field index $${index}`);
      return this.getField(index);
    }
    return UNINIT;
  }

  private matches(re: Expr, text: string): boolean {
    const source = re.t === 'regex' ? re.src : toStr(this.eval(re));
    return this.regex(source).test(text);
  }

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
      case 'match':
        return this.matches(e.re, toStr(this.eval(e.e))) !== e.negate ? 1 : 0;
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
        return this.call(e.name, e.args);
    }
  }

  private call(name: string, args: readonly Expr[]): Value {
    const str = (i: number) => toStr(args[i] ? this.eval(args[i]) : (this.fields[0] ?? ''));
    const num = (i: number) => toNum(args[i] ? this.eval(args[i]) : 0);
    switch (name) {
      case 'length':
        return args.length === 0 ? this.record.length : str(0).length;
      case 'substr': {
        const s = str(0);
        const start = Math.round(num(1));
        const end = args.length > 2 ? Math.round(num(1) + num(2)) : s.length + 1;
        const from = Math.max(start, 1);
        return end <= from ? '' : s.slice(from - 1, end - 1);
      }
      case 'index':
        return str(0).indexOf(str(1)) + 1;
      case 'split': {
        const target = args[1];
        if (!target || target.t !== 'var')
          throw new AwkRuntimeError('split: second argument is not an array');
        const fs =
          args.length > 2
            ? args[2]?.t === 'regex'
              ? args[2].src
              : str(2)
            : toStr(this.vars.get('FS') ?? ' ');
        const parts = this.split(str(0), fs);
        const arr = this.array(target.name);
        arr.clear();
        parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
        return parts.length;
      }
      case 'sub':
      case 'gsub':
        return this.substitute(name === 'gsub', args);
      case 'match': {
        const re = args[1];
        const m = re
          ? this.regex(re.t === 'regex' ? re.src : toStr(this.eval(re))).exec(str(0))
          : null;
        this.vars.set('RSTART', m ? m.index + 1 : 0);
        this.vars.set('RLENGTH', m ? m[0].length : -1);
        return m ? m.index + 1 : 0;
      }
      case 'sprintf': {
        const values = args.map((a) => this.eval(a));
        const [format, ...rest] = values;
        return sprintf(toStr(format ?? ''), {
          next: () => {
            const v = rest.shift();
            return v === undefined ? undefined : { str: () => toStr(v), num: () => toNum(v) };
          },
        });
      }
      case 'tolower':
        return str(0).toLowerCase();
      case 'toupper':
        return str(0).toUpperCase();
      case 'int':
        return Math.trunc(num(0));
      case 'sqrt':
        return Math.sqrt(num(0));
      case 'exp':
        return Math.exp(num(0));
      case 'log':
        return Math.log(num(0));
      case 'sin':
        return Math.sin(num(0));
      case 'cos':
        return Math.cos(num(0));
      case 'atan2':
        return Math.atan2(num(0), num(1));
      case 'close':
      case 'fflush':
        return 0;
      default:
        throw new AwkRuntimeError(`${name}: not implemented in this simulator`);
    }
  }

  /** sub/gsub: & in the replacement is the match, \\& a literal &. */
  private substitute(global: boolean, args: readonly Expr[]): Value {
    const [reExpr, replExpr, target = { t: 'field', e: { t: 'num', v: 0 } }] = args;
    if (!reExpr || !replExpr) throw new AwkRuntimeError('sub: missing arguments');
    const source = reExpr.t === 'regex' ? reExpr.src : toStr(this.eval(reExpr));
    const re = new RegExp(this.regex(source).source, 'g');
    const replacement = toStr(this.eval(replExpr));
    const text = toStr(this.lookup(target));
    let count = 0;
    let result = '';
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      count++;
      result += text.slice(last, m.index) + expandReplacement(replacement, m[0]);
      last = m.index + m[0].length;
      if (m[0] === '') {
        if (m.index < text.length) result += text.charAt(m.index);
        last = m.index + 1;
        re.lastIndex = m.index + 1;
      }
      if (!global) break;
    }
    if (count === 0) return 0;
    this.assign(target, result + text.slice(last));
    return count;
  }
}

function expandReplacement(replacement: string, matched: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const ch = replacement[i] as string;
    if (ch === '\\' && replacement[i + 1] === '&') {
      out += '&';
      i++;
    } else if (ch === '&') out += matched;
    else out += ch;
  }
  return out;
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
