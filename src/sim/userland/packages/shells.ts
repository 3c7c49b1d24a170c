import type { Package } from './package.ts';

/**
 * Shells. Debian (12, and 9 for redis:5.0) and Ubuntu 14.04 link /bin/sh to
 * dash; BusyBox images link it to /bin/busybox (the busybox package).
 */
export const SHELL_PACKAGES: readonly Package[] = [
  {
    name: 'bash 5.2.15-2+b8',
    deb: 'bash',
    programs: ['bash-5.2/bash'],
    installs: {
      host: { '/usr/bin/bash': 'bash-5.2/bash' },
      lab: { '/usr/bin/bash': 'bash-5.2/bash' },
      trusty: { '/bin/bash': 'bash-5.2/bash' },
    },
  },
  {
    name: 'dash 0.5.12-2',
    deb: 'dash',
    programs: ['dash-0.5.12/dash'],
    installs: {
      // Merged /usr (Debian 12): the package's /bin/sh is /usr/bin/sh.
      host: { '/usr/bin/dash': 'dash-0.5.12/dash', '/usr/bin/sh': { symlinkTo: 'dash' } },
      lab: { '/usr/bin/dash': 'dash-0.5.12/dash', '/usr/bin/sh': { symlinkTo: 'dash' } },
      trusty: { '/bin/dash': 'dash-0.5.12/dash', '/bin/sh': { symlinkTo: 'dash' } },
    },
  },
  {
    // Alpine's /bin/sh is BusyBox ash: links to the busybox binary (package busybox-binsh).
    name: 'busybox-binsh',
    programs: [],
    installs: {
      alpine: {
        '/bin/sh': { symlinkTo: '/bin/busybox' },
        '/bin/ash': { symlinkTo: '/bin/busybox' },
      },
    },
  },
];
