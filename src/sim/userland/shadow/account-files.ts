import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { readFile, type Gen } from '../lib/io.ts';

/** The four account databases as lines split into fields; a file the system lacks is null. */
export interface AccountFiles {
  readonly passwd: string[][];
  readonly group: string[][];
  readonly shadow: string[][] | null;
  readonly gshadow: string[][] | null;
}

export const PATHS = {
  passwd: '/etc/passwd',
  group: '/etc/group',
  shadow: '/etc/shadow',
  gshadow: '/etc/gshadow',
} as const;

export type AccountFile = keyof typeof PATHS;

export function* readAccountFiles(): Gen<AccountFiles> {
  const read = function* (path: string): Gen<string[][] | null> {
    const text = yield* readFile(path);
    if (text instanceof Errno) return null;
    return text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => line.split(':'));
  };
  return {
    passwd: (yield* read(PATHS.passwd)) ?? [],
    group: (yield* read(PATHS.group)) ?? [],
    shadow: yield* read(PATHS.shadow),
    gshadow: yield* read(PATHS.gshadow),
  };
}

/** Whether the caller may rewrite the file: the tools lock it first, and fail there when they may not. */
export function* mayWrite(file: AccountFile): Gen<boolean> {
  const fd = yield* sys.open(PATHS[file], { write: true, append: true });
  if (fd instanceof Errno) return fd.code === 'ENOENT';
  yield* sys.close(fd);
  return true;
}

/**
 * Rewrites one database as shadow's commonio does: the old contents go to
 * FILE- (the backup, same mode and owner), then FILE gets the new lines.
 */
export function* writeAccountFile(
  file: AccountFile,
  lines: readonly string[][],
): Gen<Errno | null> {
  const path = PATHS[file];
  const st = yield* sys.stat(path);
  if (st instanceof Errno) return st;
  const old = yield* readFile(path);
  if (old instanceof Errno) return old;
  const backup = yield* writeText(`${path}-`, old);
  if (backup) return backup;
  yield* sys.chmod(`${path}-`, st.mode & 0o7777);
  yield* sys.chown(`${path}-`, st.uid, st.gid);
  return yield* writeText(path, lines.map((fields) => fields.join(':') + '\n').join(''));
}

function* writeText(path: string, text: string): Gen<Errno | null> {
  const fd = yield* sys.open(path, { write: true, create: true, truncate: true }, 0o600);
  if (fd instanceof Errno) return fd;
  const written = yield* sys.write(fd, text);
  yield* sys.close(fd);
  return written instanceof Errno ? written : null;
}

/** Days since the epoch on the kernel clock: the "last changed" field of /etc/shadow. */
export function* daysSinceEpoch(): Gen<number> {
  return Math.floor((yield* sys.self()).now / 86_400_000);
}
