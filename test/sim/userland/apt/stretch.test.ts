import { describe, expect, it } from 'vitest';
import { DebianSession } from './debian-session.ts';

/**
 * The seed article's session inside redis:5.0 (debian:stretch-slim, apt
 * 1.4.9): `apt-get update`, `apt-get install procps`, on the terminal that
 * `docker exec -it` gives. The expected screens are the 2019 transcript of
 * the same commands in a stretch-slim based container (an AKS lab's
 * "Running Commands in a Container with EXEC"; search corpus "code", id
 * 5983833095), which has the same base packages as redis:5.0, with three
 * differences the simulator models instead of knowing (src/sim/LIMITATIONS.md):
 *  - apt's download and unpack order (there libprocps6 before libncurses5),
 *    and its configure order;
 *  - "2 not upgraded" there (the lab's base was older than its mirror);
 *  - the tty padding apt 1.4 leaves after progress lines (spaces a terminal
 *    shows as blank), and dpkg's \r before each newline.
 */
const UPDATE_SCREEN = `Ign:1 http://cdn-fastly.deb.debian.org/debian stretch InRelease
Get:2 http://security-cdn.debian.org/debian-security stretch/updates InRelease [94.3 kB]
Get:3 http://cdn-fastly.deb.debian.org/debian stretch-updates InRelease [91.0 kB]
Get:4 http://cdn-fastly.deb.debian.org/debian stretch Release [118 kB]
Get:5 http://cdn-fastly.deb.debian.org/debian stretch Release.gpg [2434 B]
Get:6 http://security-cdn.debian.org/debian-security stretch/updates/main amd64 Packages [499 kB]
Get:7 http://cdn-fastly.deb.debian.org/debian stretch-updates/main amd64 Packages [27.4 kB]
Get:8 http://cdn-fastly.deb.debian.org/debian stretch/main amd64 Packages [7082 kB]
Fetched 7915 kB in 1s (4035 kB/s)
Reading package lists... Done
`;

const INSTALL_SCREEN = `Reading package lists... Done
Building dependency tree       
Reading state information... Done
The following additional packages will be installed:
  libgpm2 libncurses5 libprocps6 psmisc
Suggested packages:
  gpm
The following NEW packages will be installed:
  libgpm2 libncurses5 libprocps6 procps psmisc
0 upgraded, 5 newly installed, 0 to remove and 0 not upgraded.
Need to get 559 kB of archives.
After this operation, 1789 kB of additional disk space will be used.
Do you want to continue? [Y/n] y
Get:1 http://cdn-fastly.deb.debian.org/debian stretch/main amd64 libncurses5 amd64 6.0+20161126-1+deb9u2 [93.4 kB]
Get:2 http://cdn-fastly.deb.debian.org/debian stretch/main amd64 libprocps6 amd64 2:3.3.12-3+deb9u1 [58.5 kB]
Get:3 http://cdn-fastly.deb.debian.org/debian stretch/main amd64 procps amd64 2:3.3.12-3+deb9u1 [250 kB]
Get:4 http://cdn-fastly.deb.debian.org/debian stretch/main amd64 libgpm2 amd64 1.20.4-6.2+b1 [34.2 kB]
Get:5 http://cdn-fastly.deb.debian.org/debian stretch/main amd64 psmisc amd64 22.21-2.1+b2 [123 kB]
Fetched 559 kB in 0s (4035 kB/s)
debconf: delaying package configuration, since apt-utils is not installed
Selecting previously unselected package libncurses5:amd64.
(Reading database ... 7034 files and directories currently installed.)
Preparing to unpack .../libncurses5_6.0+20161126-1+deb9u2_amd64.deb ...
Unpacking libncurses5:amd64 (6.0+20161126-1+deb9u2) ...
Selecting previously unselected package libprocps6:amd64.
Preparing to unpack .../libprocps6_2%3a3.3.12-3+deb9u1_amd64.deb ...
Unpacking libprocps6:amd64 (2:3.3.12-3+deb9u1) ...
Selecting previously unselected package procps.
Preparing to unpack .../procps_2%3a3.3.12-3+deb9u1_amd64.deb ...
Unpacking procps (2:3.3.12-3+deb9u1) ...
Selecting previously unselected package libgpm2:amd64.
Preparing to unpack .../libgpm2_1.20.4-6.2+b1_amd64.deb ...
Unpacking libgpm2:amd64 (1.20.4-6.2+b1) ...
Selecting previously unselected package psmisc.
Preparing to unpack .../psmisc_22.21-2.1+b2_amd64.deb ...
Unpacking psmisc (22.21-2.1+b2) ...
Setting up libncurses5:amd64 (6.0+20161126-1+deb9u2) ...
Setting up libprocps6:amd64 (2:3.3.12-3+deb9u1) ...
Setting up procps (2:3.3.12-3+deb9u1) ...
update-alternatives: using /usr/bin/w.procps to provide /usr/bin/w (w) in auto mode
update-alternatives: warning: skip creation of /usr/share/man/man1/w.1.gz because associated file /usr/share/man/man1/w.procps.1.gz (of link group w) doesn't exist
Setting up libgpm2:amd64 (1.20.4-6.2+b1) ...
Setting up psmisc (22.21-2.1+b2) ...
Processing triggers for libc-bin (2.24-11+deb9u4) ...
`;

/** What a terminal shows: a carriage return before a newline, and progress overwritten by \r, leave no trace. */
function screen(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(/\r$/, '').split('\r').pop() ?? '')
    .join('\n');
}

describe('apt-get in redis:5.0 (debian:stretch-slim), as the seed article ran it', () => {
  it('apt-get update, then apt-get install procps answered y: ps is installed', () => {
    const session = new DebianSession('stretch');
    expect(session.inode('/bin/ps')).toBeUndefined();
    const update = session.runOnTerminal(['apt-get', 'update']);
    expect({ ...update, stdout: screen(update.stdout) }).toEqual({
      stdout: UPDATE_SCREEN,
      stderr: '',
      status: 0,
    });
    const install = session.runOnTerminal(['apt-get', 'install', 'procps'], ['y']);
    expect({ ...install, stdout: screen(install.stdout) }).toEqual({
      stdout: INSTALL_SCREEN,
      stderr: '',
      status: 0,
    });
    // procps's file list has /bin/ps (stretch keeps /bin a directory): the ps of procps.
    expect(session.inode('/bin/ps')?.data.split('\n')[0]).toBe(
      '\x7fELF stepdown-program procps-4.0.2/ps',
    );
  });
  it('n at the prompt aborts with status 1 and installs nothing', () => {
    const session = new DebianSession('stretch');
    session.runOnTerminal(['apt-get', 'update']);
    const run = session.runOnTerminal(['apt-get', 'install', 'procps'], ['n']);
    expect(screen(run.stdout).split('\n').slice(-3)).toEqual([
      'Do you want to continue? [Y/n] n',
      'Abort.',
      '',
    ]);
    expect(run.status).toBe(1);
    expect(session.inode('/bin/ps')).toBeUndefined();
  });
});

describe('executables of packages the simulator does not model', () => {
  it('fail with 126 and say so (psmisc killall)', () => {
    const session = new DebianSession('stretch');
    session.run(['apt-get', 'update']);
    session.run(['apt-get', 'install', '-y', 'procps']);
    expect(session.run(['/usr/bin/killall', 'x'])).toEqual({
      stdout: '',
      stderr:
        '/usr/bin/killall: this program of the Debian package psmisc is not modelled by the Stepdown simulator\n',
      status: 126,
    });
  });
});
