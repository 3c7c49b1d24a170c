import { Errno } from '../kernel/errno.ts';
import * as sys from '../kernel/syscall-api.ts';
import type { Script } from './ast.ts';
import { complain, type Gen } from './diagnostics.ts';
import { runScript } from './interp.ts';
import { forkShell, waitForChild } from './processes.ts';
import type { ShellState } from './state.ts';

/**
 * `$(…)` and backquotes (XCU 2.6.3): the commands run in a forked subshell
 * (a process of its own, visible in ps) with standard output on a pipe; the
 * shell reads to end of file, waits, and drops trailing newlines. `$?`
 * becomes the subshell's status.
 */
export function* commandSubstitution(sh: ShellState, body: Script): Gen<string> {
  const pipe = yield* sys.pipe();
  if (pipe instanceof Errno) {
    yield* complain(sh, 'Pipe call failed');
    return '';
  }
  const [readEnd, writeEnd] = pipe;
  const pid = yield* forkShell(sh, function* (child) {
    yield* sys.close(readEnd);
    yield* sys.dup2(writeEnd, 1);
    yield* sys.close(writeEnd);
    return yield* runScript(child, body, { canExec: true });
  });
  yield* sys.close(writeEnd);
  let text = '';
  for (;;) {
    const chunk = yield* sys.read(readEnd);
    if (chunk instanceof Errno) {
      if (chunk.code === 'EINTR') continue;
      break;
    }
    if (chunk === '') break;
    text += chunk;
  }
  yield* sys.close(readEnd);
  if (!(pid instanceof Errno)) sh.status = sh.substitutionStatus = yield* waitForChild(pid);
  return text.replace(/\n+$/, '');
}
