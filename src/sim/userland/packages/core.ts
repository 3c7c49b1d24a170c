import type { Package } from './package.ts';

const coreutils: Package = {
  name: 'coreutils 9.1-1',
  deb: 'coreutils',
  programs: [
    'coreutils/true',
    'coreutils/false',
    'coreutils/id',
    'coreutils/whoami',
    'coreutils/sleep',
  ],
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
  programs: ['procps-4.0.2/ps', 'procps-3.3.9/ps'],
  installs: {
    host: { '/usr/bin/ps': 'procps-4.0.2/ps' },
    lab: { '/usr/bin/ps': 'procps-4.0.2/ps' },
    trusty: { '/bin/ps': 'procps-3.3.9/ps' },
  },
};

const sudo: Package = {
  name: 'sudo 1.9.13p3-1+deb12u4',
  programs: ['sudo-1.9.13p3/sudo', 'sudo-1.8.9p5/sudo'],
  installs: {
    lab: { '/usr/bin/sudo': 'sudo-1.9.13p3/sudo' },
    trusty: { '/usr/bin/sudo': 'sudo-1.8.9p5/sudo' },
  },
  setuid: ['/usr/bin/sudo'],
};

const gosuPackage: Package = {
  name: 'gosu 1.14-1+b10',
  programs: ['gosu-1.14/gosu'],
  // gosu's Dockerfile.test-alpine installs it in /usr/local/bin.
  installs: {
    lab: { '/usr/sbin/gosu': 'gosu-1.14/gosu' },
    alpine: { '/usr/local/bin/gosu': 'gosu-1.14/gosu' },
  },
};

const busybox: Package = {
  name: 'busybox 1:1.35.0-4+deb12u1+b1 (Debian) / busybox (Alpine)',
  programs: ['busybox-1.35.0-debian/busybox', 'busybox-alpine/busybox'],
  installs: {
    lab: { '/usr/bin/busybox': 'busybox-1.35.0-debian/busybox' },
    alpine: { '/bin/busybox': 'busybox-alpine/busybox', '/bin/ps': { symlinkTo: '/bin/busybox' } },
  },
};

/** The host's init (the simulator boots it; src/sim/userland/init.ts). */
export const SYSTEMD_PACKAGE: Package = {
  name: 'systemd 252.39-1~deb12u2',
  programs: ['systemd/init'],
  installs: {
    host: {
      '/usr/lib/systemd/systemd': 'systemd/init',
      '/sbin/init': { symlinkTo: '/usr/lib/systemd/systemd' },
    },
  },
};

/** The Docker client and the container runtime's shim (the daemon comes with them: src/sim/pieces/docker.ts). */
export const DOCKER_PACKAGE: Package = {
  name: 'docker-ce-cli 28.2.2, containerd.io',
  programs: ['docker-28.2.2/docker', 'containerd/containerd-shim-runc-v2'],
  installs: {
    host: {
      '/usr/bin/docker': 'docker-28.2.2/docker',
      // docker-ce ships tini as docker-init; `docker run --init` mounts it at /sbin/docker-init.
      '/usr/bin/docker-init': 'tini-0.19.0/tini',
      '/usr/bin/containerd-shim-runc-v2': 'containerd/containerd-shim-runc-v2',
    },
  },
};

export const CORE_PACKAGES: readonly Package[] = [coreutils, procps, sudo, gosuPackage, busybox];
