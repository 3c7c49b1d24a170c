import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { parseOptions } from './options.ts';
import { usageError } from './usage.ts';

const LONGS = [
  { name: 'force', arg: 'none', key: 'f' },
  { name: 'recursive', arg: 'none', key: 'r' },
  { name: 'dir', arg: 'none', key: 'd' },
  { name: 'verbose', arg: 'none', key: 'v' },
  { name: 'no-preserve-root', arg: 'none', key: 'N' },
  { name: 'preserve-root', arg: 'optional', key: 'P' },
] as const;

interface Job {
  readonly prog: string;
  readonly force: boolean;
  readonly recursive: boolean;
  readonly emptyDirs: boolean;
  readonly verbose: boolean;
}

/**
 * coreutils rm(1) 9.1: -f ignores missing files, -r removes trees
 * (contents first; a directory whose contents could not all go is left
 * without a second message), -d empty directories. Never prompts: the
 * simulator's standard input is never a terminal here.
 */
export const rm = program('coreutils/rm', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'rm');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'dfrvR', LONGS, 1, {
    short: 'iI',
    long: [
      ['interactive', 'optional'],
      ['one-file-system', 'none'],
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const keys = parsed.options.map((o) => o.key);
  const job: Job = {
    prog,
    force: keys.includes('f'),
    recursive: keys.includes('r') || keys.includes('R'),
    emptyDirs: keys.includes('d'),
    verbose: keys.includes('v'),
  };
  if (parsed.operands.length === 0)
    return job.force ? 0 : yield* usageError(prog, 'missing operand');
  let ok = true;
  for (const operand of parsed.operands) {
    if (job.recursive && !keys.includes('N') && /^\/+$/.test(operand)) {
      yield* err(`${prog}: it is dangerous to operate recursively on ${quote('/')}\n`);
      yield* err(`${prog}: use --no-preserve-root to override this failsafe\n`);
      ok = false;
    } else if (/(^|\/)\.\.?\/*$/.test(operand)) {
      yield* err(`${prog}: refusing to remove '.' or '..' directory: skipping ${quote(operand)}\n`);
      ok = false;
    } else ok = (yield* remove(job, operand, true)) && ok;
  }
  return ok ? 0 : 1;
});

function* remove(job: Job, path: string, commandLine: boolean): Gen<boolean> {
  const st = yield* sys.lstat(path);
  if (st instanceof Errno) {
    if (job.force && commandLine && st.code === 'ENOENT') return true;
    return yield* failed(job, path, st);
  }
  if (st.kind !== 'dir') return yield* unlinkOne(job, path);
  if (!job.recursive && !job.emptyDirs) return yield* failed(job, path, new Errno('EISDIR'));
  if (job.recursive && !(yield* removeContents(job, path))) return false;
  const result = yield* sys.rmdir(path);
  if (result instanceof Errno) return yield* failed(job, path, result);
  if (job.verbose) yield* out(`removed directory ${quote(path)}\n`);
  return true;
}

function* removeContents(job: Job, dir: string): Gen<boolean> {
  const children = yield* sys.readdir(dir);
  if (children instanceof Errno) return yield* failed(job, dir, children);
  let ok = true;
  for (const child of children) {
    ok = (yield* remove(job, `${dir.replace(/\/+$/, '')}/${child.name}`, false)) && ok;
  }
  return ok;
}

function* unlinkOne(job: Job, path: string): Gen<boolean> {
  const result = yield* sys.unlink(path);
  if (result instanceof Errno) return yield* failed(job, path, result);
  if (job.verbose) yield* out(`removed ${quote(path)}\n`);
  return true;
}

function* failed(job: Job, path: string, errno: Errno): Gen<false> {
  yield* err(`${job.prog}: cannot remove ${quote(path)}: ${errno.message}\n`);
  return false;
}
