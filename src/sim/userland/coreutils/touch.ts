import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { TimeSpec } from '../../kernel/syscall-api.ts';
import { err, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { parseOptions } from './options.ts';
import { usageError } from './usage.ts';
import { parseFlexDate, parsePosixTime } from './touch-dates.ts';

const LONGS = [
  { name: 'no-create', arg: 'none', key: 'c' },
  { name: 'no-dereference', arg: 'none', key: 'h' },
  { name: 'date', arg: 'required', key: 'd' },
  { name: 'reference', arg: 'required', key: 'r' },
  { name: 'time', arg: 'required', key: 'time' },
] as const;

/** touch.c time_args: the words --time takes, and which time each means. */
const TIME_WORDS: Readonly<Record<string, 'atime' | 'mtime'>> = {
  atime: 'atime',
  access: 'atime',
  use: 'atime',
  mtime: 'mtime',
  modify: 'mtime',
};

interface TouchPlan {
  readonly noCreate: boolean;
  readonly noDereference: boolean;
  /** The times to set, or null for "now" on both (utimensat with a NULL times argument). */
  readonly times: readonly [TimeSpec, TimeSpec] | null;
}

/**
 * coreutils touch(1) 9.1 (src/touch.c): creates missing files (mode 0666
 * less the umask) unless -c or -h, then sets the access and modification
 * times (-a, -m, --time) to now, to a date (-d, -t) or to another file's
 * (-r, which -d may shift). As in touch.c, an open(2) failure is reported as
 * "cannot touch" unless utimensat(2) then succeeds.
 */
export const touch = program('coreutils/touch', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'touch');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'acfhmd:r:t:', LONGS, 1);
  if (typeof parsed === 'number') return parsed;
  const plan = yield* makePlan(prog, parsed.options);
  if (typeof plan === 'number') return plan;
  if (parsed.operands.length === 0) return yield* usageError(prog, 'missing file operand');
  let status = 0;
  for (const file of parsed.operands) {
    const problem = yield* touchOne(file, plan);
    if (problem) {
      yield* err(`${prog}: ${problem}\n`);
      status = 1;
    }
  }
  return status;
});

function* makePlan(
  prog: string,
  options: readonly { key: string; value?: string }[],
): Gen<TouchPlan | number> {
  const fail = function* (message: string): Gen<number> {
    yield* err(`${prog}: ${message}\n`);
    return 1;
  };
  const now = (yield* sys.self()).now;
  let change = { atime: false, mtime: false };
  let flexDate: string | undefined;
  let reference: string | undefined;
  let posixTime: number | undefined;
  let noCreate = false;
  let noDereference = false;
  for (const { key, value = '' } of options) {
    if (key === 'a') change = { ...change, atime: true };
    else if (key === 'm') change = { ...change, mtime: true };
    else if (key === 'c') noCreate = true;
    else if (key === 'h') noDereference = true;
    else if (key === 'd') flexDate = value;
    else if (key === 'r') reference = value;
    else if (key === 't') {
      posixTime = parsePosixTime(value, now);
      if (posixTime === undefined) return yield* fail(`invalid date format ${quote(value)}`);
    } else if (key === 'time') {
      const word = Object.hasOwn(TIME_WORDS, value) ? TIME_WORDS[value] : undefined;
      if (!word)
        return yield* usageError(
          prog,
          `invalid argument ${quote(value)} for '--time'\nValid arguments are:\n` +
            "  - 'atime', 'access', 'use'\n  - 'mtime', 'modify'",
        );
      change = { ...change, [word]: true };
    }
  }
  if (!change.atime && !change.mtime) change = { atime: true, mtime: true };
  if (posixTime !== undefined && (reference !== undefined || flexDate !== undefined))
    return yield* usageError(prog, 'cannot specify times from more than one source');
  let times: [number, number] | null = posixTime === undefined ? null : [posixTime, posixTime];
  if (reference !== undefined) {
    const st = noDereference ? yield* sys.lstat(reference) : yield* sys.stat(reference);
    if (st instanceof Errno)
      return yield* fail(`failed to get attributes of ${quote(reference)}: ${st.message}`);
    times = [st.atime, st.mtime];
    if (flexDate !== undefined) {
      const [atime, mtime] = [parseFlexDate(flexDate, st.atime), parseFlexDate(flexDate, st.mtime)];
      if (atime === undefined || mtime === undefined)
        return yield* fail(`invalid date format ${quote(flexDate)}`);
      times = [change.atime ? atime : st.atime, change.mtime ? mtime : st.mtime];
    }
  } else if (flexDate !== undefined) {
    const at = parseFlexDate(flexDate, now);
    if (at === undefined) return yield* fail(`invalid date format ${quote(flexDate)}`);
    // "-d now" without -a or -m counts as no date, so write permission is enough.
    const isNow = at === now && parseFlexDate(flexDate, now + 1000) === now + 1000;
    times = isNow && change.atime && change.mtime ? null : [at, at];
  }
  const both = change.atime && change.mtime;
  const chosen: readonly [TimeSpec, TimeSpec] | null =
    times === null && both
      ? null
      : [
          change.atime ? (times?.[0] ?? 'now') : 'omit',
          change.mtime ? (times?.[1] ?? 'now') : 'omit',
        ];
  return { noCreate, noDereference, times: chosen };
}

function* touchOne(file: string, plan: TouchPlan): Gen<string | null> {
  let openError: Errno | null = null;
  if (!plan.noCreate && !plan.noDereference) {
    const fd = yield* sys.open(file, { write: true, create: true }, 0o666);
    if (fd instanceof Errno) openError = fd;
    else yield* sys.close(fd);
  }
  const [atime, mtime] = plan.times ?? ['now', 'now'];
  const result = yield* sys.utimensat(file, atime, mtime, !plan.noDereference);
  if (!(result instanceof Errno)) return null;
  if (plan.noCreate && result.code === 'ENOENT') return null;
  if (openError && openError.code !== 'EISDIR')
    return `cannot touch ${quote(file)}: ${openError.message}`;
  return `setting times of ${quote(file)}: ${result.message}`;
}
