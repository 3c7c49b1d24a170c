import type { Package } from './package.ts';

/**
 * apt and dpkg-query, where Debian 12 installs them. The Debian images get
 * them from their package database (src/sim/userland/apt/image-install.ts),
 * where the `deb` name maps apt's file list to these programs.
 */
export const APT_PACKAGES: readonly Package[] = [
  {
    name: 'apt 2.6.1',
    deb: 'apt',
    programs: ['apt-2.6/apt-get', 'apt-2.6/apt-mark'],
    installs: {
      lab: { '/usr/bin/apt-get': 'apt-2.6/apt-get', '/usr/bin/apt-mark': 'apt-2.6/apt-mark' },
    },
  },
  {
    name: 'dpkg 1.21.22 (dpkg-query)',
    deb: 'dpkg',
    programs: ['dpkg-1.21/dpkg-query'],
    installs: { lab: { '/usr/bin/dpkg-query': 'dpkg-1.21/dpkg-query' } },
  },
];
