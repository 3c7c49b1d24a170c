import { Errno } from '../../kernel/errno.ts';
import { SIGINT, SIGKILL, SIGQUIT, SIGTERM } from '../../kernel/signals.ts';
import * as sys from '../../kernel/syscall-api.ts';
import { WEXITSTATUS, WIFSIGNALED, WTERMSIG } from '../../kernel/wait-status.ts';
import { err, type Gen } from '../lib/io.ts';
import { strsignal } from '../lib/strsignal.ts';

/** su sleeps this long between SIGTERM and SIGKILL to the shell (su-common.c: sleep(2)). */
const GRACE_MS = 2000;
/** The core-dump bit of a wait status (WCOREDUMP, bits/waitstatus.h). */
const WCOREDUMP_FLAG = 0x80;

/**
 * create_watching_parent (su-common.c, util-linux 2.38.1): the parent goes
 * to "/", catches SIGTERM (and SIGINT, SIGQUIT unless --session-command),
 * and waits. When the child ends, its status is su's (128 + n after a
 * signal, with strsignal on stderr). When su itself is signalled, it
 * prints "Session terminated, killing shell...", sends SIGTERM, sleeps two
 * seconds whatever happens, sends SIGKILL, prints " ...killed.", and
 * re-raises the signal on itself; as a namespace's PID 1 that is dropped and
 * su exits 128 + n (facts.md §3.2).
 */
export function* watchChild(child: number, sameSession: boolean): Gen<number> {
  yield* sys.chdir('/');
  let caught = 0;
  const handler = function* (sig: number): Gen<void> {
    caught = sig;
  };
  if (!sameSession) {
    yield* sys.sigaction(SIGINT, handler);
    yield* sys.sigaction(SIGQUIT, handler);
  }
  yield* sys.sigaction(SIGTERM, handler);
  let status = 1;
  let alive = true;
  const waited = yield* sys.waitpid(child);
  if (waited instanceof Errno || waited === null) {
    if (caught) status = 128 + caught;
  } else {
    alive = false;
    status = yield* childStatus(waited.status);
  }
  if (!caught) return status;
  if (alive) {
    yield* err('\nSession terminated, killing shell...');
    yield* sys.kill(child, SIGTERM);
    // sleep(3): a further caught signal cuts it short, as in C.
    yield* sys.nanosleep(GRACE_MS);
    yield* sys.kill(child, SIGKILL);
    yield* err(' ...killed.\n');
  }
  yield* sys.sigaction(caught, 'default');
  yield* sys.kill((yield* sys.self()).pid, caught);
  return status;
}

function* childStatus(status: number): Gen<number> {
  if (!WIFSIGNALED(status)) return WEXITSTATUS(status);
  const sig = WTERMSIG(status);
  yield* err(`${strsignal(sig)}${status & WCOREDUMP_FLAG ? ' (core dumped)' : ''}\n`);
  return 128 + sig;
}
