import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, type Gen } from '../lib/io.ts';
import { adjustMode, compileMode, type ModeChange } from '../lib/mode-change.ts';
import { program, progName } from '../lib/program.ts';
import { quote, quoteFileColon } from '../lib/quote.ts';
import { modeString } from '../lib/file-mode.ts';
import { walk, type WalkEntry } from '../lib/walk.ts';
import { parseOptions } from './options.ts';
import { usageError } from './usage.ts';

const LONGS = [
  { name: 'recursive', arg: 'none', key: 'R' },
  { name: 'changes', arg: 'none', key: 'c' },
  { name: 'silent', arg: 'none', key: 'f' },
  { name: 'quiet', arg: 'none', key: 'f' },
  { name: 'verbose', arg: 'none', key: 'v' },
  // The simulator has no other root file system to protect: both are accepted and change nothing.
  { name: 'preserve-root', arg: 'none', key: 'preserve-root' },
  { name: 'no-preserve-root', arg: 'none', key: 'no-preserve-root' },
] as const;

/** A mode that looks like an option ("chmod -w f"): chmod's getopt string takes these letters as the mode. */
const MODE_AS_OPTION = /^-[rwxXstugoa0-7,+=-]+$/;

interface Job {
  readonly prog: string;
  readonly changes: readonly ModeChange[];
  readonly umask: number;
  readonly quiet: boolean;
  /** chmod.c's diagnose_surprises: a mode given as an option warns when the umask kept bits from changing. */
  readonly diagnose: boolean;
  failed: boolean;
}

/**
 * coreutils chmod(1) 9.1: octal or symbolic modes, -R walking the tree in
 * preorder and leaving symbolic links alone (chmod(2) would follow them).
 */
export const chmod = program('coreutils/chmod', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'chmod');
  const args = ctx.argv.slice(1);
  const end = args.indexOf('--');
  const modeOption = (end < 0 ? args : args.slice(0, end)).find((a) => MODE_AS_OPTION.test(a));
  const rest = modeOption === undefined ? args : args.filter((a) => a !== modeOption);
  const parsed = yield* parseOptions(prog, rest, 'Rcfv', LONGS, 1, {
    long: [['reference', 'required']],
  });
  if (typeof parsed === 'number') return parsed;
  const operands = modeOption === undefined ? parsed.operands : [modeOption, ...parsed.operands];
  const [modeText, ...files] = operands;
  if (modeText === undefined) return yield* usageError(prog, 'missing operand');
  if (files.length === 0)
    return yield* usageError(prog, `missing operand after ${quote(modeText)}`);
  const changes = compileMode(modeText);
  if (!changes) return yield* usageError(prog, `invalid mode: ${quote(modeText)}`);
  const keys = parsed.options.map((o) => o.key);
  const job: Job = {
    prog,
    changes,
    umask: (yield* sys.self()).umask,
    quiet: keys.includes('f'),
    diagnose: modeOption !== undefined,
    failed: false,
  };
  for (const file of files) {
    const st = yield* sys.stat(file);
    if (st instanceof Errno) {
      if (!job.quiet) yield* err(`${prog}: cannot access ${quote(file)}: ${st.message}\n`);
      job.failed = true;
      continue;
    }
    if (!keys.includes('R')) yield* change(job, { path: file, st, depth: 0 });
    else yield* walk({ path: file, st, depth: 0 }, recursive(job));
  }
  return job.failed ? 1 : 0;
});

function recursive(job: Job) {
  return {
    *enter(entry: WalkEntry): Gen<boolean> {
      if (entry.st.kind !== 'symlink') yield* change(job, entry);
      return true;
    },
    *unreadable(entry: WalkEntry, errno: Errno): Gen<void> {
      yield* err(`${job.prog}: cannot read directory ${quote(entry.path)}: ${errno.message}\n`);
      job.failed = true;
    },
  };
}

function* change(job: Job, entry: WalkEntry): Gen<void> {
  const mode = adjustMode(entry.st.mode, entry.st.kind === 'dir', job.umask, job.changes);
  const result = yield* sys.chmod(entry.path, mode);
  if (!(result instanceof Errno)) return yield* diagnoseSurprise(job, entry, mode);
  job.failed = true;
  if (!job.quiet)
    yield* err(`${job.prog}: changing permissions of ${quote(entry.path)}: ${result.message}\n`);
}

/** "new permissions are r--rw-rw-, not r--r--r--": what the mode would have done without the umask. */
function* diagnoseSurprise(job: Job, entry: WalkEntry, mode: number): Gen<void> {
  if (!job.diagnose) return;
  const isDir = entry.st.kind === 'dir';
  const naive = adjustMode(entry.st.mode, isDir, 0, job.changes);
  if (!(mode & ~naive)) return;
  const perms = (m: number) => modeString({ kind: entry.st.kind, mode: m }).slice(1);
  yield* err(
    `${job.prog}: ${quoteFileColon(entry.path)}: new permissions are ${perms(mode)}, not ${perms(naive)}\n`,
  );
  job.failed = true;
}
