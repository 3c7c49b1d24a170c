import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DebianSession } from './debian-session.ts';

/**
 * Usage errors of apt-get, apt-mark and dpkg-query, captured from apt 2.6.1
 * and dpkg 1.21.22 on Debian 12 in the POSIX locale (`env -i apt-get`,
 * `env -i apt-get foo`, `env -i apt-get -x install`, `env -i apt-mark`,
 * `env -i dpkg-query`, `-x`, `-S`, `-W nosuchpkg`; the usage texts are in
 * test/fixtures/apt/host). And the image layout the packages give.
 */
function host(name: string): string {
  return readFileSync(join(import.meta.dirname, '../../../fixtures/apt/host', name), 'utf8');
}

describe('usage errors', () => {
  const session = new DebianSession('bookworm');
  it('apt-get without a command prints its usage with status 1', () => {
    expect(session.run(['apt-get'])).toEqual({
      stdout: host('apt-get.out'),
      stderr: '',
      status: 1,
    });
  });
  it('apt-get with an unknown command or option', () => {
    expect(session.run(['apt-get', 'foo'])).toEqual({
      stdout: '',
      stderr: 'E: Invalid operation foo\n',
      status: 100,
    });
    expect(session.run(['apt-get', '-x', 'install'])).toEqual({
      stdout: '',
      stderr:
        "E: Command line option 'x' [from -x] is not understood in combination with the other options.\n",
      status: 100,
    });
  });
  it('apt-mark without a command, and with an unknown one', () => {
    expect(session.run(['apt-mark'])).toEqual({
      stdout: host('apt-mark.out'),
      stderr: '',
      status: 1,
    });
    expect(session.run(['apt-mark', 'foo'])).toEqual({
      stdout: '',
      stderr: 'E: Invalid operation foo\n',
      status: 100,
    });
  });
  it('dpkg-query without an action, with an unknown one, and -S without a pattern', () => {
    const usage = (message: string) => ({
      stdout: '',
      stderr: `dpkg-query: error: ${message}\n\nUse --help for help about querying packages.\n`,
      status: 2,
    });
    expect(session.run(['dpkg-query'])).toEqual(usage('need an action option'));
    expect(session.run(['dpkg-query', '-x'])).toEqual(usage('unknown option -x'));
    expect(session.run(['dpkg-query', '-S'])).toEqual(
      usage('--search needs at least one file name pattern argument'),
    );
    expect(session.run(['dpkg-query', '-W', 'nosuchpkg'])).toEqual({
      stdout: '',
      stderr: 'dpkg-query: no packages found matching nosuchpkg\n',
      status: 1,
    });
  });
});

describe('what the packages lay out', () => {
  it("keeps the Debian 12 layout's links: /bin/sh -> dash, awk through the alternatives", () => {
    for (const codename of ['bookworm', 'stretch'] as const) {
      const session = new DebianSession(codename);
      expect(session.run(['readlink', '/bin/sh', '/usr/bin/awk'])).toEqual({
        stdout: 'dash\n/etc/alternatives/awk\n',
        stderr: '',
        status: 0,
      });
      expect(session.run(['/bin/sh', '-c', 'echo "a-b" | awk -F- "{ print \\$NF }"'])).toEqual({
        stdout: 'b\n',
        stderr: '',
        status: 0,
      });
    }
  });
  it("lists the base system's packages in dpkg's database (debian:bookworm-slim has no procps)", () => {
    const session = new DebianSession('bookworm');
    expect(session.run(['dpkg-query', '-W', 'dash', 'procps'])).toEqual({
      stdout: 'dash\t0.5.12-2\n',
      stderr: 'dpkg-query: no packages found matching procps\n',
      status: 1,
    });
    // Maintainer-script links are not in dpkg's file lists (real: dpkg-query --search /usr/bin/awk finds nothing).
    expect(session.run(['dpkg-query', '--search', '/usr/bin/awk']).status).toBe(1);
  });
});
