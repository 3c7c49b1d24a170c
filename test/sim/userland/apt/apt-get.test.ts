import { describe, expect, it } from 'vitest';
import { DebianSession, recorded, type Run } from './debian-session.ts';

/**
 * apt-get on debian:bookworm-slim against the real apt 2.6 in a minbase
 * bookworm chroot with the debian image's apt configuration
 * (scripts/record-apt.sh; fixtures in test/fixtures/apt/bookworm, named
 * after the recording). Where the simulator models what it cannot know,
 * the test says what it normalises:
 *  - the download rate of later fetches ("Fetched … (… kB/s)": modelled at
 *    the first update's 6662 kB/s, LIMITATIONS),
 *  - the order of dpkg's "Setting up" lines (apt's configure order is not
 *    modelled: compared as a set),
 *  - dpkg's "(Reading database ... N files" count after removals.
 */
function fetchRate(text: string): string {
  return text.replace(/^Fetched (.*) in \d+s \(.*\/s\)$/m, 'Fetched $1 in Ns (R/s)');
}

function setupAsSet(text: string): string {
  const lines = text.split('\n');
  const setup = lines.filter((l) => l.startsWith('Setting up ')).sort();
  let i = 0;
  return lines.map((l) => (l.startsWith('Setting up ') ? (setup[i++] as string) : l)).join('\n');
}

function normalised(run: Run): Run {
  return { ...run, stdout: setupAsSet(fetchRate(run.stdout)) };
}

function updated(): DebianSession {
  const session = new DebianSession('bookworm');
  expect(session.run(['apt-get', 'update'])).toEqual(recorded('update'));
  return session;
}

describe('apt-get update', () => {
  it('fetches the three suites of debian.sources (recorded: update)', () => {
    updated();
  });
  it('fetches only the release files again (recorded: update-again; rate modelled)', () => {
    const session = updated();
    expect(normalised(session.run(['apt-get', 'update']))).toEqual(
      normalised(recorded('update-again')),
    );
  });
  it('may not make the lists directory as nobody (recorded: update-nonroot)', () => {
    expect(new DebianSession('bookworm').run(['apt-get', 'update'], { uid: 65534 })).toEqual(
      recorded('update-nonroot'),
    );
  });
});

describe('apt-get install', () => {
  it('finds nothing before apt-get update (recorded: install-without-lists)', () => {
    expect(new DebianSession('bookworm').run(['apt-get', 'install', 'procps'])).toEqual(
      recorded('install-without-lists'),
    );
  });
  it('needs root for the dpkg lock (recorded: install-nonroot)', () => {
    expect(updated().run(['apt-get', 'install', 'procps'], { uid: 65534 })).toEqual(
      recorded('install-nonroot'),
    );
  });
  it('names a package the index lacks (recorded: install-missing, install-missing-y)', () => {
    const session = updated();
    expect(session.run(['apt-get', 'install', 'nosuchpackage'])).toEqual(
      recorded('install-missing'),
    );
    expect(session.run(['apt-get', 'install', '-y', 'procps', 'nosuchpackage'])).toEqual(
      recorded('install-missing-y'),
    );
  });
  it('asks before installing what procps brings along; n aborts (recorded: install-procps-no)', () => {
    expect(updated().run(['apt-get', 'install', 'procps'], { stdin: 'n\n' })).toEqual(
      recorded('install-procps-no'),
    );
  });
  it('installs procps on Y, then has ps and kill (recorded: install-procps-yes)', () => {
    const session = updated();
    const run = session.run(['apt-get', 'install', 'procps'], { stdin: 'Y\n' });
    expect(normalised(run)).toEqual(normalised(recorded('install-procps-yes')));
    // procps's file list says /bin/ps; /bin is a link to usr/bin in bookworm.
    expect(session.inode('/usr/bin/ps')?.data.split('\n')[0]).toBe(
      '\x7fELF stepdown-program procps-4.0.2/ps',
    );
    expect(session.run(['kill', '-l', '9'])).toEqual({ stdout: 'KILL\n', stderr: '', status: 0 });
    expect(session.run(['apt-get', 'install', 'procps'])).toEqual(recorded('install-procps-again'));
  });
  it('installs the fetch tools of redis 5.0 without recommends (recorded: install-fetchdeps)', () => {
    const session = updated();
    const run = session.run([
      'apt-get',
      'install',
      '-y',
      '--no-install-recommends',
      'ca-certificates',
      'dirmngr',
      'gnupg',
      'wget',
    ]);
    const real = recorded('install-fetchdeps');
    // The lists, sizes and Get: lines before the unpacking (apt's download order is modelled).
    const plan = (text: string) => text.slice(0, text.indexOf('Get:1'));
    expect(plan(run.stdout)).toBe(plan(real.stdout));
    expect(run.status).toBe(real.status);
    // wget's file list has /usr/bin/wget: the simulator's wget (the build tools' package).
    expect(session.inode('/usr/bin/wget')?.data.split('\n')[0]).toBe(
      '\x7fELF stepdown-program wget-1.21.3/wget',
    );
  });
});

