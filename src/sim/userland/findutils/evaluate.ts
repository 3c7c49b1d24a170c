import { Errno } from '../../kernel/errno.ts';
import type { FileStat } from '../../kernel/stat.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { err, out, type Gen } from '../lib/io.ts';
import { fnmatch } from '../lib/fnmatch.ts';
import { userById, groupById, type UserDb } from '../lib/user-db.ts';
import type { ExecAction, Expr, Test } from './expression.ts';
import { runCommand } from './run-command.ts';

/** What find knows while it walks: the user database, -prune and -quit requests, the exit status. */
export interface FindState {
  readonly prog: string;
  readonly db: UserDb;
  readonly envp: readonly string[];
  status: number;
  pruned: boolean;
  quit: boolean;
}

export interface Candidate {
  readonly path: string;
  readonly st: FileStat;
}

const TYPE_LETTER: Record<FileStat['kind'], string> = {
  file: 'f',
  dir: 'd',
  symlink: 'l',
  chardev: 'c',
};

export function* evaluate(expr: Expr, c: Candidate, state: FindState): Gen<boolean> {
  if (expr.op === 'not') return !(yield* evaluate(expr.operand, c, state));
  if (expr.op === 'test') return yield* test(expr.test, c, state);
  const left = yield* evaluate(expr.left, c, state);
  if (expr.op === 'and' ? !left : left) return left;
  return yield* evaluate(expr.right, c, state);
}

function* test(t: Test, c: Candidate, state: FindState): Gen<boolean> {
  switch (t.kind) {
    case 'print':
      return (yield* out(c.path + '\n'), true);
    case 'print0':
      return (yield* out(c.path + '\0'), true);
    case 'exec':
      return yield* exec(t.exec, c, state);
    case 'delete':
      return yield* remove(c, state);
    case 'prune':
      return (state.pruned = true);
    case 'quit':
      return (state.quit = true);
    case 'empty':
      return yield* isEmpty(c);
    case 'executable':
      // access(2) with X_OK, as find's -executable (it honours ACLs and root's rules).
      return !((yield* sys.access(c.path, 1)) instanceof Errno);
    default:
      return matches(t, c, state.db);
  }
}

function matches(t: Test, c: Candidate, db: UserDb): boolean {
  switch (t.kind) {
    case 'name':
      return fnmatch(t.pattern, baseName(c.path), t.fold);
    case 'path':
      return fnmatch(t.pattern, c.path);
    case 'type':
      return t.types.includes(TYPE_LETTER[c.st.kind]);
    case 'uid':
      return t.id === null ? !userById(db, c.st.uid) : c.st.uid === t.id;
    case 'gid':
      return t.id === null ? !groupById(db, c.st.gid) : c.st.gid === t.id;
    case 'perm':
      return permMatches(t.match, t.mode, c.st.mode & 0o7777);
    case 'newer':
      return c.st.mtime > t.mtime;
    case 'false':
      return false;
    default:
      return true;
  }
}

function permMatches(match: 'exact' | 'all' | 'any', wanted: number, mode: number): boolean {
  if (match === 'exact') return mode === wanted;
  if (match === 'all') return (mode & wanted) === wanted;
  return wanted === 0 || (mode & wanted) !== 0;
}

/** The last component as find's -name sees it: "/" for the root, trailing slashes ignored. */
function baseName(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function* isEmpty(c: Candidate): Gen<boolean> {
  if (c.st.kind === 'file') return c.st.size === 0;
  if (c.st.kind !== 'dir') return false;
  const entries = yield* sys.readdir(c.path);
  return !(entries instanceof Errno) && entries.length === 0;
}

/** -exec … ; runs now and is true when the command exits 0; -exec … {} + queues the path and is true. */
function* exec(action: ExecAction, c: Candidate, state: FindState): Gen<boolean> {
  if (action.batch) {
    action.pending.push(c.path);
    return true;
  }
  const argv = action.argv.map((a) => a.replaceAll('{}', c.path));
  return (yield* runCommand(argv, state)) === 0;
}

/** Runs what -exec … + queued; a command that fails makes find exit 1. */
export function* flushBatches(actions: readonly ExecAction[], state: FindState): Gen<void> {
  for (const action of actions) {
    if (action.pending.length === 0) continue;
    const argv = [...action.argv, ...action.pending.splice(0)];
    if ((yield* runCommand(argv, state)) !== 0) state.status = 1;
  }
}

function* remove(c: Candidate, state: FindState): Gen<boolean> {
  if (c.path === '.') return true;
  const result = c.st.kind === 'dir' ? yield* sys.rmdir(c.path) : yield* sys.unlink(c.path);
  if (!(result instanceof Errno)) return true;
  yield* err(`${state.prog}: cannot delete '${c.path}': ${result.message}\n`);
  state.status = 1;
  return false;
}
