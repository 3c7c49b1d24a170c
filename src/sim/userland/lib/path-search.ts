import { Errno, type SysResult } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from './io.ts';

/** The PATH Docker gives a container when the image sets none, and what login shells on Debian use for root. */
export const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * Looks a command up on PATH the way Go's exec.LookPath and execvp(3) do: a
 * name containing "/" is used as it is; otherwise the first directory entry
 * that is a regular file with an execute bit wins. ENOENT when nothing matched.
 */
export function* lookPath(name: string, path: string): Gen<SysResult<string>> {
  if (name.includes('/')) return name;
  if (name === '') return new Errno('ENOENT');
  for (const dir of path.split(':')) {
    const candidate = `${dir === '' ? '.' : dir}/${name}`;
    const st = yield* sys.stat(candidate);
    if (!(st instanceof Errno) && st.kind === 'file' && st.mode & 0o111) return candidate;
  }
  return new Errno('ENOENT');
}

/** Go's syscall.Errno strings are glibc's, lower-cased ("permission denied"). */
export function goErrno(errno: Errno): string {
  return errno.message.toLowerCase();
}

/**
 * Go's exec.LookPath, as gosu and runc use it: a name with a slash is
 * checked with stat(2); other names are searched on PATH. A directory is
 * "permission denied" to Go itself; runc checks first and says "is a
 * directory" (`directoryText`).
 */
export function* goLookPath(
  name: string,
  pathVar: string,
  directoryText = 'permission denied',
): Gen<{ path: string } | { error: string }> {
  if (!name.includes('/')) {
    const found = yield* lookPath(name, pathVar);
    return found instanceof Errno
      ? { error: 'executable file not found in $PATH' }
      : { path: found };
  }
  const st = yield* sys.stat(name);
  if (st instanceof Errno) return { error: `stat ${name}: ${goErrno(st)}` };
  if (st.kind === 'dir') return { error: directoryText };
  if (!(st.mode & 0o111)) return { error: 'permission denied' };
  return { path: name };
}
