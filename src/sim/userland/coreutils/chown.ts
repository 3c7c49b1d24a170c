import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, type Gen } from '../lib/io.ts';
import { parseOwnerSpec, type OwnerSpec } from '../lib/owner-spec.ts';
import { program, progName } from '../lib/program.ts';
import { quote } from '../lib/quote.ts';
import { readUserDb } from '../lib/user-db.ts';
import { walk, type WalkEntry } from '../lib/walk.ts';
import { parseOptions } from './options.ts';
import { usageError } from './usage.ts';

const LONGS = [
  { name: 'recursive', arg: 'none', key: 'R' },
  { name: 'no-dereference', arg: 'none', key: 'h' },
  { name: 'dereference', arg: 'none', key: 'D' },
  { name: 'changes', arg: 'none', key: 'c' },
  { name: 'silent', arg: 'none', key: 'f' },
  { name: 'quiet', arg: 'none', key: 'f' },
  { name: 'verbose', arg: 'none', key: 'v' },
] as const;

interface Job {
  readonly prog: string;
  readonly owner: OwnerSpec;
  readonly quiet: boolean;
  /** -h, and -R (which implies -P): lchown(2) on links. */
  readonly noDereference: boolean;
  failed: boolean;
}

/**
 * coreutils chown(1) 9.1: OWNER, OWNER:GROUP, OWNER:, :GROUP. With -R the
 * tree is changed in postorder (a directory after its contents) and links
 * themselves are changed (lchown), as chown -R -P does.
 */
export const chown = program('coreutils/chown', { vszKb: 5480, rssKb: 1000 }, function* (ctx) {
  const prog = progName(ctx, 'chown');
  const parsed = yield* parseOptions(prog, ctx.argv.slice(1), 'HLPRcfhv', LONGS, 1, {
    long: [
      ['from', 'required'],
      ['reference', 'required'],
    ],
  });
  if (typeof parsed === 'number') return parsed;
  const [spec, ...files] = parsed.operands;
  if (spec === undefined) return yield* usageError(prog, 'missing operand');
  if (files.length === 0) return yield* usageError(prog, `missing operand after ${quote(spec)}`);
  const owner = parseOwnerSpec(spec, yield* readUserDb());
  if (typeof owner === 'string') {
    yield* err(`${prog}: ${owner}: ${quote(spec)}\n`);
    return 1;
  }
  if (owner.warning) yield* err(`${prog}: ${owner.warning}: ${quote(spec)}\n`);
  const keys = parsed.options.map((o) => o.key);
  const recursive = keys.includes('R');
  const job: Job = {
    prog,
    owner,
    quiet: keys.includes('f'),
    noDereference: keys.includes('h') || recursive,
    failed: false,
  };
  for (const file of files) {
    const st = job.noDereference ? yield* sys.lstat(file) : yield* sys.stat(file);
    if (st instanceof Errno) {
      if (!job.quiet) yield* err(`${prog}: cannot access ${quote(file)}: ${st.message}\n`);
      job.failed = true;
      continue;
    }
    const entry = { path: file, st, depth: 0 };
    if (recursive) yield* walk(entry, postorder(job));
    else yield* change(job, entry);
  }
  return job.failed ? 1 : 0;
});

function postorder(job: Job) {
  return {
    *enter(entry: WalkEntry): Gen<boolean> {
      if (entry.st.kind !== 'dir') yield* change(job, entry);
      return true;
    },
    *leave(entry: WalkEntry): Gen<void> {
      yield* change(job, entry);
    },
    *unreadable(entry: WalkEntry, errno: Errno): Gen<void> {
      yield* err(`${job.prog}: cannot read directory ${quote(entry.path)}: ${errno.message}\n`);
      job.failed = true;
    },
  };
}

function* change(job: Job, entry: WalkEntry): Gen<void> {
  const { uid, gid } = job.owner;
  const result = job.noDereference
    ? yield* sys.lchown(entry.path, uid, gid)
    : yield* sys.chown(entry.path, uid, gid);
  if (!(result instanceof Errno)) return;
  job.failed = true;
  const what = uid === -1 ? 'group' : 'ownership';
  if (!job.quiet)
    yield* err(`${job.prog}: changing ${what} of ${quote(entry.path)}: ${result.message}\n`);
}
