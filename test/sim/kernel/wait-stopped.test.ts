import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { SIGCONT, SIGSTOP, SIGTSTP } from '../../../src/sim/kernel/signals.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import {
  WIFCONTINUED,
  WIFSIGNALED,
  WIFSTOPPED,
  WSTOPSIG,
} from '../../../src/sim/kernel/wait-status.ts';
import { testKernel } from './harness.ts';

/** waitpid(2) WUNTRACED and WCONTINUED: a job-control shell learns that its job stopped or went on. */
describe('waitpid with WUNTRACED and WCONTINUED', () => {
  it('reports a stop once, then a continue, then the exit', () => {
    const t = testKernel();
    const seen: string[] = [];
    const describeStatus = (s: number) =>
      WIFSTOPPED(s)
        ? `stopped by ${WSTOPSIG(s)}`
        : WIFCONTINUED(s)
          ? 'continued'
          : WIFSIGNALED(s)
            ? 'signaled'
            : `exited ${s >> 8}`;
    t.start(function* () {
      const child = yield* sys.fork(function* () {
        yield* sys.nanosleep(1000);
        return 7;
      });
      if (child instanceof Errno) return 1;
      yield* sys.kill(child, SIGTSTP);
      const flags = { untraced: true, continued: true };
      const first = yield* sys.waitpid(child, false, flags);
      if (first && !(first instanceof Errno)) seen.push(describeStatus(first.status));
      // Reported once: a second WNOHANG wait finds nothing new.
      const again = yield* sys.waitpid(child, true, flags);
      seen.push(again === null ? 'nothing new' : 'reported again');
      yield* sys.kill(child, SIGCONT);
      for (;;) {
        const next = yield* sys.waitpid(child, false, flags);
        if (!next || next instanceof Errno) break;
        seen.push(describeStatus(next.status));
        if (!WIFCONTINUED(next.status)) break;
      }
      return 0;
    });
    for (let i = 0; i < 5; i++) {
      t.run();
      const next = t.kernel.nextDeadline();
      if (next !== undefined) t.kernel.advanceTo(next);
    }
    expect(seen).toEqual([`stopped by ${SIGTSTP}`, 'nothing new', 'continued', 'exited 7']);
  });

  it('without WUNTRACED a stop is not reported: the wait goes on until the exit', () => {
    const t = testKernel();
    const seen: unknown[] = [];
    t.start(function* () {
      const child = yield* sys.fork(function* () {
        yield* sys.pause();
        return 0;
      });
      if (child instanceof Errno) return 1;
      yield* sys.kill(child, SIGSTOP);
      seen.push(yield* sys.waitpid(child, true));
      return 0;
    });
    t.run();
    expect(seen).toEqual([null]);
  });
});
