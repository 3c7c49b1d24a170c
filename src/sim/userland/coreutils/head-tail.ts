import type { ProgramContext } from '../../kernel/exec.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import {
  closeInput,
  isInputError,
  openInput,
  readInput,
  type InputError,
} from '../lib/read-input.ts';
import { Errno } from '../../kernel/errno.ts';
import { parseOptions } from './options.ts';

/** What to keep: lines or bytes; a count from the start, all but the last N, or from N on (tail +N). */
interface Cut {
  readonly unit: 'lines' | 'bytes';
  readonly count: number;
  readonly sign: '' | '-' | '+';
}

type Tool = 'head' | 'tail';

const LONGS = [
  { name: 'lines', arg: 'required', key: 'n' },
  { name: 'bytes', arg: 'required', key: 'c' },
  { name: 'quiet', arg: 'none', key: 'q' },
  { name: 'silent', arg: 'none', key: 'q' },
  { name: 'verbose', arg: 'none', key: 'v' },
  { name: 'follow', arg: 'optional', key: 'f' },
] as const;

/** xstrtoumax's multiplier suffixes, as head and tail accept them (1k = 1024, 1kB = 1000). */
const SUFFIX: Record<string, number> = {
  '': 1,
  b: 512,
  k: 1024,
  K: 1024,
  kB: 1000,
  KB: 1000,
  m: 1 << 20,
  M: 1 << 20,
  MB: 1e6,
  G: 1 << 30,
  GB: 1e9,
};

/** coreutils head(1) 9.1: the first 10 lines; -n/-c with N, or -N for all but the last N. */
export const head = program('coreutils/head', { vszKb: 5480, rssKb: 1000 }, (ctx) =>
  headOrTail(ctx, 'head'),
);

/** coreutils tail(1) 9.1: the last 10 lines; -n/-c with N, or +N to start at N; -f waits for more. */
export const tail = program('coreutils/tail', { vszKb: 5480, rssKb: 1000 }, (ctx) =>
  headOrTail(ctx, 'tail'),
);

function* headOrTail(ctx: ProgramContext, tool: Tool): Gen<number> {
  const prog = progName(ctx, tool);
  const args = ctx.argv
    .slice(1)
    .map((a, i) => (i === 0 && /^-\d+$/.test(a) ? `-n${a.slice(1)}` : a));
  const parsed = yield* parseOptions(
    prog,
    args,
    tool === 'head' ? 'c:n:qv' : 'c:n:fFqv',
    LONGS,
    1,
    {
      short: tool === 'head' ? 'z' : 's:z',
      long: [
        ['zero-terminated', 'none'],
        ...(tool === 'tail'
          ? ([
              ['pid', 'required'],
              ['retry', 'none'],
              ['sleep-interval', 'required'],
              ['max-unchanged-stats', 'required'],
            ] as const)
          : []),
      ],
    },
  );
  if (typeof parsed === 'number') return parsed;
  let cut: Cut = { unit: 'lines', count: 10, sign: '' };
  let headers: boolean | undefined;
  let follow = false;
  for (const { key, value } of parsed.options) {
    if (key === 'q' || key === 'v') headers = key === 'v';
    else if (key === 'f' || key === 'F') follow = true;
    else if (key === 'n' || key === 'c') {
      const next = parseCut(value ?? '', key === 'n' ? 'lines' : 'bytes');
      if (!next) {
        yield* err(
          `${prog}: invalid number of ${key === 'n' ? 'lines' : 'bytes'}: ${quote(value ?? '')}\n`,
        );
        return 1;
      }
      cut = next;
    }
  }
  const operands = parsed.operands.length ? parsed.operands : ['-'];
  const showHeaders = headers ?? operands.length > 1;
  let status = 0;
  let headerShown = false;
  for (const operand of operands) {
    const streaming = tool === 'head' && cut.sign === '';
    const text = streaming ? yield* firstOf(operand, cut) : yield* readInput(operand);
    const name = operand === '-' ? 'standard input' : operand;
    if (isInputError(text)) {
      const doing =
        text.stage === 'open'
          ? `cannot open ${quote(name)} for reading`
          : `error reading ${quote(name)}`;
      yield* err(`${prog}: ${doing}: ${text.errno.message}\n`);
      status = 1;
      continue;
    }
    if (showHeaders) yield* out(`${headerShown ? '\n' : ''}==> ${name} <==\n`);
    headerShown = showHeaders;
    yield* out(streaming ? text : tool === 'head' ? headOf(text, cut) : tailOf(text, cut));
  }
  if (follow && tool === 'tail') yield* sys.pause();
  return status;
}

function parseCut(text: string, unit: Cut['unit']): Cut | undefined {
  const match = /^([+-]?)(\d+)([a-zA-Z]*)$/.exec(text);
  const multiplier = match ? SUFFIX[match[3] ?? ''] : undefined;
  if (!match || multiplier === undefined) return undefined;
  return { unit, count: Number(match[2]) * multiplier, sign: match[1] as Cut['sign'] };
}

function pieces(text: string, unit: Cut['unit']): string[] {
  return unit === 'bytes' ? Array.from(text) : text.split(/(?<=\n)/).filter((p) => p !== '');
}

function headOf(text: string, cut: Cut): string {
  const all = pieces(text, cut.unit);
  const end = cut.sign === '-' ? Math.max(0, all.length - cut.count) : cut.count;
  return all.slice(0, end).join('');
}

function tailOf(text: string, cut: Cut): string {
  const all = pieces(text, cut.unit);
  if (cut.sign === '+') return all.slice(Math.max(0, cut.count - 1)).join('');
  return cut.count === 0 ? '' : all.slice(-cut.count).join('');
}

/** head -n N / -c N reads only until it has N lines or bytes, so `yes | head -n 1` ends. */
function* firstOf(operand: string, cut: Cut): Gen<string | InputError> {
  const fd = yield* openInput(operand);
  if (isInputError(fd)) return fd;
  let text = '';
  while (!hasEnough(text, cut)) {
    const chunk = yield* sys.read(fd);
    if (chunk instanceof Errno) {
      yield* closeInput(fd);
      return { stage: 'read', errno: chunk };
    }
    if (chunk === '') break;
    text += chunk;
  }
  yield* closeInput(fd);
  return headOf(text, cut);
}

function hasEnough(text: string, cut: Cut): boolean {
  if (cut.unit === 'bytes') return text.length >= cut.count;
  let lines = 0;
  for (let at = text.indexOf('\n'); at >= 0 && lines < cut.count; at = text.indexOf('\n', at + 1))
    lines++;
  return lines >= cut.count;
}
