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
