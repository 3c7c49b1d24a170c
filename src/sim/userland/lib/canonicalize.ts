import { Errno, type SysResult } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from './io.ts';

/**
 * gnulib canonicalize_filename_mode: an absolute name with ".", ".." and
 * symbolic links resolved. 'existing' (readlink -e): every component must
 * exist; 'all-but-last' (-f): all but the last; 'missing' (-m): none.
 */
export type CanonMode = 'existing' | 'all-but-last' | 'missing';

/** Linux gives up after 40 links in one resolution (path_resolution(7)). */
const MAX_LINKS = 40;

export function* canonicalize(path: string, mode: CanonMode): Gen<SysResult<string>> {
  if (path === '') return new Errno('ENOENT');
  const cwd = (yield* sys.self()).cwd;
  let pending = (path.startsWith('/') ? path : `${cwd}/${path}`).split('/');
  const done: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift() as string;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      done.pop();
      continue;
    }
    const candidate = '/' + [...done, part].join('/');
    const st = yield* sys.lstat(candidate);
    const last = pending.every((p) => p === '' || p === '.');
    if (st instanceof Errno) {
      const tolerated =
        mode === 'missing' || (mode === 'all-but-last' && last && st.code === 'ENOENT');
      if (!tolerated) return st;
      done.push(part);
      continue;
    }
    if (st.kind === 'symlink') {
      if (++links > MAX_LINKS) return new Errno('ELOOP');
      const target = yield* sys.readlink(candidate);
      if (target instanceof Errno) return target;
      if (target.startsWith('/')) done.length = 0;
      pending = [...target.split('/'), ...pending];
      continue;
    }
    if (st.kind !== 'dir' && !last && mode !== 'missing') return new Errno('ENOTDIR');
    done.push(part);
  }
  return '/' + done.join('/');
}
