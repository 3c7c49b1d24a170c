import { chroot } from '../chroot/chroot.ts';
import { dumbInit } from '../dumb-init/dumb-init.ts';
import { kill } from '../procps/kill.ts';
import { redisServer } from '../redis/redis-server.ts';
import { tini } from '../tini/tini.ts';
import { suExec } from '../su-exec/su-exec.ts';
import { setpriv } from '../util-linux/setpriv.ts';
import { runuser, su } from '../util-linux/su.ts';
import type { Package } from './package.ts';

/** procps's /usr/bin/kill (ps itself is in core.ts). */
const procpsKill: Package = {
  name: 'procps 2:4.0.2-3 (kill)',
  deb: 'procps',
  programs: [kill],
  installs: {
    host: { '/usr/bin/kill': 'procps-4.0.2/kill' },
    lab: { '/usr/bin/kill': 'procps-4.0.2/kill' },
  },
};

/** util-linux 2.38.1-5+deb12u3: the paths of golden 05's execve chain and Debian's package. */
const utilLinux: Package = {
  name: 'util-linux 2.38.1-5+deb12u3',
  programs: [setpriv, su, runuser],
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
  programs: [chroot],
  installs: { lab: { '/usr/sbin/chroot': 'coreutils-9.1/chroot' } },
};

/** su-exec v0.3 built from ncopa/su-exec; not packaged in Debian 12, the recorder copies it to /usr/local/bin (golden README). */
const suExecPackage: Package = {
  name: 'su-exec 0.3 (built from source)',
  programs: [suExec],
  installs: { lab: { '/usr/local/bin/su-exec': 'su-exec-0.3/su-exec' } },
};

/** dumb-init 1.2.5-2 as Debian packages it. */
const dumbInitPackage: Package = {
  name: 'dumb-init 1.2.5-2',
  programs: [dumbInit],
  installs: { lab: { '/usr/bin/dumb-init': 'dumb-init-1.2.5/dumb-init' } },
};

/** tini 0.19.0-1+b3 as Debian packages it (golden 33's execve chain: /usr/bin/tini). */
const tiniPackage: Package = {
  name: 'tini 0.19.0-1+b3',
  programs: [tini],
  installs: { lab: { '/usr/bin/tini': 'tini-0.19.0/tini' } },
};

/** Debian's redis-server 5:7.0.15-1~deb12u10 (golden 33: /usr/bin/redis-server). */
const redis: Package = {
  name: 'redis-server 5:7.0.15-1~deb12u10',
  programs: [redisServer],
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
