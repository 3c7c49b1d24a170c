import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { parseOptions } from '../coreutils/options.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { lstatPath } from '../lib/lstat-path.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { readUserDb } from '../lib/user-db.ts';
import { isUnimplemented, LS_LONG_OPTIONS, LS_SHORT } from './ls-options.ts';
import { longRows, totalLine, type Listed, type LongOptions } from './long-format.ts';

interface LsOptions {
  all: boolean;
  almostAll: boolean;
  directory: boolean;
  long: boolean;
  numeric: boolean;
  reverse: boolean;
  byTime: boolean;
  recursive: boolean;
}

/** ls's exit statuses: 2 when a command-line operand cannot be read ("serious trouble"). */
const SERIOUS = 2;

/**
 * coreutils ls(1) 9.1 with output to a pipe or file (one name a line,
 * names as they are): -l, -n, -a, -A, -d, -1, -r, -R, -t. Operands that are
 * not directories are listed first, then each directory under a
 * "NAME:" heading when there is more than one operand.
 */
export const ls = program('coreutils/ls', { vszKb: 6668, rssKb: 2280 }, function* (ctx) {
  const prog = progName(ctx, 'ls');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), LS_SHORT, LS_LONG_OPTIONS, SERIOUS);
  if (typeof parsed === 'number') return parsed;
  const unsupported = parsed.options.find((o) => isUnimplemented(o.key));
  if (unsupported) {
    const name = unsupported.key.replace(/^\?/, '');
    yield* err(
      `${prog}: ${name.length === 1 ? '-' : '--'}${name}: not implemented in this simulator\n`,
    );
    return SERIOUS;
  }
  const opts = lsOptions(parsed.options.map((o) => o.key));
  const operands = parsed.operands.length ? parsed.operands : ['.'];
  const me = yield* sys.self();
  const long: LongOptions = { numeric: opts.numeric, db: yield* readUserDb(), now: me.now };
  let status = 0;
  const files: Listed[] = [];
  const dirs: string[] = [];
  /** ls sizes its columns over every operand it stat'ed, directories included (gobble_file). */
  const operandEntries: Listed[] = [];
  for (const operand of operands) {
    const found = yield* operandEntry(operand, opts);
    if (found instanceof Errno) {
      yield* err(`${prog}: cannot access ${quote(operand)}: ${found.message}\n`);
      status = SERIOUS;
      continue;
    }
    operandEntries.push(found.listed);
    if (found.list) dirs.push(operand);
    else files.push(found.listed);
  }
  const printed = files.length > 0;
  if (printed) yield* out(render(sortEntries(files, opts), opts, long, operandEntries));
  const state: ListState = {
    prog,
    opts,
    long,
    headings: operands.length > 1 || opts.recursive,
    printed,
    status,
  };
  for (const dir of sortNames(dirs, opts)) yield* listOne(state, dir, true);
  return state.status;
});

interface ListState {
  readonly prog: string;
  readonly opts: LsOptions;
  readonly long: LongOptions;
  readonly headings: boolean;
  printed: boolean;
  status: number;
}

/** One directory's listing under its heading; with -R, then each subdirectory's (links not followed). */
function* listOne(state: ListState, dir: string, commandLine: boolean): Gen<void> {
  const heading = state.headings ? `${state.printed ? '\n' : ''}${dir}:\n` : '';
  state.printed = true;
  const listing = yield* listDirectory(dir, state.opts);
  if (listing instanceof Errno) {
    yield* out(heading);
    yield* err(`${state.prog}: cannot open directory ${quote(dir)}: ${listing.message}\n`);
    state.status = commandLine ? SERIOUS : Math.max(state.status, 1);
    return;
  }
  const entries = sortEntries(listing, state.opts);
  const total = state.opts.long ? totalLine(entries) : '';
  yield* out(heading + total + render(entries, state.opts, state.long));
  if (!state.opts.recursive) return;
  for (const entry of entries) {
    if (entry.st.kind !== 'dir' || entry.name === '.' || entry.name === '..') continue;
    yield* listOne(state, `${dir.replace(/\/+$/, '')}/${entry.name}`, false);
  }
}

function lsOptions(keys: readonly string[]): LsOptions {
  const has = (k: string) => keys.includes(k);
  return {
    all: has('a'),
    almostAll: has('A'),
    directory: has('d'),
    long: has('l') || has('n'),
    numeric: has('n'),
    reverse: has('r'),
    byTime: has('t'),
    recursive: has('R'),
  };
}

/**
 * An operand, and whether to list its contents: symbolic links to
 * directories are followed unless -l or -d, and always when the name ends
 * in "/" (path resolution follows a link before a trailing slash).
 */
function* operandEntry(
  operand: string,
  opts: LsOptions,
): Gen<{ listed: Listed; list: boolean } | Errno> {
  const lst = yield* lstatPath(operand);
  if (lst instanceof Errno) return lst;
  const listed = yield* entryFor(operand, operand, lst);
  if (opts.directory) return { listed, list: false };
  if (lst.kind === 'dir') return { listed, list: true };
  if (lst.kind === 'symlink' && !opts.long) {
    const st = yield* sys.stat(operand);
    if (!(st instanceof Errno) && st.kind === 'dir')
      return { listed: { name: operand, st }, list: true };
  }
  return { listed, list: false };
}

function* entryFor(name: string, path: string, st: Listed['st']): Gen<Listed> {
  if (st.kind !== 'symlink') return { name, st };
  const target = yield* sys.readlink(path);
  return { name, st, target: target instanceof Errno ? '' : target };
}

function* listDirectory(dir: string, opts: LsOptions): Gen<Listed[] | Errno> {
  const entries = yield* sys.readdir(dir);
  if (entries instanceof Errno) return entries;
  const names = entries
    .map((e) => e.name)
    .filter((n) => opts.all || opts.almostAll || !n.startsWith('.'));
  if (opts.all) names.unshift('.', '..');
  const listed: Listed[] = [];
  for (const name of names) {
    const path = `${dir.replace(/\/+$/, '') || ''}/${name}`;
    const st = yield* sys.lstat(path);
    if (!(st instanceof Errno)) listed.push(yield* entryFor(name, path, st));
  }
  return listed;
}

function render(
  entries: readonly Listed[],
  opts: LsOptions,
  long: LongOptions,
  peers = entries,
): string {
  return opts.long ? longRows(entries, long, peers) : entries.map((e) => e.name + '\n').join('');
}

/** strcmp order (the POSIX locale's collation); -t newest first, ties by name; -r reverses. */
function sortEntries(entries: Listed[], opts: LsOptions): Listed[] {
  const sorted = [...entries].sort(
    (a, b) => (opts.byTime ? b.st.mtime - a.st.mtime : 0) || compareBytes(a.name, b.name),
  );
  return opts.reverse ? sorted.reverse() : sorted;
}

function sortNames(names: string[], opts: LsOptions): string[] {
  const sorted = [...names].sort(compareBytes);
  return opts.reverse ? sorted.reverse() : sorted;
}

export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
