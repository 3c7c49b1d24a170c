import type { Package } from './package.ts';

/**
 * The programs the redis Dockerfiles' RUN steps fetch, check and build with
 * (../shared/reference/redis/*Dockerfile*): wget, gpg, tar, make, sed, mawk.
 * Debian 12's packages install them in /usr/bin.
 */
export const BUILD_TOOL_PACKAGES: readonly Package[] = [
  {
    // The release binaries the Dockerfiles download: no package installs them,
    // wget writes them (the simulator's binary format, src/sim/kernel/binfmt.ts).
    name: 'gosu release binaries 1.10, 1.17 (github.com/tianon/gosu)',
    programs: ['gosu-1.10/gosu', 'gosu-1.17/gosu'],
    installs: {},
  },
  {
    name: 'wget 1.21.3-1+deb12u1',
    deb: 'wget',
    programs: ['wget-1.21.3/wget'],
    installs: { lab: { '/usr/bin/wget': 'wget-1.21.3/wget' } },
  },
  {
    // GnuPG 2.2's programs come in separate Debian packages (gpg, gpgconf).
    name: 'gpg 2.2.40-1.1+deb12u2',
    deb: 'gpg',
    programs: ['gnupg-2.2.40/gpg'],
    installs: { lab: { '/usr/bin/gpg': 'gnupg-2.2.40/gpg' } },
  },
  {
    name: 'gpgconf 2.2.40-1.1+deb12u2',
    deb: 'gpgconf',
    programs: ['gnupg-2.2.40/gpgconf'],
    installs: { lab: { '/usr/bin/gpgconf': 'gnupg-2.2.40/gpgconf' } },
  },
  {
    name: 'sed 4.9-1',
    deb: 'sed',
    programs: ['sed-4.9/sed'],
    installs: { lab: { '/usr/bin/sed': 'sed-4.9/sed' } },
  },
  {
    // Debian's awk is mawk through the alternatives system.
    name: 'mawk 1.3.4.20200120-3.1',
    deb: 'mawk',
    programs: ['mawk-1.3.4/awk'],
    installs: {
      lab: {
        '/usr/bin/mawk': 'mawk-1.3.4/awk',
        '/etc/alternatives/awk': { symlinkTo: '/usr/bin/mawk' },
        '/usr/bin/awk': { symlinkTo: '/etc/alternatives/awk' },
      },
    },
  },
  {
    name: 'tar 1.34+dfsg-1.2+deb12u1',
    deb: 'tar',
    programs: ['tar-1.34/tar'],
    installs: { lab: { '/usr/bin/tar': 'tar-1.34/tar' } },
  },
  {
    name: 'make 4.3-4.1',
    deb: 'make',
    programs: ['make-4.3/make'],
    installs: { lab: { '/usr/bin/make': 'make-4.3/make' } },
  },
  {
    // What `make install` of a redis release tarball writes to /usr/local/bin
    // (src/sim/userland/make/redis-build.ts): no package installs them.
    name: 'redis 5.0.5, 7.2.5, 8.2.1 built from source',
    programs: ['5.0.5', '7.2.5', '8.2.1'].flatMap((version) =>
      ['redis-server', 'redis-cli', 'redis-benchmark'].map((name) => `redis-${version}/${name}`),
    ),
    installs: {},
  },
  {
    // dpkg-dev's dpkg-architecture (the rest of dpkg-dev is not modelled).
    name: 'dpkg-dev 1.21.22 (dpkg-architecture)',
    deb: 'dpkg-dev',
    programs: ['dpkg-1.21/dpkg-architecture'],
    installs: { lab: { '/usr/bin/dpkg-architecture': 'dpkg-1.21/dpkg-architecture' } },
  },
  {
    // libc-bin's ldd (Essential: in every Debian image).
    name: 'libc-bin 2.36-9+deb12u14 (ldd)',
    deb: 'libc-bin',
    programs: ['glibc-2.36/ldd'],
    installs: { lab: { '/usr/bin/ldd': 'glibc-2.36/ldd' } },
  },
];
