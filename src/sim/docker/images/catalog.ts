import { ALPINE_GROUP, ALPINE_PASSWD } from './alpine-users.ts';
import { DEBIAN_GROUP, DEBIAN_PASSWD, REDIS_GROUP_LINE, REDIS_PASSWD_LINE } from './debian-users.ts';
import { installPackages } from '../../userland/packages/index.ts';
import { baseDirectories, IMAGE_PATH, usrMerge, type ImageDefinition } from './image.ts';
import { BASE_IMAGES } from './base-images.ts';

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
    installPackages(tree, 'lab');
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
    installPackages(tree, 'trusty');
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
    installPackages(tree, 'alpine');
  },
};

export const IMAGE_DEFINITIONS: readonly ImageDefinition[] = [
  lab,
  ubuntuTrusty,
  gosuAlpine,
  ...BASE_IMAGES,
];
