import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { adjustMode, compileMode } from '../lib/mode-change.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { parseOptions } from './options.ts';
import { usageError } from './usage.ts';

const LONGS = [
  { name: 'mode', arg: 'required', key: 'm' },
  { name: 'parents', arg: 'none', key: 'p' },
  { name: 'verbose', arg: 'none', key: 'v' },
] as const;

interface Job {
  readonly prog: string;
  /** -m: the mode set with chmod(2) after mkdir(2), so the umask does not narrow it. */
  readonly mode: number | undefined;
  readonly verbose: boolean;
}

/** coreutils mkdir(1) 9.1: -p makes missing parents (u+wx, umask applied), -m sets the mode. */
export const mkdir = program('coreutils/mkdir', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'mkdir');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'm:pvZ', LONGS);
  if (typeof parsed === 'number') return parsed;
  if (parsed.operands.length === 0) return yield* usageError(prog, 'missing operand');
  const modeText = parsed.options.filter((o) => o.key === 'm').at(-1)?.value;
  const umask = (yield* sys.self()).umask;
  let mode: number | undefined;
  if (modeText !== undefined) {
    const changes = compileMode(modeText);
    if (!changes) {
      yield* err(`${prog}: invalid mode ${quote(modeText)}\n`);
      return 1;
    }
    mode = adjustMode(0o777, true, umask, changes);
  }
  const keys = parsed.options.map((o) => o.key);
  const job: Job = { prog, mode, verbose: keys.includes('v') };
  let status = 0;
  for (const dir of parsed.operands) {
    const ok = keys.includes('p')
      ? yield* makeWithParents(job, dir, umask)
      : yield* makeOne(job, dir);
    if (!ok) status = 1;
  }
  return status;
});

function* makeOne(job: Job, dir: string): Gen<boolean> {
  const result = yield* sys.mkdir(dir, job.mode ?? 0o777);
  if (result instanceof Errno) return yield* fail(job, dir, result);
  if (job.mode !== undefined) yield* sys.chmod(dir, job.mode);
  if (job.verbose) yield* out(`${job.prog}: created directory ${quote(dir)}\n`);
  return true;
}

/** mkdir -p: each missing ancestor, then the directory; existing directories are fine. */
function* makeWithParents(job: Job, dir: string, umask: number): Gen<boolean> {
  const parts = dir.split('/');
  for (let i = 1; i < parts.length; i++) {
    const ancestor = parts.slice(0, i).join('/');
    if (ancestor === '' || /(^|\/)\.\.?$/.test(ancestor) || parts[i - 1] === '') continue;
    const made = yield* sys.mkdir(ancestor, (0o777 & ~umask) | 0o300);
    const failure = made instanceof Errno ? yield* unlessDirectory(ancestor, made) : null;
    if (failure) return yield* fail(job, ancestor, failure);
    if (made === 0 && job.verbose)
      yield* out(`${job.prog}: created directory ${quote(ancestor)}\n`);
  }
  const st = yield* sys.stat(dir);
  if (!(st instanceof Errno) && st.kind === 'dir') return true;
  return yield* makeOne(job, dir);
}

/** EEXIST on a directory is success (null); EEXIST on anything else is reported as ENOTDIR. */
function* unlessDirectory(path: string, failure: Errno): Gen<Errno | null> {
  if (failure.code !== 'EEXIST') return failure;
  const st = yield* sys.stat(path);
  if (!(st instanceof Errno) && st.kind === 'dir') return null;
  return new Errno('ENOTDIR');
}

function* fail(job: Job, dir: string, errno: Errno): Gen<false> {
  yield* err(`${job.prog}: cannot create directory ${quote(dir)}: ${errno.message}\n`);
  return false;
}
