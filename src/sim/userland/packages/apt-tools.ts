import { aptGet } from '../apt/apt-get.ts';
import { aptMark } from '../apt/apt-mark.ts';
import { dpkgQuery } from '../apt/dpkg-query.ts';
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
    programs: [aptGet, aptMark],
    installs: { lab: { '/usr/bin/apt-get': aptGet.name, '/usr/bin/apt-mark': aptMark.name } },
  },
  {
    name: 'dpkg 1.21.22 (dpkg-query)',
    deb: 'dpkg',
    programs: [dpkgQuery],
    installs: { lab: { '/usr/bin/dpkg-query': dpkgQuery.name } },
  },
];
