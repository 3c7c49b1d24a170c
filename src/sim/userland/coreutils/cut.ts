import { err, out } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote, quoteFileColon } from '../lib/quote.ts';
import { isInputError, readInput } from '../lib/read-input.ts';
import { flags, parseOptions, usageFailure } from './options.ts';

const LONGS = [
  { name: 'bytes', arg: 'required' as const, key: 'b' },
  { name: 'characters', arg: 'required' as const, key: 'c' },
  { name: 'fields', arg: 'required' as const, key: 'f' },
  { name: 'delimiter', arg: 'required' as const, key: 'd' },
  { name: 'output-delimiter', arg: 'required' as const, key: 'O' },
  ...flags({ 'only-delimited': 's', complement: 'C' }),
];

type Range = readonly [number, number];

/**
 * coreutils 9.1 cut: -b/-c/-f LIST (N, N-, -M, N-M, comma-separated), -d,
 * -s, --complement, --output-delimiter. In the POSIX locale -c is -b.
 * Messages as recorded from Debian 12's cut (status 1).
 */
export const cut = program('coreutils/cut', { vszKb: 5500, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'cut');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'b:c:d:f:nsz', LONGS, 1, {
    short: 'z',
  });
  if (typeof parsed === 'number') return parsed;
  let mode: 'b' | 'f' | undefined;
  let list = '';
  let delimiter: string | undefined;
  let outputDelimiter: string | undefined;
  let onlyDelimited = false;
  let complement = false;
  for (const o of parsed.options) {
    if (o.key === 'b' || o.key === 'c' || o.key === 'f') {
      if (mode !== undefined) return yield* usageFailure(prog, 'only one list may be specified', 1);
      mode = o.key === 'f' ? 'f' : 'b';
      list = o.value ?? '';
    } else if (o.key === 'd') delimiter = o.value ?? '';
    else if (o.key === 'O') outputDelimiter = o.value ?? '';
    else if (o.key === 's') onlyDelimited = true;
    else if (o.key === 'C') complement = true;
  }
  if (mode === undefined)
    return yield* usageFailure(prog, 'you must specify a list of bytes, characters, or fields', 1);
  if (delimiter !== undefined && Array.from(delimiter).length > 1)
    return yield* usageFailure(prog, 'the delimiter must be a single character', 1);
  if (mode === 'b' && delimiter !== undefined)
    return yield* usageFailure(
      prog,
      'an input delimiter may be specified only when operating on fields',
      1,
    );
  const ranges = parseList(list, mode);
  if (typeof ranges === 'string') return yield* usageFailure(prog, ranges, 1);
  const delim = delimiter === undefined ? '\t' : delimiter === '' ? '\0' : delimiter;
  const selected = (n: number) => ranges.some(([a, b]) => n >= a && n <= b) !== complement;
  let status = 0;
  for (const operand of parsed.operands.length ? parsed.operands : ['-']) {
    const text = yield* readInput(operand);
    if (isInputError(text)) {
      yield* err(`${prog}: ${quoteFileColon(operand)}: ${text.errno.message}\n`);
      status = 1;
      continue;
    }
    const lines = text.split('\n');
    const last = lines.pop();
    if (last !== '' && last !== undefined) lines.push(last);
    let result = '';
    for (const line of lines) {
      if (mode === 'b') {
        const chars = Array.from(line).filter((_, i) => selected(i + 1));
        result += chars.join('') + '\n';
        continue;
      }
      if (!line.includes(delim)) {
        if (!onlyDelimited) result += line + '\n';
        continue;
      }
      const fields = line.split(delim).filter((_, i) => selected(i + 1));
      result += fields.join(outputDelimiter ?? delim) + '\n';
    }
    yield* out(result);
  }
  return status;
});

function parseList(list: string, mode: 'b' | 'f'): Range[] | string {
  const what = mode === 'f' ? 'field' : 'byte/character';
  const ranges: Range[] = [];
  for (const part of list.split(/[,\s]/)) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || part === '' || part === '-') {
      if (part === '-') return `invalid range with no endpoint: -`;
      return `invalid ${what} value ${quote(part)}`;
    }
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    if (from === 0 || to === 0)
      return mode === 'f'
        ? 'fields are numbered from 1'
        : 'byte/character positions are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return ranges;
}
