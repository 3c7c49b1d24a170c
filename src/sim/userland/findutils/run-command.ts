import { Errno } from '../../kernel/errno.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { WEXITSTATUS, WIFEXITED } from '../../kernel/wait-status.ts';
import { execvp } from '../lib/execvp.ts';
import { err, type Gen } from '../lib/io.ts';

/**
 * fork, execvp and wait, as find's -exec does. A command that cannot be
 * run is reported by the child ("find: 'cmd': No such file or directory")
 * which exits 1. Returns the command's exit status (non-zero if killed).
 */
export function* runCommand(
  argv: readonly string[],
  state: { readonly prog: string; readonly envp: readonly string[] },
): Gen<number> {
  const command = argv[0] ?? '';
  const pid = yield* sys.fork(function* () {
    const failure = yield* execvp(command, argv, state.envp);
    yield* err(`${state.prog}: '${command}': ${failure.message}\n`);
    return 1;
  });
  if (pid instanceof Errno) {
    yield* err(`${state.prog}: cannot fork: ${pid.message}\n`);
    return 1;
  }
  const waited = yield* sys.waitpid(pid);
  if (waited instanceof Errno || waited === null) return 1;
  return WIFEXITED(waited.status) ? WEXITSTATUS(waited.status) : 1;
}
