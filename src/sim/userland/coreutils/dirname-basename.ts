import { out } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { flags, parseOptions } from './options.ts';
import { usageError } from './usage.ts';

/** dirname(3) as coreutils dir_name does it: "." for no slash, "/" for the root (and "//"). */
export function dirOf(path: string): string {
  const trimmed = path.replace(/(.)\/+$/, '$1');
  const slash = trimmed.lastIndexOf('/');
  if (slash < 0) return '.';
  const dir = trimmed.slice(0, slash).replace(/(.)\/+$/, '$1');
  return dir === '' ? '/' : dir;
}

/** The last component, trailing slashes removed, then SUFFIX if it is not the whole name. */
export function baseOf(path: string, suffix = ''): string {
  if (/^\/+$/.test(path)) return '/';
  const base = path.replace(/\/+$/, '').replace(/^.*\//, '');
  return suffix && base !== suffix && base.endsWith(suffix) ? base.slice(0, -suffix.length) : base;
}

/** coreutils dirname(1) 9.1. */
export const dirname = program('coreutils/dirname', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'dirname');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'z', flags({ zero: 'z' }));
  if (typeof parsed === 'number') return parsed;
  if (parsed.operands.length === 0) return yield* usageError(prog, 'missing operand');
  const end = parsed.options.length ? '\0' : '\n';
  yield* out(parsed.operands.map((p) => dirOf(p) + end).join(''));
  return 0;
});

const BASENAME_LONGS = [
  { name: 'multiple', arg: 'none', key: 'a' },
  { name: 'suffix', arg: 'required', key: 's' },
  { name: 'zero', arg: 'none', key: 'z' },
] as const;

/** coreutils basename(1) 9.1: NAME [SUFFIX], or -a / -s SUFFIX for several names. */
export const basename = program(
  'coreutils/basename',
  { vszKb: 5480, rssKb: 1000 },
  function* (ctx) {
    const prog = progName(ctx, 'basename');
    const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'as:z', BASENAME_LONGS);
    if (typeof parsed === 'number') return parsed;
    let multiple = false;
    let suffix: string | undefined;
    let end = '\n';
    for (const { key, value } of parsed.options) {
      if (key === 'a') multiple = true;
      if (key === 's') {
        suffix = value ?? '';
        multiple = true;
      }
      if (key === 'z') end = '\0';
    }
    const names = parsed.operands;
    if (names.length === 0) return yield* usageError(prog, 'missing operand');
    if (!multiple && names.length > 2)
      return yield* usageError(prog, `extra operand ${quote(names[2] ?? '')}`);
    const list = multiple ? names : names.slice(0, 1);
    const cut = multiple ? (suffix ?? '') : (names[1] ?? '');
    yield* out(list.map((n) => baseOf(n, cut) + end).join(''));
    return 0;
  },
);
