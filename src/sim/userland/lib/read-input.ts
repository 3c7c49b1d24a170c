import { Errno, type SysResult } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { STDIN, type Gen } from './io.ts';

/** Where reading an operand failed: opening it, or reading it (a directory opens, then read(2) gives EISDIR). */
export interface InputError {
  readonly stage: 'open' | 'read';
  readonly errno: Errno;
}

/**
 * Reads a whole input the way coreutils text tools do: "-" is standard
 * input; a directory opens but fails to read with EISDIR.
 */
export function* readInput(operand: string): Gen<string | InputError> {
  if (operand === '-') {
    const text = yield* readAll(STDIN);
    return text instanceof Errno ? { stage: 'read', errno: text } : text;
  }
  const fd = yield* sys.open(operand, { read: true });
  if (fd instanceof Errno) return { stage: 'open', errno: fd };
  const st = yield* sys.stat(operand);
  const text =
    !(st instanceof Errno) && st.kind === 'dir' ? new Errno('EISDIR') : yield* readAll(fd);
  yield* sys.close(fd);
  return text instanceof Errno ? { stage: 'read', errno: text } : text;
}

export function* readAll(fd: number): Gen<SysResult<string>> {
  let text = '';
  for (;;) {
    const chunk = yield* sys.read(fd);
    if (chunk instanceof Errno) return chunk;
    if (chunk === '') return text;
    text += chunk;
  }
}

export function isInputError(value: unknown): value is InputError {
  return typeof value === 'object' && value !== null && 'stage' in value;
}

/**
 * Opens an operand for reading in chunks ("-" is standard input, left
 * open); a directory fails with EISDIR as read(2) would. For tools that
 * must not wait for the end of their input (cat, head: `yes | head -n 1`).
 */
export function* openInput(operand: string): Gen<number | InputError> {
  if (operand === '-') return STDIN;
  const fd = yield* sys.open(operand, { read: true });
  if (fd instanceof Errno) return { stage: 'open', errno: fd };
  const st = yield* sys.stat(operand);
  if (!(st instanceof Errno) && st.kind === 'dir') {
    yield* sys.close(fd);
    return { stage: 'read', errno: new Errno('EISDIR') };
  }
  return fd;
}

export function* closeInput(fd: number): Gen<void> {
  if (fd !== STDIN) yield* sys.close(fd);
}
