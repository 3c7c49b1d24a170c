import { Errno, type SysResult } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import type { Syscall } from '../../kernel/syscall-api.ts';

export type Gen<T> = Generator<Syscall, T, unknown>;

export const STDIN = 0;
export const STDOUT = 1;
export const STDERR = 2;

/** Writes text to standard output. */
export function* out(text: string): Gen<void> {
  if (text !== '') yield* sys.write(STDOUT, text);
}

/** Writes text to standard error. */
export function* err(text: string): Gen<void> {
  if (text !== '') yield* sys.write(STDERR, text);
}

/** Reads a whole file, as a program would with open(2), read(2) and close(2). */
export function* readFile(path: string): Gen<SysResult<string>> {
  const fd = yield* sys.open(path, { read: true });
  if (fd instanceof Errno) return fd;
  let text = '';
  for (;;) {
    const chunk = yield* sys.read(fd);
    if (chunk instanceof Errno) {
      yield* sys.close(fd);
      return chunk;
    }
    if (chunk === '') break;
    text += chunk;
  }
  yield* sys.close(fd);
  return text;
}

/** The value of NAME in an environment list ("NAME=value"). */
export function getenv(envp: readonly string[], name: string): string | undefined {
  const prefix = name + '=';
  const entry = envp.find((e) => e.startsWith(prefix));
  return entry === undefined ? undefined : entry.slice(prefix.length);
}

/** The environment with NAME set (replacing an existing entry in place) or removed (value undefined). */
export function setenv(envp: readonly string[], name: string, value: string | undefined): string[] {
  const prefix = name + '=';
  const index = envp.findIndex((e) => e.startsWith(prefix));
  const next = [...envp];
  if (value === undefined) {
    if (index >= 0) next.splice(index, 1);
  } else if (index >= 0) next[index] = prefix + value;
  else next.push(prefix + value);
  return next;
}
