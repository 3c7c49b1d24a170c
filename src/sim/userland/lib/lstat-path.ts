import { Errno, type SysResult } from '../../kernel/errno.ts';
import type { FileStat } from '../../kernel/stat.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Gen } from './io.ts';

/**
 * lstat(2) with Linux's rule for a trailing slash (path_resolution(7)): the
 * last component is then followed if it is a link and must be a directory
 * (ENOTDIR otherwise). The kernel's lookup does not apply that rule yet,
 * so programs that take operands go through here.
 */
export function* lstatPath(path: string): Gen<SysResult<FileStat>> {
  if (!/[^/]\/+$/.test(path)) return yield* sys.lstat(path);
  const st = yield* sys.stat(path);
  if (st instanceof Errno) return st;
  return st.kind === 'dir' ? st : new Errno('ENOTDIR');
}
