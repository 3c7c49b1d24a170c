import type { Expr } from './ast.ts';
import type { Evaluator } from './evaluator.ts';
import { sprintf } from './format.ts';
import { AwkRuntimeError } from './runtime.ts';
import { StrNum, toNum, toStr, type Value } from './values.ts';

/** awk's built-in functions (POSIX: string, arithmetic; close and fflush do nothing here). */
export function callBuiltin(ev: Evaluator, name: string, args: readonly Expr[]): Value {
  const str = (i: number) => toStr(args[i] ? ev.eval(args[i]) : ev.getField(0));
  const num = (i: number) => toNum(args[i] ? ev.eval(args[i]) : 0);
  switch (name) {
    case 'length':
      return args.length === 0 ? ev.record.length : str(0).length;
    case 'substr': {
      const s = str(0);
      const start = num(1);
      return substr(s, start, args.length > 2 ? num(2) : undefined);
    }
    case 'index':
      return str(0).indexOf(str(1)) + 1;
    case 'split': {
      const target = args[1];
      if (!target || target.t !== 'var')
        throw new AwkRuntimeError('split: second argument is not an array');
      const fs = args.length > 2 ? ev.regexSource(args[2] as Expr) : ev.fs;
      const parts = ev.split(str(0), fs);
      const arr = ev.array(target.name);
      arr.clear();
      parts.forEach((p, i) => arr.set(String(i + 1), new StrNum(p)));
      return parts.length;
    }
    case 'sub':
    case 'gsub':
      return substitute(ev, name === 'gsub', args);
    case 'match': {
      const re = args[1];
      const m = re ? ev.regex(ev.regexSource(re)).exec(str(0)) : null;
      ev.setVar('RSTART', m ? m.index + 1 : 0);
      ev.setVar('RLENGTH', m ? m[0].length : -1);
      return m ? m.index + 1 : 0;
    }
    case 'sprintf':
      return formatValues(args.map((a) => ev.eval(a)));
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

/**
 * mawk 1.3.4's substr (bi_funct.c bi_substr): start and count truncated to
 * integers; a start below 1 begins at the first character and, as mawk's
 * "substr(0,last-1)" workaround has it, takes 1 - start characters more
 * (substr("hello", 0, 2) is "he", substr("hello", -1, 3) is "hell").
 */
function substr(s: string, start: number, count: number | undefined): string {
  const len = s.length;
  let n = count === undefined ? len : dToI(count);
  let i = dToI(start) - 1;
  if (i > len) n = 0;
  if (i < 0) {
    n -= i + 1;
    i = 0;
  }
  n = Math.min(n, len - i);
  return n <= 0 ? '' : s.slice(i, i + n);
}

/** mawk's d_to_i: toward zero, held to the int range. */
function dToI(d: number): number {
  const MAX = 0x7fffffff;
  return d >= MAX ? MAX : d > -MAX ? Math.trunc(d) : -MAX;
}

/** sprintf and printf: the first value is the format, the rest its arguments. */
export function formatValues(values: readonly Value[]): string {
  const [format, ...rest] = values;
  return sprintf(toStr(format ?? ''), {
    next: () => {
      const v = rest.shift();
      return v === undefined ? undefined : { str: () => toStr(v), num: () => toNum(v) };
    },
  });
}

/** sub/gsub: & in the replacement is the match, \\& a literal &. */
function substitute(ev: Evaluator, global: boolean, args: readonly Expr[]): Value {
  const [reExpr, replExpr, target = { t: 'field', e: { t: 'num', v: 0 } }] = args;
  if (!reExpr || !replExpr) throw new AwkRuntimeError('sub: missing arguments');
  const re = new RegExp(ev.regex(ev.regexSource(reExpr)).source, 'g');
  const replacement = toStr(ev.eval(replExpr));
  const place = ev.place(target);
  const text = toStr(place.get());
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
  place.set(result + text.slice(last));
  return count;
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
