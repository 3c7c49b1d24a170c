import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { getenv, type Gen } from './io.ts';

/** glibc's search path when PATH is unset (confstr(_CS_PATH)). */
const CS_PATH = '/bin:/usr/bin';

/**
 * execvpe(3) as glibc 2.36 does it: a name with "/" is executed as it is;
 * otherwise each PATH directory is tried in turn, ENOENT and ENOTDIR move
 * on, EACCES is remembered and reported if nothing else worked; a file
 * without a "#!" line (ENOEXEC) is run by /bin/sh. Returns only on failure.
 */
export function* execvp(
  file: string,
  argv: readonly string[],
  envp: readonly string[],
): Gen<Errno> {
  if (file === '') return new Errno('ENOENT');
  if (file.includes('/')) return yield* execOrShell(file, argv, envp);
  let sawEacces = false;
  for (const dir of (getenv(envp, 'PATH') ?? CS_PATH).split(':')) {
    const failure = yield* execOrShell(`${dir === '' ? '.' : dir}/${file}`, argv, envp);
    if (failure.code === 'EACCES') sawEacces = true;
    else if (failure.code !== 'ENOENT' && failure.code !== 'ENOTDIR') return failure;
  }
  return new Errno(sawEacces ? 'EACCES' : 'ENOENT');
}

function* execOrShell(path: string, argv: readonly string[], envp: readonly string[]): Gen<Errno> {
  const failure = yield* sys.execve(path, argv, envp);
  if (failure.code !== 'ENOEXEC') return failure;
  return yield* sys.execve('/bin/sh', ['/bin/sh', path, ...argv.slice(1)], envp);
}
