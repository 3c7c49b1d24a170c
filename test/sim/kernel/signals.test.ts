import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { SIGKILL, SIGTERM, SIGSTOP, SIGCONT } from '../../../src/sim/kernel/signals.ts';
import { sendSignal } from '../../../src/sim/kernel/signal.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { signaled, exited } from '../../../src/sim/kernel/wait-status.ts';
import type { Process } from '../../../src/sim/kernel/process.ts';
import { testKernel } from './harness.ts';

/** A container: a process that clones its child into a new PID namespace and waits for it. */
function container(t: ReturnType<typeof testKernel>, init: () => sys.ProcessGen) {
  const result: { initHostPid?: number; status?: number } = {};
  t.start(function* () {
    const child = yield* sys.fork(init, { newPidNamespace: true });
    if (child instanceof Errno) return 1;
    result.initHostPid = child;
    const waited = yield* sys.waitpid(child);
    if (waited && !(waited instanceof Errno)) result.status = waited.status;
    return 0;
  });
  t.run();
  const initProcess = () => t.kernel.processes.get(result.initHostPid ?? -1) as Process;
  return { result, initProcess };
}

function* sleepForever(): sys.ProcessGen {
  yield* sys.pause();
  return 0;
}

describe('the PID 1 rule (pid_namespaces(7))', () => {
  it('a namespace init without a handler ignores SIGTERM from the host', () => {
    const t = testKernel();
    const { result, initProcess } = container(t, sleepForever);
    sendSignal(t.kernel, initProcess(), SIGTERM, null);
    t.run();
    expect(initProcess().alive).toBe(true);
    expect(result.status).toBeUndefined();
    expect(t.events.flatMap((e) => (e.type === 'signal-ignored' ? [e.reason] : []))).toEqual([
      'pid1-no-handler',
    ]);
  });

  it('SIGKILL from the host is forced through', () => {
    const t = testKernel();
    const { result, initProcess } = container(t, sleepForever);
    sendSignal(t.kernel, initProcess(), SIGKILL, null);
    t.run();
    expect(result.status).toBe(signaled(SIGKILL));
  });

  it('kill -9 1 from inside succeeds and does nothing', () => {
    const t = testKernel();
    let killResult: unknown;
    const { initProcess } = container(t, function* () {
      yield* sys.fork(function* () {
        killResult = yield* sys.kill(1, SIGKILL);
        return 0;
      });
      yield* sys.pause();
      return 0;
    });
    expect(killResult).toBe(0);
    expect(initProcess().alive).toBe(true);
  });

  it('an init with a handler receives SIGTERM and can exit cleanly', () => {
    const t = testKernel();
    const { result, initProcess } = container(t, function* () {
      const flags = { stop: false };
      yield* sys.sigaction(SIGTERM, function* () {
        flags.stop = true;
      });
      while (!flags.stop) yield* sys.pause();
      return 0;
    });
    sendSignal(t.kernel, initProcess(), SIGTERM, null);
    t.run();
    expect(result.status).toBe(exited(0));
  });

  it('SIGSTOP from the host stops the init and SIGCONT resumes it', () => {
    const t = testKernel();
    const { initProcess } = container(t, sleepForever);
    sendSignal(t.kernel, initProcess(), SIGSTOP, null);
    expect(initProcess().state).toBe('T');
    sendSignal(t.kernel, initProcess(), SIGCONT, null);
    expect(initProcess().state).toBe('S');
  });

  it('an ordinary process dies of SIGTERM by default (status 128+15 in a shell)', () => {
    const t = testKernel();
    let status: number | undefined;
    t.start(function* () {
      const child = yield* sys.fork(sleepForever);
      if (child instanceof Errno) return 1;
      yield* sys.kill(child, SIGTERM);
      const waited = yield* sys.waitpid(child);
      if (waited && !(waited instanceof Errno)) status = waited.status;
      return 0;
    });
    t.run();
    expect(status).toBe(signaled(SIGTERM));
  });
});

describe('when a namespace init exits', () => {
  it('every other process in the namespace is killed with SIGKILL', () => {
    const t = testKernel();
    const grandchildren: number[] = [];
    const { result } = container(t, function* () {
      for (let i = 0; i < 2; i++) {
        const pid = yield* sys.fork(sleepForever);
        if (typeof pid === 'number') grandchildren.push(pid);
      }
      return 3;
    });
    expect(result.status).toBe(exited(3));
    expect(grandchildren).toEqual([2, 3]);
    const killed = t.events
      .filter((e) => e.type === 'signal-delivered' && e.signal === 'SIGKILL')
      .map((e) => e.type === 'signal-delivered' && e.target.pid);
    expect(killed).toEqual([2, 3]);
    expect([...t.kernel.processes.values()].filter((p) => p.pidns.level === 1)).toEqual([]);
  });
});

describe('zombies and orphans', () => {
  it('a child stays a zombie until its parent waits, and an orphan goes to the namespace init', () => {
    const t = testKernel();
    container(t, function* () {
      // PID 2 forks PID 3 and exits at once: 3 is orphaned and re-parented to 1.
      yield* sys.fork(function* () {
        yield* sys.fork(sleepForever);
        return 0;
      });
      yield* sys.nanosleep(10);
      yield* sys.pause();
      return 0;
    });
    t.kernel.advanceTo(10);
    t.run();
    const inside = [...t.kernel.processes.values()].filter((p) => p.pidns.level === 1);
    const zombie = inside.find((p) => p.pid === 2);
    const orphan = inside.find((p) => p.pid === 3);
    expect(zombie?.state).toBe('Z');
    expect(orphan?.parent?.pid).toBe(1);
  });
});
