import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote, quoteFileColon } from '../lib/quote.ts';
import { isInputError, readInput } from '../lib/read-input.ts';
import { flags, parseOptions } from './options.ts';

const LONGS = [
  ...flags({ unique: 'u', reverse: 'r', 'numeric-sort': 'n', 'ignore-case': 'f' }),
  { name: 'field-separator', arg: 'required' as const, key: 't' },
  { name: 'key', arg: 'required' as const, key: 'k' },
  { name: 'output', arg: 'required' as const, key: 'o' },
];

interface Key {
  readonly start: number;
  readonly end: number;
}

interface Order {
  readonly numeric: boolean;
  readonly fold: boolean;
  readonly reverse: boolean;
  readonly separator: string | undefined;
  readonly keys: readonly Key[];
}

/**
 * coreutils 9.1 sort in the POSIX locale (byte order): -u, -r, -n, -f, -t,
 * -k N[,M] (whole fields), -o. Ties on the keys fall back to comparing whole
 * lines, except with -u, which keeps the first line of each run of equal keys
 * (sort.c's stable unique). Messages recorded from Debian 12 (status 2).
 */
export const sort = program('coreutils/sort', { vszKb: 5500, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'sort');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'fk:no:rt:u', LONGS, 2, {
    short: 'bdghiMRsVzcCm',
  });
  if (typeof parsed === 'number') return parsed;
  const has = (k: string) => parsed.options.some((o) => o.key === k);
  const keys: Key[] = [];
  let separator: string | undefined;
  let output: string | undefined;
  for (const o of parsed.options) {
    if (o.key === 't') {
      // Recorded on Debian 12: `sort -t ''` "sort: empty tab", `-t ab` "multi-character tab 'ab'", 2.
      separator = o.value ?? '';
      if (separator.length !== 1) {
        yield* err(
          `${prog}: ${separator ? `multi-character tab ${quote(separator)}` : 'empty tab'}\n`,
        );
        return 2;
      }
    } else if (o.key === 'o') output = o.value;
    else if (o.key === 'k') {
      const m = /^(\d+)(?:,(\d+))?$/.exec(o.value ?? '');
      if (!m || m[1] === '0') {
        const what = /^\d/.test(o.value ?? '')
          ? 'field number is zero'
          : 'invalid count at start of';
        yield* err(
          `${prog}: invalid number at field start: ${what === 'field number is zero' ? what : `${what} ${quote(o.value ?? '')}`}\n`,
        );
        return 2;
      }
      keys.push({ start: Number(m[1]), end: m[2] === undefined ? Infinity : Number(m[2]) });
    }
  }
  const order: Order = {
    numeric: has('n'),
    fold: has('f'),
    reverse: has('r'),
    separator,
    keys,
  };
  let lines: string[] = [];
  for (const operand of parsed.operands.length ? parsed.operands : ['-']) {
    const text = yield* readInput(operand);
    if (isInputError(text)) {
      // open(2) failing is "cannot read", read(2) failing (a directory) "read failed".
      const what = text.stage === 'read' ? 'read failed' : 'cannot read';
      yield* err(`${prog}: ${what}: ${quoteFileColon(operand)}: ${text.errno.message}\n`);
      return 2;
    }
    const part = text.split('\n');
    if (part[part.length - 1] === '') part.pop();
    lines = lines.concat(part);
  }
  const unique = has('u');
  const indexed = lines.map((line, index) => ({ line, index }));
  indexed.sort((a, b) => {
    const byKey = compareKeys(a.line, b.line, order);
    if (byKey !== 0 || unique) return byKey || a.index - b.index;
    const whole = a.line < b.line ? -1 : a.line > b.line ? 1 : 0;
    return order.reverse ? -whole : whole;
  });
  const kept = unique
    ? indexed.filter(
        (item, i) => i === 0 || compareKeys(indexed[i - 1]?.line ?? '', item.line, order) !== 0,
      )
    : indexed;
  const text = kept.map((item) => item.line + '\n').join('');
  if (output === undefined) yield* out(text);
  else {
    const fd = yield* sys.open(output, { write: true, create: true, truncate: true }, 0o666);
    if (fd instanceof Errno) {
      yield* err(`${prog}: open failed: ${quoteFileColon(output)}: ${fd.message}\n`);
      return 2;
    }
    yield* sys.write(fd, text);
    yield* sys.close(fd);
  }
  return 0;
});

function fieldsOf(line: string, separator: string | undefined): string[] {
  if (separator !== undefined) return line.split(separator);
  // Without -t a field is a run of blanks followed by non-blanks (the blanks belong to it).
  return line.match(/[ \t]*[^ \t]+|[ \t]+$/g) ?? [''];
}

function keyText(line: string, key: Key | undefined, order: Order): string {
  if (!key) return line;
  const fields = fieldsOf(line, order.separator);
  const end = Math.min(key.end, fields.length);
  return fields.slice(key.start - 1, end).join(order.separator ?? '');
}

/** sort -n: leading blanks, an optional minus, digits and a decimal point; anything else counts as zero. */
function numericValue(text: string): number {
  const m = /^[ \t]*(-?\d*(?:\.\d*)?)/.exec(text);
  const n = Number(m?.[1] ?? '');
  return Number.isNaN(n) ? 0 : n;
}

function compareKeys(a: string, b: string, order: Order): number {
  const keys = order.keys.length ? order.keys : [undefined];
  for (const key of keys) {
    let x = keyText(a, key, order);
    let y = keyText(b, key, order);
    let c: number;
    if (order.numeric) c = Math.sign(numericValue(x) - numericValue(y));
    else {
      if (order.fold) {
        x = x.toUpperCase();
        y = y.toUpperCase();
      }
      c = x < y ? -1 : x > y ? 1 : 0;
    }
    if (c !== 0) return order.reverse ? -c : c;
  }
  return 0;
}
