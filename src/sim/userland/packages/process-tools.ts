import type { Package } from './package.ts';

/** procps's /usr/bin/kill (ps itself is in core.ts). */
const procpsKill: Package = {
  name: 'procps 2:4.0.2-3 (kill)',
  deb: 'procps',
  programs: ['procps-4.0.2/kill'],
  installs: {
    host: { '/usr/bin/kill': 'procps-4.0.2/kill' },
    lab: { '/usr/bin/kill': 'procps-4.0.2/kill' },
  },
};

/** util-linux 2.38.1-5+deb12u3: the paths of golden 05's execve chain and Debian's package. */
const utilLinux: Package = {
  name: 'util-linux 2.38.1-5+deb12u3',
  programs: ['util-linux-2.38.1/setpriv', 'util-linux-2.38.1/su', 'util-linux-2.38.1/runuser'],
  installs: {
    lab: {
      '/usr/bin/setpriv': 'util-linux-2.38.1/setpriv',
      '/usr/bin/su': 'util-linux-2.38.1/su',
      '/usr/sbin/runuser': 'util-linux-2.38.1/runuser',
    },
  },
  setuid: ['/usr/bin/su'],
};

/** coreutils 9.1's chroot (the rest of coreutils is in core.ts and file-tools.ts). */
const coreutilsChroot: Package = {
  name: 'coreutils 9.1-1 (chroot)',
  programs: ['coreutils-9.1/chroot'],
  installs: { lab: { '/usr/sbin/chroot': 'coreutils-9.1/chroot' } },
};

/** su-exec v0.3 built from ncopa/su-exec; not packaged in Debian 12, the recorder copies it to /usr/local/bin (golden README). */
const suExecPackage: Package = {
  name: 'su-exec 0.3 (built from source)',
  programs: ['su-exec-0.3/su-exec'],
  installs: { lab: { '/usr/local/bin/su-exec': 'su-exec-0.3/su-exec' } },
};

/** dumb-init 1.2.5-2 as Debian packages it. */
const dumbInitPackage: Package = {
  name: 'dumb-init 1.2.5-2',
  programs: ['dumb-init-1.2.5/dumb-init'],
  installs: { lab: { '/usr/bin/dumb-init': 'dumb-init-1.2.5/dumb-init' } },
};

/** tini 0.19.0-1+b3 as Debian packages it (golden 33's execve chain: /usr/bin/tini). */
const tiniPackage: Package = {
  name: 'tini 0.19.0-1+b3',
  programs: ['tini-0.19.0/tini'],
  installs: { lab: { '/usr/bin/tini': 'tini-0.19.0/tini' } },
};

/** Debian's redis-server 5:7.0.15-1~deb12u10 (golden 33: /usr/bin/redis-server). */
const redis: Package = {
  name: 'redis-server 5:7.0.15-1~deb12u10',
  programs: ['redis-7.0.15/redis-server'],
  installs: { lab: { '/usr/bin/redis-server': 'redis-7.0.15/redis-server' } },
};

/** Tools that start, switch and signal processes (kill, setpriv, su, tini, redis-server …). */
export const PROCESS_TOOL_PACKAGES: readonly Package[] = [
  procpsKill,
  utilLinux,
  coreutilsChroot,
  suExecPackage,
  tiniPackage,
  dumbInitPackage,
  redis,
];
