import { err } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quoteFileColon } from '../lib/quote.ts';
import { closeInput, isInputError, openInput, type InputError } from '../lib/read-input.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { Errno } from '../../kernel/errno.ts';
import type { Gen } from '../lib/io.ts';
import { flags, parseOptions } from './options.ts';

interface Show {
  number: boolean;
  nonblank: boolean;
  squeeze: boolean;
  ends: boolean;
  tabs: boolean;
  nonprinting: boolean;
}

/** Numbering and blank-line state carries from one file to the next, as in cat.c. */
interface LineState {
  line: number;
  atStart: boolean;
  blanks: number;
}

const LONGS = flags({
  'show-all': 'A',
  'number-nonblank': 'b',
  'show-ends': 'E',
  number: 'n',
  'squeeze-blank': 's',
  'show-tabs': 'T',
  'show-nonprinting': 'v',
});

/** coreutils cat(1) 9.1: concatenates its operands ("-" or none: standard input). */
export const cat = program('coreutils/cat', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'cat');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'benstuvAET', LONGS);
  if (typeof parsed === 'number') return parsed;
  const show = showFlags(parsed.options.map((o) => o.key));
  const state: LineState = { line: 0, atStart: true, blanks: 0 };
  let status = 0;
  for (const operand of parsed.operands.length ? parsed.operands : ['-']) {
    const fd = yield* openInput(operand);
    const failure = isInputError(fd) ? fd : yield* copy(fd, show, state);
    if (failure) {
      yield* err(`${prog}: ${quoteFileColon(operand)}: ${failure.errno.message}\n`);
      status = 1;
    }
  }
  return status;
});

/** Copies one input to standard output chunk by chunk, as cat's read/write loop does. */
function* copy(fd: number, show: Show, state: LineState): Gen<InputError | null> {
  for (;;) {
    const chunk = yield* sys.read(fd);
    if (chunk instanceof Errno) {
      yield* closeInput(fd);
      return { stage: 'read', errno: chunk };
    }
    if (chunk === '') break;
    const written = yield* sys.write(1, decorate(chunk, show, state));
    if (written instanceof Errno) break;
  }
  yield* closeInput(fd);
  return null;
}

function showFlags(keys: string[]): Show {
  const show = {
    number: false,
    nonblank: false,
    squeeze: false,
    ends: false,
    tabs: false,
    nonprinting: false,
  };
  for (const key of keys) {
    if ('Ae'.includes(key)) show.ends = true;
    if ('At'.includes(key)) show.tabs = true;
    if ('Aetv'.includes(key)) show.nonprinting = true;
    if (key === 'E') show.ends = true;
    if (key === 'T') show.tabs = true;
    if (key === 'n') show.number = true;
    if (key === 'b') show.nonblank = show.number = true;
    if (key === 's') show.squeeze = true;
  }
  return show;
}

function decorate(text: string, show: Show, state: LineState): string {
  if (!Object.values(show).some(Boolean)) return text;
  let result = '';
  for (const piece of text.split(/(?<=\n)/)) {
    const ended = piece.endsWith('\n');
    const body = ended ? piece.slice(0, -1) : piece;
    if (state.atStart && body === '' && ended) {
      state.blanks++;
      if (show.squeeze && state.blanks > 1) continue;
      if (show.number && !show.nonblank) result += lineNumber(state);
    } else if (state.atStart && body !== '') {
      state.blanks = 0;
      if (show.number) result += lineNumber(state);
    }
    result += visible(body, show) + (ended ? (show.ends ? '$\n' : '\n') : '');
    state.atStart = ended;
  }
  return result;
}

function lineNumber(state: LineState): string {
  state.line++;
  return `${String(state.line).padStart(6)}\t`;
}

/** -v and -T: ^X for control characters, ^? for DEL, M- for the high half. */
function visible(body: string, show: Show): string {
  if (!show.nonprinting && !show.tabs) return body;
  let result = '';
  for (const ch of body) {
    let code = ch.codePointAt(0) ?? 0;
    if (ch === '\t') result += show.tabs ? '^I' : '\t';
    else if (!show.nonprinting || code > 0xff) result += ch;
    else {
      if (code >= 0x80) {
        result += 'M-';
        code -= 0x80;
      }
      result +=
        code < 0x20
          ? '^' + String.fromCharCode(code + 64)
          : code === 0x7f
            ? '^?'
            : String.fromCharCode(code);
    }
  }
  return result;
}
