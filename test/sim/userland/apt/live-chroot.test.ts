import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DebianSession } from './debian-session.ts';

/**
 * A live comparison with the minbase bookworm chroot scripts/record-apt.sh
 * prepares (APT_CHROOT, default /tmp/bookworm): the read-only queries of
 * dpkg's database in the real chroot and in the simulated
 * debian:bookworm-slim. Skipped where the chroot is absent or the test does
 * not run as root (CI).
 */
const CHROOT = process.env['APT_CHROOT'] ?? '/tmp/bookworm';
const available =
  existsSync(`${CHROOT}/.stepdown-prepared`) &&
  typeof process.getuid === 'function' &&
  process.getuid() === 0;

function real(argv: readonly string[]): { stdout: string; stderr: string; status: number } {
  const run = spawnSync(
    'chroot',
    [CHROOT, 'env', '-i', 'PATH=/usr/sbin:/usr/bin:/sbin:/bin', ...argv],
    {
      encoding: 'utf8',
    },
  );
  return { stdout: run.stdout, stderr: run.stderr, status: run.status ?? -1 };
}

describe.skipIf(!available)('the simulated debian:bookworm-slim against the real chroot', () => {
  const session = new DebianSession('bookworm');
  for (const argv of [
    ['dpkg-query', '-W'],
    ['apt-mark', 'showmanual'],
    ['apt-mark', 'showauto'],
    ['dpkg-query', '-W', 'procps'],
    ['dpkg-query', '-l'],
    ['dpkg-query', '-l', 'dash', 'libc6'],
    ['dpkg-query', '--search', '/bin/dash'],
    ['dpkg-query', '--search', '/nonexistent'],
  ])
    it(argv.join(' '), () => {
      expect(session.run(argv)).toEqual(real(argv));
    });
});
