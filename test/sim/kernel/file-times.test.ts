import { describe, expect, it } from 'vitest';
import { Errno } from '../../../src/sim/kernel/errno.ts';
import type { FileStat } from '../../../src/sim/kernel/stat.ts';
import * as sys from '../../../src/sim/kernel/syscall-api.ts';
import { testKernel } from './harness.ts';

/** Runs a body as root at virtual time 0 and returns what it recorded. */
function record(body: (seen: unknown[]) => sys.ProcessGen): unknown[] {
  const t = testKernel();
  const seen: unknown[] = [];
  t.start(() => body(seen));
  for (let i = 0; i < 10; i++) {
    t.run();
    const next = t.kernel.nextDeadline();
    if (next === undefined) break;
    t.kernel.advanceTo(next);
  }
  return seen;
}

function* st(path: string): Generator<sys.Syscall, FileStat, unknown> {
  const result = yield* sys.stat(path);
  if (result instanceof Errno) throw new Error(`${path}: ${result.code}`);
  return result;
}

describe('file times (stat(2), inode(7) "Timestamps")', () => {
  it('creating and removing entries updates the directory’s mtime and ctime', () => {
    const seen = record(function* (seen) {
      yield* sys.mkdir('/tmp/d');
      yield* sys.nanosleep(1000);
      const fd = yield* sys.open('/tmp/d/f', { write: true, create: true });
      if (typeof fd === 'number') yield* sys.close(fd);
      const afterCreate = yield* st('/tmp/d');
      yield* sys.nanosleep(1000);
      yield* sys.unlink('/tmp/d/f');
      const afterUnlink = yield* st('/tmp/d');
      seen.push([afterCreate.mtime, afterCreate.ctime], [afterUnlink.mtime, afterUnlink.ctime]);
      return 0;
    });
    expect(seen).toEqual([
      [1000, 1000],
      [2000, 2000],
    ]);
  });

  it('chmod changes ctime only; a write changes mtime and ctime; utimensat sets given times', () => {
    const seen = record(function* (seen) {
      const fd = yield* sys.open('/tmp/f', { write: true, create: true });
      yield* sys.nanosleep(1000);
      yield* sys.chmod('/tmp/f', 0o600);
      const afterChmod = yield* st('/tmp/f');
      yield* sys.nanosleep(1000);
      if (typeof fd === 'number') yield* sys.write(fd, 'x');
      const afterWrite = yield* st('/tmp/f');
      yield* sys.utimensat('/tmp/f', 5, 'omit');
      const afterUtime = yield* st('/tmp/f');
      seen.push(
        [afterChmod.mtime, afterChmod.ctime],
        [afterWrite.mtime, afterWrite.ctime],
        [afterUtime.atime, afterUtime.mtime, afterUtime.ctime],
      );
      return 0;
    });
    expect(seen).toEqual([
      [0, 1000],
      [2000, 2000],
      [5, 2000, 2000],
    ]);
  });

  it('st_blocks counts 512-byte blocks of whole pages; devices have st_rdev', () => {
    const t = testKernel();
    t.tree.file('/f', 'x'.repeat(4097));
    t.tree.device('/dev/zero', 'zero');
    const seen: unknown[] = [];
    t.start(function* () {
      const f = yield* st('/f');
      const zero = yield* st('/dev/zero');
      seen.push(f.blocks, zero.blocks, zero.rdev, f.rdev);
      return 0;
    });
    t.run();
    expect(seen).toEqual([16, 0, { major: 1, minor: 5 }, { major: 0, minor: 0 }]);
  });
});

describe('inode numbers', () => {
  it('are given per host: two hosts number the same tree alike', () => {
    const numbers = () => {
      const t = testKernel();
      const seen: number[] = [];
      t.start(function* () {
        for (const path of ['/', '/bin', '/tmp', '/bin']) seen.push((yield* st(path)).ino);
        return 0;
      });
      t.run();
      return seen;
    };
    const first = numbers();
    expect(first).toEqual([2, 3, 4, 3]);
    expect(numbers()).toEqual(first);
  });
});
