import { translate } from '../grep/regex.ts';
import { StrNum, toNum, toStr, UNINIT, type Value } from './values.ts';

/** A runtime error mawk reports as "awk: run time error: …" (status 2). */
export class AwkRuntimeError extends Error {}

/**
 * An awk program's data: its variables (with the POSIX defaults of FS, OFS,
 * ORS …), its arrays (ENVIRON, ARGV), the current record and its fields,
 * and the output waiting to be handed out.
 */
export class AwkRuntime {
  protected readonly vars = new Map<string, Value>();
  private readonly arrays = new Map<string, Map<string, Value>>();
  private fields: Value[] = [new StrNum('')];
  private currentRecord = '';
  protected output = '';
  private readonly regexCache = new Map<string, RegExp>();

  constructor(env: Readonly<Record<string, string>>) {
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

  newFile(): void {
    this.vars.set('FNR', 0);
  }

  /** $0 as a string. */
  get record(): string {
    return this.currentRecord;
  }

  /** FS, the field separator, as a string. */
  get fs(): string {
    return toStr(this.vars.get('FS') ?? ' ');
  }

  protected get ofs(): string {
    return toStr(this.vars.get('OFS') ?? ' ');
  }

  protected get ors(): string {
    return toStr(this.vars.get('ORS') ?? '\n');
  }

  /** Sets $0 and splits it into fields with FS. */
  protected setRecord(line: string): void {
    this.currentRecord = line;
    this.fields = [new StrNum(line), ...this.split(line, this.fs).map((f) => new StrNum(f))];
    this.vars.set('NF', this.fields.length - 1);
  }

  /** Splits text as FS (or split()'s third argument) says: " " on blanks, one character, or a regex. */
  split(text: string, fs: string): string[] {
    if (fs === ' ') {
      const trimmed = text.replace(/^[ \t\n]+|[ \t\n]+$/g, '');
      return trimmed === '' ? [] : trimmed.split(/[ \t\n]+/);
    }
    if (text === '') return [];
    if (fs.length === 1 && fs !== '\\') return text.split(fs);
    return text.split(this.regex(fs));
  }

  /** An awk (extended) regular expression as a JavaScript one, translated once. */
  regex(source: string): RegExp {
    let re = this.regexCache.get(source);
    if (!re) {
      re = new RegExp(translate(source, 'extended').source);
      this.regexCache.set(source, re);
    }
    return re;
  }

  private rebuildRecord(): void {
    this.currentRecord = this.fields.slice(1).map(toStr).join(this.ofs);
    this.fields[0] = new StrNum(this.currentRecord);
  }

  /** An array by name, made empty on first use. */
  array(name: string): Map<string, Value> {
    let a = this.arrays.get(name);
    if (!a) {
      a = new Map();
      this.arrays.set(name, a);
    }
    return a;
  }

  getField(index: number): Value {
    if (index < 0) throw new AwkRuntimeError(`negative field index $${index}`);
    if (index === 0) return this.fields[0] ?? new StrNum('');
    return this.fields[index] ?? UNINIT;
  }

  /** $n = value: $0 splits again; a field past NF adds empty ones; $0 is rebuilt with OFS. */
  protected setField(index: number, value: Value): void {
    if (index < 0) throw new AwkRuntimeError(`negative field index $${index}`);
    if (index === 0) this.setRecord(toStr(value));
    else {
      for (let i = this.fields.length; i < index; i++) this.fields[i] = new StrNum('');
      this.fields[index] = value;
      this.vars.set('NF', this.fields.length - 1);
      this.rebuildRecord();
    }
  }

  /** NF = n: fields are cut or added (empty), and $0 is rebuilt. */
  protected setNF(value: Value): void {
    const nf = Math.trunc(toNum(value));
    this.fields.length = nf + 1;
    for (let i = 1; i <= nf; i++) this.fields[i] ??= new StrNum('');
    this.rebuildRecord();
  }
}
