import { ALPINE_GROUP, ALPINE_PASSWD } from './alpine-users.ts';
import { DEBIAN_GROUP, DEBIAN_PASSWD, REDIS_GROUP_LINE, REDIS_PASSWD_LINE } from './debian-users.ts';
import { baseDirectories, IMAGE_PATH, install, usrMerge, type ImageDefinition } from './image.ts';

const COREUTILS_9_1 = {
  '/usr/bin/id': 'coreutils/id',
  '/usr/bin/whoami': 'coreutils/whoami',
  '/usr/bin/true': 'coreutils/true',
  '/usr/bin/false': 'coreutils/false',
  '/usr/bin/sleep': 'coreutils/sleep',
};

/**
 * `lab`: the Debian 12 userland of the machine that recorded ../shared/golden
 * (its README, "Versions recorded"), with the redis user at 999:999. Paths
 * are the ones the recordings' execve chains show (/usr/sbin/gosu, /usr/bin/sudo …).
 */
const lab: ImageDefinition = {
  repository: 'lab',
  tags: ['latest'],
  config: { env: [IMAGE_PATH], cmd: ['bash'], entrypoint: null, workingDir: '/', user: '' },
  build(tree) {
    baseDirectories(tree);
    usrMerge(tree);
    tree.file('/etc/passwd', DEBIAN_PASSWD + REDIS_PASSWD_LINE);
    tree.file('/etc/group', DEBIAN_GROUP + REDIS_GROUP_LINE);
    tree.dir('/home/redis', { uid: 999, gid: 999 });
    install(
      tree,
      {
        ...COREUTILS_9_1,
        '/usr/bin/ps': 'procps-4.0.2/ps',
        '/usr/sbin/gosu': 'gosu-1.14/gosu',
        '/usr/bin/sudo': 'sudo-1.9.13p3/sudo',
        '/usr/bin/bash': 'bash-5.2/bash',
        '/usr/bin/busybox': 'busybox-1.35.0-debian/busybox',
      },
      ['/usr/bin/sudo'],
    );
  },
};

/**
 * `ubuntu:trusty` (Ubuntu 14.04) with sudo, as the seed article and gosu's
 * README use it: procps 3.3.9 and sudo 1.8.9p5, programs under /bin as
 * before the /usr merge. Its user database is approximated by Debian's
 * base-passwd masters (src/sim/LIMITATIONS.md).
 */
const ubuntuTrusty: ImageDefinition = {
  repository: 'ubuntu',
  tags: ['trusty', '14.04'],
  config: { env: [IMAGE_PATH], cmd: ['/bin/bash'], entrypoint: null, workingDir: '', user: '' },
  build(tree) {
    baseDirectories(tree);
    for (const dir of ['/bin', '/sbin', '/usr/bin', '/usr/sbin']) tree.dir(dir);
    tree.file('/etc/passwd', DEBIAN_PASSWD);
    tree.file('/etc/group', DEBIAN_GROUP);
    install(
      tree,
      {
        '/bin/ps': 'procps-3.3.9/ps',
        '/bin/true': 'coreutils/true',
        '/bin/false': 'coreutils/false',
        '/bin/sleep': 'coreutils/sleep',
        '/bin/bash': 'bash-5.2/bash',
        '/usr/bin/id': 'coreutils/id',
        '/usr/bin/whoami': 'coreutils/whoami',
        '/usr/bin/sudo': 'sudo-1.8.9p5/sudo',
      },
      ['/usr/bin/sudo'],
    );
  },
};

/**
 * `gosu/alpine`: Alpine with gosu in /usr/local/bin (as gosu's
 * Dockerfile.test-alpine installs it) and BusyBox for the userland.
 */
const gosuAlpine: ImageDefinition = {
  repository: 'gosu/alpine',
  tags: ['latest'],
  config: { env: [IMAGE_PATH], cmd: ['/bin/sh'], entrypoint: null, workingDir: '', user: '' },
  build(tree) {
    baseDirectories(tree);
    for (const dir of ['/bin', '/sbin', '/usr/bin', '/usr/sbin']) tree.dir(dir);
    tree.file('/etc/passwd', ALPINE_PASSWD);
    tree.file('/etc/group', ALPINE_GROUP);
    install(tree, { '/bin/busybox': 'busybox-alpine/busybox', '/usr/local/bin/gosu': 'gosu-1.14/gosu' });
    tree.symlink('/bin/ps', '/bin/busybox');
  },
};

export const IMAGE_DEFINITIONS: readonly ImageDefinition[] = [lab, ubuntuTrusty, gosuAlpine];
