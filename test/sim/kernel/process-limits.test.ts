import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { TaskGroup, userSliceTasksMax } from '../../../src/sim/kernel/task-group.ts';
import type { ProcessGen } from '../../../src/sim/kernel/syscall-api.ts';
import { testKernel } from './harness.ts';

/** Forks children that sleep until one fork fails; the results, as `pid` or the errno's code. */
function* forkUntilFailure(results: string[], max = 20): ProcessGen {
  for (let i = 0; i < max; i++) {
    const pid = yield* sys.fork(function* () {
      yield* sys.nanosleep(60_000);
      return 0;
    });
    results.push(pid instanceof Errno ? pid.code : 'pid');
    if (pid instanceof Errno) return 0;
  }
  return 0;
}

/**
 * The limits fork(2) meets (kernel/fork.c copy_process): the number of tasks
 * (threads-max), the real user's RLIMIT_NPROC, which fork_init() sets to
 * max_threads / 2 and which root and CAP_SYS_RESOURCE / CAP_SYS_ADMIN pass, and
 * a pids cgroup's pids.max (pids_can_fork). All fail with EAGAIN, as the
 * recorded fork bomb's `bash: fork: retry: Resource temporarily unavailable`
 * shows (test/fixtures/fork-bomb/, a pids cgroup at 64).
 */
describe('how many processes fork may make', () => {
  it("RLIMIT_NPROC: a user's processes stop at max_threads / 2", () => {
    const t = testKernel({}, { maxProcesses: 10 });
    expect(t.kernel.maxUserProcesses).toBe(5);
    const results: string[] = [];
    t.start(() => forkUntilFailure(results), { uid: 1000, gid: 1000 });
    t.run();
    // The parent and four children make five processes of uid 1000.
    expect(results).toEqual(['pid', 'pid', 'pid', 'pid', 'EAGAIN']);
  });

  it('root is held only by the number of tasks (threads-max)', () => {
    const t = testKernel({}, { maxProcesses: 10 });
    const results: string[] = [];
    t.start(() => forkUntilFailure(results));
    t.run();
    expect(results).toEqual([...Array<string>(9).fill('pid'), 'EAGAIN']);
  });

  it('an exited child counts until it is reaped, then frees its place', () => {
    const t = testKernel({}, { maxProcesses: 4 });
    const results: string[] = [];
    t.start(
      function* () {
        const first = yield* sys.fork(function* () {
          return 3;
        });
        results.push(first instanceof Errno ? first.code : 'pid');
        yield* sys.nanosleep(10); // the child has exited by now: a zombie
        const refused = yield* sys.fork(function* () {
          return 0;
        });
        results.push(refused instanceof Errno ? refused.code : 'pid');
        yield* sys.waitpid(-1);
        const again = yield* sys.fork(function* () {
          return 0;
        });
        results.push(again instanceof Errno ? again.code : 'pid');
        return 0;
      },
      { uid: 1000, gid: 1000 },
    );
    t.run();
    t.kernel.advanceTo(10);
    t.run();
    expect(results).toEqual(['pid', 'EAGAIN', 'pid']);
  });

  it("a pids cgroup holds every process started in it, root's too", () => {
    const t = testKernel();
    const slice = new TaskGroup('user-1000.slice', 3);
    const results: string[] = [];
    t.start(() => forkUntilFailure(results), { taskGroup: slice });
    t.run();
    expect(results).toEqual(['pid', 'pid', 'EAGAIN']);
    // The parent has ended and is gone; its two sleeping children still count.
    expect(slice.count).toBe(2);
  });

  it("systemd's TasksMax=33% of 32,768 is 10,813 (cgroup-util.h: '10813 on default settings')", () => {
    expect(userSliceTasksMax(32_768)).toBe(10_813);
  });
});
