import { Errno } from '../kernel/errno.ts';
import * as sys from '../kernel/syscall-api.ts';
import { program } from './lib/program.ts';
import { SIGCHLD } from '../kernel/signals.ts';

/**
 * The host's PID 1 (systemd on a real Debian host): for the simulation it
 * only reaps the orphans the kernel hands it, forever; SIGCHLD wakes it.
 */
export const init = program('systemd/init', { vszKb: 167780, rssKb: 12200 }, function* () {
  yield* sys.sigaction(SIGCHLD, function* () {});
  for (;;) {
    const waited = yield* sys.waitpid(-1);
    if (waited instanceof Errno && waited.code === 'ECHILD') yield* sys.pause();
  }
});
