import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quoteFileColon, utf8Bytes } from '../lib/quote.ts';
import { isInputError, readInput } from '../lib/read-input.ts';
import { flags, parseOptions } from './options.ts';

/** The counts in wc's output order. */
const COLUMNS = ['l', 'w', 'm', 'c', 'L'] as const;
type Column = (typeof COLUMNS)[number];
type Counts = Record<Column, number>;

const LONGS = flags({ lines: 'l', words: 'w', chars: 'm', bytes: 'c', 'max-line-length': 'L' });

/**
 * coreutils wc(1) 9.1. Column width (compute_number_width in wc.c): the
 * digits of the regular files' total size, at least 7 when an input is
 * not a regular file (standard input, a directory), and 1 for a single
 * count of a single operand.
 */
export const wc = program('coreutils/wc', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'wc');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'clLmw', LONGS, 1, {
    long: [['files0-from', 'required']],
  });
  if (typeof parsed === 'number') return parsed;
  const chosen = new Set(parsed.options.map((o) => o.key));
  const shown = COLUMNS.filter((c) => chosen.has(c));
  const columns: Column[] = shown.length ? shown : ['l', 'w', 'c'];
  const operands = parsed.operands.length ? parsed.operands : ['-'];
  const width = yield* numberWidth(operands, columns.length);
  const total: Counts = { l: 0, w: 0, m: 0, c: 0, L: 0 };
  let status = 0;
  for (const operand of operands) {
    const text = yield* readInput(operand);
    if (isInputError(text)) {
      yield* err(`${prog}: ${quoteFileColon(operand)}: ${text.errno.message}\n`);
      status = 1;
      if (text.stage === 'open') continue;
    }
    const counts = count(isInputError(text) ? '' : text);
    for (const c of COLUMNS)
      total[c] = c === 'L' ? Math.max(total.L, counts.L) : total[c] + counts[c];
    const name = parsed.operands.length ? ` ${operand}` : '';
    yield* out(row(counts, columns, width) + name + '\n');
  }
  if (operands.length > 1) yield* out(row(total, columns, width) + ' total\n');
  return status;
});

function row(counts: Counts, columns: readonly Column[], width: number): string {
  return columns.map((c) => String(counts[c]).padStart(width)).join(' ');
}

function* numberWidth(operands: readonly string[], columnCount: number): Gen<number> {
  if (operands.length === 1 && columnCount === 1) return 1;
  let minimum = 1;
  let size = 0;
  for (const [index, operand] of operands.entries()) {
    const st = operand === '-' ? null : yield* sys.stat(operand);
    if (st instanceof Errno) {
      if (index === 0) return 1;
      continue;
    }
    if (st && st.kind === 'file') size += st.size;
    else minimum = 7;
  }
  return Math.max(String(size).length, minimum);
}

function count(text: string): Counts {
  const bytes = utf8Bytes(text).length;
  const lines = text.split('\n');
  const words = text.split(/[ \t\n\v\f\r]+/).filter((w) => w !== '').length;
  const longest = Math.max(0, ...lines.map(displayWidth));
  // The POSIX locale has single-byte characters: -m counts bytes.
  return { l: lines.length - 1, w: words, m: bytes, c: bytes, L: longest };
}

function displayWidth(line: string): number {
  let column = 0;
  for (const ch of line) column = ch === '\t' ? column + 8 - (column % 8) : column + 1;
  return column;
}
