import { describe, expect, it } from 'vitest';
import { DebianSession, recorded } from './debian-session.ts';

/**
 * The package steps of redis 8.2.1's debian/Dockerfile (pinned in
 * ../shared/reference/redis/redis-8.2.1-debian_Dockerfile_a13b788.txt) on
 * bookworm-slim, against scripts/record-apt.sh's run of the same commands in
 * a minbase bookworm chroot (fixtures named in each step). apt's own
 * download and removal order and apt-mark's hash order are not modelled
 * (src/sim/LIMITATIONS.md), so those lines are compared as sets.
 */
const BUILD_DEPS = [
  'ca-certificates',
  'wget',
  'dpkg-dev',
  'gcc',
  'g++',
  'libc6-dev',
  'libssl-dev',
  'make',
];

function lines(text: string, prefix: string): string[] {
  return text
    .split('\n')
    .filter((l) => l.startsWith(prefix))
    .map((l) => l.replace(/^Get:\d+ /, 'Get: ').replace(/\r$/, ''))
    .sort();
}

function upTo(text: string, marker: string): string {
  return text.slice(0, text.indexOf(marker));
}

describe('redis 8.2.1: savedAptMark, build dependencies, apt-mark, purge --auto-remove', () => {
  it('runs the RUN step’s package commands as apt does', () => {
    const session = new DebianSession('bookworm');
    // savedAptMark="$(apt-mark showmanual)" (recorded: apt-mark-showmanual-tzdata)
    expect(session.run(['apt-get', 'update']).status).toBe(0);
    expect(session.run(['apt-mark', 'showmanual'])).toEqual(recorded('apt-mark-showmanual-tzdata'));
    // tzdata is already part of the slim image (recorded: install-tzdata).
    expect(session.run(['apt-get', 'install', '-y', '--no-install-recommends', 'tzdata'])).toEqual(
      recorded('install-tzdata'),
    );

    // apt-get install -y --no-install-recommends … (recorded: install-build-821)
    const install = session.run([
      'apt-get',
      'install',
      '-y',
      '--no-install-recommends',
      ...BUILD_DEPS,
    ]);
    const real = recorded('install-build-821');
    expect(upTo(install.stdout, 'Get:1')).toBe(upTo(real.stdout, 'Get:1'));
    expect(lines(install.stdout, 'Get:')).toEqual(lines(real.stdout, 'Get:'));
    expect(lines(install.stdout, 'Setting up ')).toEqual(lines(real.stdout, 'Setting up '));
    expect(install.status).toBe(0);

    // What ldd finds, back to packages (recorded: dpkg-search-libssl)
    const search = session.run([
      'dpkg-query',
      '--search',
      '*lib/x86_64-linux-gnu/libssl.so.3',
      '*lib/x86_64-linux-gnu/libc.so.6',
    ]);
    const searched = recorded('dpkg-search-libssl');
    expect(lines(search.stdout, '')).toEqual(lines(searched.stdout, ''));
    expect(search.status).toBe(searched.status);

    // apt-mark auto '.*' > /dev/null (recorded: apt-mark-auto-all, the installed packages' lines)
    const auto = session.run(['apt-mark', 'auto', '.*']);
    const installedLines = (text: string) =>
      lines(text, '').filter(
        (l) => l !== '' && !l.endsWith('can not be marked as it is not installed.'),
      );
    expect(installedLines(auto.stdout)).toEqual(
      installedLines(recorded('apt-mark-auto-all').stdout),
    );

    expect(session.run(['apt-mark', 'manual', 'tzdata'])).toEqual(
      recorded('apt-mark-manual-tzdata'),
    );
    expect(session.run(['apt-mark', 'manual', 'libc6', 'libssl3'])).toEqual(
      recorded('apt-mark-manual-libs'),
    );
    expect(session.run(['apt-mark', 'showmanual'])).toEqual(recorded('apt-mark-showmanual-821'));

    // apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false (recorded: purge-build-821)
    const purge = session.run([
      'apt-get',
      'purge',
      '-y',
      '--auto-remove',
      '-o',
      'APT::AutoRemove::RecommendsImportant=false',
    ]);
    const purged = recorded('purge-build-821');
    expect(upTo(purge.stdout, '(Reading database')).toBe(upTo(purged.stdout, '(Reading database'));
    expect(lines(purge.stdout, 'Removing ')).toEqual(lines(purged.stdout, 'Removing '));
    expect(lines(purge.stdout, 'Purging ')).toEqual(lines(purged.stdout, 'Purging '));
    expect(purge.status).toBe(0);
    expect(session.inode('/usr/bin/wget')).toBeUndefined();
  });
});

describe('redis 7.2: apt-mark manual $savedAptMark', () => {
  it('takes names with regular-expression characters (libstdc++6) as names first, as apt does', () => {
    const session = new DebianSession('bookworm');
    const saved = session.run(['apt-mark', 'showmanual']).stdout.split('\n').filter(Boolean);
    expect(saved).toContain('libstdc++6');
    session.run(['apt-mark', 'auto', '.*']);
    const run = session.run(['apt-mark', 'manual', ...saved]);
    // The format of recorded apt-mark-manual-libs ("libc6 set to manually installed.").
    expect(run).toEqual({
      stdout: saved.map((name) => `${name} set to manually installed.\n`).join(''),
      stderr: '',
      status: 0,
    });
  });
});
