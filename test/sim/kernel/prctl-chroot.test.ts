import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { SIGTERM } from '../../../src/sim/kernel/signals.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { testKernel } from './harness.ts';

const code = (r: unknown) => (r instanceof Errno ? r.code : r);
const num = (r: number | Errno) => (r instanceof Errno ? r.code : String(r));

describe('prctl(PR_SET_CHILD_SUBREAPER) (kernel/exit.c find_new_reaper)', () => {
  it('an orphan goes to the nearest subreaper ancestor, which can wait for it', () => {
    const t = testKernel();
    const seen: unknown[] = [];
    t.start(function* () {
      // PID 1 (init) forks the subreaper, PID 2.
      yield* sys.fork(function* () {
        yield* sys.prctl({ op: 'PR_SET_CHILD_SUBREAPER', value: 1 });
        yield* sys.fork(function* () {
          yield* sys.fork(function* () {
            yield* sys.nanosleep(100);
            seen.push(`orphan's parent: ${(yield* sys.self()).ppid}`);
            return 3;
          });
          return 0; // the middle process exits at once: its child is orphaned
        });
        for (;;) {
          const waited = yield* sys.waitpid(-1);
          if (waited instanceof Errno || !waited) break;
          seen.push(`reaped ${waited.pid} with ${waited.status >> 8}`);
        }
        return 0;
      });
      yield* sys.pause();
      return 0;
    });
    t.run();
    t.kernel.advanceTo(200);
    t.run();
    expect(seen).toEqual(['reaped 3 with 0', "orphan's parent: 2", 'reaped 4 with 3']);
  });

  it('without a subreaper the orphan goes to the namespace init', () => {
    const t = testKernel();
    const ppids: number[] = [];
    t.start(function* () {
      yield* sys.fork(function* () {
        yield* sys.fork(function* () {
          yield* sys.fork(function* () {
            yield* sys.nanosleep(100);
            ppids.push((yield* sys.self()).ppid);
            return 0;
          });
          return 0;
        });
        yield* sys.waitpid(-1);
        yield* sys.pause();
        return 0;
      });
      yield* sys.pause();
      return 0;
    });
    t.run();
    t.kernel.advanceTo(200);
    t.run();
    expect(ppids).toEqual([1]);
  });
});

describe('prctl(PR_SET_PDEATHSIG)', () => {
  it('the child gets its signal when the parent dies; fork clears it in the grandchild', () => {
    const t = testKernel();
    const got: string[] = [];
    t.start(function* () {
      yield* sys.fork(function* () {
        yield* sys.prctl({ op: 'PR_SET_PDEATHSIG', sig: SIGTERM });
        yield* sys.sigaction(SIGTERM, function* () {
          got.push(
            `child: SIGTERM, pdeathsig ${num(yield* sys.prctl({ op: 'PR_GET_PDEATHSIG' }))}`,
          );
        });
        yield* sys.fork(function* () {
          got.push(`grandchild pdeathsig ${num(yield* sys.prctl({ op: 'PR_GET_PDEATHSIG' }))}`);
          return 0;
        });
        yield* sys.pause();
        return 0;
      });
      yield* sys.nanosleep(10);
      return 0; // the parent exits
    });
    t.run();
    t.kernel.advanceTo(20);
    t.run();
    expect(got).toEqual(['grandchild pdeathsig 0', 'child: SIGTERM, pdeathsig 15']);
  });

  it('a change of effective uid clears it', () => {
    const t = testKernel();
    const seen: unknown[] = [];
    t.start(function* () {
      yield* sys.prctl({ op: 'PR_SET_PDEATHSIG', sig: SIGTERM });
      yield* sys.setgid(0);
      seen.push(yield* sys.prctl({ op: 'PR_GET_PDEATHSIG' }));
      yield* sys.setuid(1000);
      seen.push(yield* sys.prctl({ op: 'PR_GET_PDEATHSIG' }));
      return 0;
    });
    t.run();
    expect(seen).toEqual([15, 0]);
  });
});

describe('chroot(2)', () => {
  it('needs CAP_SYS_CHROOT and a directory; then paths resolve from the new root and ".." stays there', () => {
    const t = testKernel();
    t.tree.file('/jail/etc/hostname', 'jail\n');
    t.tree.file('/etc/hostname', 'host\n');
    const seen: unknown[] = [];
    t.start(
      function* () {
        seen.push(code(yield* sys.chroot('/jail')));
        return 0;
      },
      { uid: 1000, gid: 1000 },
    );
    t.start(function* () {
      seen.push(code(yield* sys.chroot('/jail/etc/hostname')));
      seen.push(code(yield* sys.chroot('/nonexistent')));
      seen.push(code(yield* sys.chroot('/jail')));
      yield* sys.chdir('/');
      for (const path of ['/etc/hostname', '/../../etc/hostname']) {
        const fd = yield* sys.open(path);
        seen.push(typeof fd === 'number' ? yield* sys.read(fd) : code(fd));
      }
      // A child inherits the root.
      yield* sys.fork(function* () {
        seen.push(code(yield* sys.stat('/jail')));
        return 0;
      });
      return 0;
    });
    t.run();
    expect(seen).toEqual(['EPERM', 'ENOTDIR', 'ENOENT', 0, 'jail\n', 'jail\n', 'ENOENT']);
  });
});
