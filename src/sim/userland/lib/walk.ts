import { Errno } from '../../kernel/errno.ts';
import type { FileStat } from '../../kernel/stat.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from './io.ts';

export interface WalkEntry {
  readonly path: string;
  /** lstat(2) of the entry: symbolic links are not followed (fts -P). */
  readonly st: FileStat;
  /** 0 for the starting point. */
  readonly depth: number;
}

export interface Walker {
  /** Every entry, before a directory's contents; false: do not descend. */
  enter(entry: WalkEntry): Gen<boolean>;
  /** A directory, after its contents. */
  leave?(entry: WalkEntry): Gen<void>;
  /** readdir(3) failed on a directory. */
  unreadable(entry: WalkEntry, errno: Errno): Gen<void>;
}

/** Walks a tree as fts(3) with FTS_PHYSICAL does, in directory order: what chmod -R, chown -R, rm -r and find use. */
export function* walk(entry: WalkEntry, walker: Walker): Gen<void> {
  const descend = yield* walker.enter(entry);
  if (entry.st.kind !== 'dir' || !descend) return;
  const children = yield* sys.readdir(entry.path);
  if (children instanceof Errno) yield* walker.unreadable(entry, children);
  else {
    for (const child of children) {
      const path = entry.path.endsWith('/')
        ? entry.path + child.name
        : `${entry.path}/${child.name}`;
      const st = yield* sys.lstat(path);
      if (st instanceof Errno) continue;
      yield* walk({ path, st, depth: entry.depth + 1 }, walker);
    }
  }
  if (walker.leave) yield* walker.leave(entry);
}
