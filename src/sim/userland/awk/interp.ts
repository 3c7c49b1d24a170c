import type { Expr, Item, Stmt } from './ast.ts';
import { formatValues } from './builtins.ts';
import { Evaluator } from './evaluator.ts';
import { StrNum, toNum, toStr, truthy } from './values.ts';

/** Control flow that leaves a statement: next, exit, break, continue. */
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

/**
 * Runs a parsed awk program over records: BEGIN actions, each record through
 * the pattern–action items, END actions. Output is collected and handed out
 * by the caller after each record (flush()), so the program stays synchronous.
 */
export class Interpreter extends Evaluator {
  private readonly items: readonly Item[];
  exitStatus: number | undefined;

  constructor(items: readonly Item[], env: Readonly<Record<string, string>>) {
    super(env);
    this.items = items;
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
        else this.output += this.record + this.ors;
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
      this.output += formatValues(args.map((a) => this.eval(a)));
      return;
    }
    const ofs = this.ofs;
    const text = args.length ? args.map((a) => toStr(this.eval(a))).join(ofs) : this.record;
    this.output += text + this.ors;
  }
}