describe('dpkg -l and dpkg-query after installing procps', () => {
  it('lists procps (recorded: dpkg-l-procps, dpkg-W-procps, dpkg-search-ps)', () => {
    const session = updated();
    session.run(['apt-get', 'install', '-y', 'procps']);
    expect(session.run(['dpkg-query', '-l', 'procps'])).toEqual(recorded('dpkg-l-procps'));
    expect(session.run(['dpkg-query', '-W', 'procps'])).toEqual(recorded('dpkg-W-procps'));
    expect(session.run(['dpkg-query', '--search', '/usr/bin/ps'])).toEqual(
      recorded('dpkg-search-ps'),
    );
    expect(session.run(['dpkg-query', '--search', '/nonexistent'])).toEqual(
      recorded('dpkg-search-missing'),
    );
    expect(session.run(['dpkg-query', '--search', '/bin/ps'])).toEqual({
      stdout: 'procps: /bin/ps\n',
      stderr: '',
      status: 0,
    });
    expect(session.run(['apt-mark', 'showauto'])).toEqual(recorded('apt-mark-showauto-procps'));
  });
});

describe('apt-get remove, autoremove and purge', () => {
  function withProcps(): DebianSession {
    const session = updated();
    session.run(['apt-get', 'install', '-y', 'procps']);
    return session;
  }
  it('removes procps and names what is left unneeded (recorded: remove-procps)', () => {
    const session = withProcps();
    expect(session.run(['apt-get', 'remove', '-y', 'procps'])).toEqual(recorded('remove-procps'));
    expect(session.inode('/usr/bin/ps')).toBeUndefined();
  });
  it('purges procps with what it brought (recorded: purge-procps-auto)', () => {
    const run = withProcps().run(['apt-get', 'purge', '-y', '--auto-remove', 'procps']);
    const real = recorded('purge-procps-auto');
    // The second count: dpkg still lists 4 directories of the purged packages (6100, modelled 6096).
    expect(run).toEqual({ ...real, stdout: real.stdout.replace('6100 files', '6096 files') });
  });
  it('says what is not installed, and what does not exist (recorded: purge-never-installed, purge-missing)', () => {
    const session = updated();
    expect(session.run(['apt-get', 'purge', '-y', 'wget'])).toEqual(
      recorded('purge-never-installed'),
    );
    expect(session.run(['apt-get', 'purge', '-y', 'nosuchpackage'])).toEqual(
      recorded('purge-missing'),
    );
  });
  it('cannot find packages once the lists are removed (recorded: install-after-rm-lists)', () => {
    const session = updated();
    session.run([
      'rm',
      '-rf',
      '/var/lib/apt/lists/deb.debian.org_debian_dists_bookworm_main_binary-amd64_Packages',
    ]);
    expect(session.run(['apt-get', 'install', '-y', '--no-install-recommends', 'wget'])).toEqual(
      recorded('install-after-rm-lists'),
    );
  });
});

describe('apt-get -qq', () => {
  /** dpkg's count in the recording chroot (gcc and friends were installed then) is not this image's. */
  const counted = (run: Run): Run => ({
    ...normalised(run),
    stdout: normalised(run).stdout.replace(/\d+ files and directories/g, 'N files and directories'),
  });
  it('prints only what dpkg prints, and implies -y (recorded: quiet-update-qq, quiet-install-qq, quiet-purge-qq)', () => {
    const session = new DebianSession('bookworm');
    expect(session.run(['apt-get', '-qq', 'update'])).toEqual(recorded('quiet-update-qq'));
    // The recording chroot had libncursesw6 and libgpm2 installed already.
    session.run(['apt-get', 'install', '-y', 'libncursesw6', 'libgpm2']);
    expect(counted(session.run(['apt-get', '-qq', 'install', 'procps']))).toEqual(
      counted(recorded('quiet-install-qq')),
    );
    expect(
      counted(session.run(['apt-get', 'purge', '-qq', '-y', '--auto-remove', 'procps'])),
    ).toEqual(counted(recorded('quiet-purge-qq')));
  });
});
