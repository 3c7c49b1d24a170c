import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { textSession } from '../support/text-world.ts';

/**
 * Bad input never crashes a build tool: any argv drawn from each tool's real
 * options, wrong ones, missing arguments, files that are, are not or are
 * directories, gives a status in 0..255, and no program dies of an exception
 * (the kernel records those as crashes, SIGSEGV).
 */
const COMMON = ['--', '-', '', '--nope', '-Z', 'f3', 'greet', 'nope', 'd', '/', 'x=1', '--help'];

const TOOLS: Readonly<Record<string, readonly string[]>> = {
  wget: ['-O', '-q', '-nv', '-v', '-V', '-n', 'http://', 'nope', 'HTTP://Nope:80/a', 'ftp://x/'],
  gpg: [
    '--batch',
    '--verify',
    '--recv-keys',
    '--keyserver',
    'ha.pool.sks-keyservers.net',
    'f3.asc',
  ],
  gpgconf: ['--kill', 'all', 'gpg-agent', '--list-dirs', 'nosuch'],
  tar: ['-x', '-c', '-t', '-z', '-f', '-C', '-v', 'xzf', '--strip-components=1', '--file'],
  make: ['-C', '-j', '-j2', '-jx', '-f', 'all', 'install', 'MALLOC=libc', 'BUILD_TLS=yes'],
  sed: ['-n', '-e', '-i', '-r', '-E', 's/a/b/', 's/a', 'p', '$d', '2q', 'y/ab/c/', '/x/'],
  awk: ['-F', '-F-', '-v', '-f', '-W', 'version', '{ print $NF }', '{', 'BEGIN{x=1/0}'],
  mawk: ['-W', 'nope', 'usage', 'dump', '{ print NR }', '$1 ~ /a/'],
  ldd: ['-v', '-r', '-d', '-u', '--ver', '--version', '/usr/bin/wget', '/bin/sh'],
  sha256sum: ['-c', '-b', '--status', '--quiet', '--strict', '--tag', '-w'],
  md5sum: ['-c', '-b', '--status', 'junk'],
  nproc: ['--all', '--ignore', '--ignore=1', '--ignore=x', '1'],
  cut: ['-d', '-d:', '-f', '-f1', '-f0', '-c', '-c2-4', '-b', '-s', '3-1', ','],
  sort: ['-u', '-r', '-n', '-t', '-t:', '-k', '-k2', '-k0', '-o', 'out'],
  ln: ['-s', '-f', '-v', '-T', '-n', '-svfT', 'link', 'd/x'],
  xargs: ['-r', '-n', '-n0', '-n1', '-0', '-t', 'echo', 'false', 'nosuch'],
  'dpkg-architecture': ['-q', '-qDEB_BUILD_GNU_TYPE', '--query', 'DEB_BUILD_GNU_TYPE', 'NOPE'],
};

describe('the build tools given any argv', () => {
  for (const [tool, words] of Object.entries(TOOLS)) {
    it(`${tool}: a status in 0..255, never an exception`, () => {
      const word = fc.constantFrom(...words, ...COMMON);
      fc.assert(
        fc.property(
          fc.array(word, { maxLength: 6 }),
          fc.constantFrom('', 'a b\nc\n'),
          (args, stdin) => {
            const session = textSession();
            const { status } = session.run([tool, ...args], { cwd: '/w', stdin, env: [] });
            expect(session.kernel.crashes).toEqual([]);
            expect(status >= 0 && status <= 255 && Number.isInteger(status)).toBe(true);
          },
        ),
        { numRuns: 60, seed: 5 },
      );
    });
  }
});
