import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import { SIGPIPE } from '../../../src/sim/kernel/signals.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { signaled } from '../../../src/sim/kernel/wait-status.ts';
import { testKernel } from './harness.ts';

describe('pipes (pipe(7))', () => {
  it('carry more than their capacity in order, the writer waiting while full, then end of file', () => {
    const t = testKernel();
    const payload = 'abcdefghij'.repeat(20_000);
    let received = '';
    t.start(function* () {
      const fds = yield* sys.pipe();
      if (fds instanceof Errno) return 1;
      const [r, w] = fds;
      yield* sys.fork(function* () {
        yield* sys.close(r);
        const n = yield* sys.write(w, payload);
        return n === payload.length ? 0 : 1;
      });
      yield* sys.close(w);
      for (;;) {
        const chunk = yield* sys.read(r);
        if (chunk instanceof Errno || chunk === '') break;
        received += chunk;
      }
      return 0;
    });
    t.run();
    expect(received.length).toBe(payload.length);
    expect(received).toBe(payload);
  });

  it('writing with no reader left kills the writer with SIGPIPE', () => {
    const t = testKernel();
    let status: number | undefined;
    t.start(function* () {
      const child = yield* sys.fork(function* () {
        const fds = yield* sys.pipe();
        if (fds instanceof Errno) return 1;
        yield* sys.close(fds[0]);
        yield* sys.write(fds[1], 'x');
        return 0;
      });
      const waited = yield* sys.waitpid(child as number);
      if (waited && !(waited instanceof Errno)) status = waited.status;
      return 0;
    });
    t.run();
    expect(status).toBe(signaled(SIGPIPE));
  });
});

describe('changing files', () => {
  it('mkdir applies the umask and the caller becomes the owner', () => {
    const t = testKernel();
    t.start(
      function* () {
        yield* sys.umask(0o077);
        yield* sys.mkdir('/tmp/d', 0o777);
        return 0;
      },
      { uid: 999, gid: 999 },
    );
    t.run();
    const dir = t.tree.root.entries.get('tmp')?.entries.get('d');
    expect({ perm: dir?.perm.toString(8), uid: dir?.uid, gid: dir?.gid }).toEqual({
      perm: '700',
      uid: 999,
      gid: 999,
    });
  });

  it('chown needs CAP_CHOWN to give a file away, and clears set-user-ID bits', () => {
    const t = testKernel();
    t.tree.file('/tmp/mine', 'x', { uid: 1000, gid: 1000, perm: 0o4755 });
    const results: unknown[] = [];
    t.start(
      function* () {
        results.push(yield* sys.chown('/tmp/mine', 0, -1));
        return 0;
      },
      { uid: 1000, gid: 1000 },
    );
    t.start(function* () {
      results.push(yield* sys.chown('/tmp/mine', 999, -1));
      return 0;
    });
    t.run();
    const file = t.tree.root.entries.get('tmp')?.entries.get('mine');
    expect(results.map((r) => (r instanceof Errno ? r.code : r))).toEqual(['EPERM', 0]);
    expect({ uid: file?.uid, perm: file?.perm.toString(8) }).toEqual({ uid: 999, perm: '755' });
  });

  it('in a sticky directory only the owner may remove a file', () => {
    const t = testKernel();
    t.tree.file('/tmp/theirs', 'x', { uid: 1000, gid: 1000 });
    let result: unknown;
    t.start(
      function* () {
        result = yield* sys.unlink('/tmp/theirs');
        return 0;
      },
      { uid: 1001, gid: 1001 },
    );
    t.run();
    expect(result instanceof Errno ? result.code : result).toBe('EPERM');
  });
});
