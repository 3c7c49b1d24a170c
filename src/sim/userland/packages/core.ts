import { falseProgram, trueProgram } from '../coreutils/true-false.ts';
import { id } from '../coreutils/id.ts';
import { sleep } from '../coreutils/sleep.ts';
import { whoami } from '../coreutils/whoami.ts';
import { ALPINE_BUSYBOX, createBusybox, DEBIAN_BUSYBOX } from '../busybox/busybox.ts';
import { docker } from '../docker-cli/docker.ts';
import { gosu } from '../gosu/gosu.ts';
import { init } from '../init.ts';
import { createProcpsPs } from '../procps/ps.ts';
import { containerdShim } from '../runtime/containerd-shim.ts';
import { createSudo } from '../sudo/sudo.ts';
import type { Package } from './package.ts';

const coreutils: Package = {
  name: 'coreutils 9.1-1',
  deb: 'coreutils',
  programs: [trueProgram, falseProgram, id, whoami, sleep],
  installs: {
    host: {
      '/usr/bin/id': 'coreutils/id',
      '/usr/bin/whoami': 'coreutils/whoami',
      '/usr/bin/sleep': 'coreutils/sleep',
      '/usr/bin/true': 'coreutils/true',
      '/usr/bin/false': 'coreutils/false',
    },
    lab: {
      '/usr/bin/id': 'coreutils/id',
      '/usr/bin/whoami': 'coreutils/whoami',
      '/usr/bin/sleep': 'coreutils/sleep',
      '/usr/bin/true': 'coreutils/true',
      '/usr/bin/false': 'coreutils/false',
    },
    // Ubuntu 14.04 (coreutils 8.21) keeps true, false and sleep in /bin.
    trusty: {
      '/usr/bin/id': 'coreutils/id',
      '/usr/bin/whoami': 'coreutils/whoami',
      '/bin/sleep': 'coreutils/sleep',
      '/bin/true': 'coreutils/true',
      '/bin/false': 'coreutils/false',
    },
  },
};

const procps: Package = {
  name: 'procps 2:4.0.2-3',
  deb: 'procps',
  programs: [
    createProcpsPs({
      name: 'procps-4.0.2/ps',
      memory: { vszKb: 8116, rssKb: 4260 },
      pidWidth: 'pid_max',
    }),
    // Ubuntu 14.04's procps 3.3.9: VSZ and RSS of `ps aux` in the seed article's table.
    createProcpsPs({ name: 'procps-3.3.9/ps', memory: { vszKb: 15568, rssKb: 1140 }, pidWidth: 5 }),
  ],
  installs: {
    host: { '/usr/bin/ps': 'procps-4.0.2/ps' },
    lab: { '/usr/bin/ps': 'procps-4.0.2/ps' },
    trusty: { '/bin/ps': 'procps-3.3.9/ps' },
  },
};

const sudo: Package = {
  name: 'sudo 1.9.13p3-1+deb12u4',
  programs: [
    createSudo({ name: 'sudo-1.9.13p3/sudo', memory: { vszKb: 7648, rssKb: 4380 }, helperPids: 0 }),
    // The seed article's `sudo ps aux` on ubuntu:trusty: sudo's VSZ and RSS, and ps at PID 6.
    createSudo({ name: 'sudo-1.8.9p5/sudo', memory: { vszKb: 46012, rssKb: 1772 }, helperPids: 4 }),
  ],
  installs: {
    lab: { '/usr/bin/sudo': 'sudo-1.9.13p3/sudo' },
    trusty: { '/usr/bin/sudo': 'sudo-1.8.9p5/sudo' },
  },
  setuid: ['/usr/bin/sudo'],
};

const gosuPackage: Package = {
  name: 'gosu 1.14-1+b10',
  programs: [gosu],
  // gosu's Dockerfile.test-alpine installs it in /usr/local/bin.
  installs: {
    lab: { '/usr/sbin/gosu': 'gosu-1.14/gosu' },
    alpine: { '/usr/local/bin/gosu': 'gosu-1.14/gosu' },
  },
};

const busybox: Package = {
  name: 'busybox 1:1.35.0-4+deb12u1+b1 (Debian) / busybox (Alpine)',
  programs: [
    createBusybox('busybox-1.35.0-debian/busybox', DEBIAN_BUSYBOX),
    createBusybox('busybox-alpine/busybox', ALPINE_BUSYBOX),
  ],
  installs: {
    lab: { '/usr/bin/busybox': 'busybox-1.35.0-debian/busybox' },
    alpine: { '/bin/busybox': 'busybox-alpine/busybox', '/bin/ps': { symlinkTo: '/bin/busybox' } },
  },
};

const hostSystem: Package = {
  name: 'systemd, docker-ce-cli 28.2.2, containerd.io',
  programs: [init, docker, containerdShim],
  installs: {
    host: {
      '/usr/lib/systemd/systemd': 'systemd/init',
      '/sbin/init': { symlinkTo: '/usr/lib/systemd/systemd' },
      '/usr/bin/docker': 'docker-28.2.2/docker',
      // docker-ce ships tini as docker-init; `docker run --init` mounts it at /sbin/docker-init.
      '/usr/bin/docker-init': 'tini-0.19.0/tini',
      '/usr/bin/containerd-shim-runc-v2': 'containerd/containerd-shim-runc-v2',
    },
  },
};

export const CORE_PACKAGES: readonly Package[] = [
  coreutils,
  procps,
  sudo,
  gosuPackage,
  busybox,
  hostSystem,
];
