import { installDebianBase } from '../../userland/apt/image-install.ts';
import { installPackages } from '../../userland/packages/index.ts';
import { nopComment, nopCommentString } from '../build/created-by.ts';
import { ALPINE_GROUP, ALPINE_PASSWD } from './alpine-users.ts';
import { DEBIAN_GROUP, DEBIAN_PASSWD } from './debian-users.ts';
import { baseDirectories, IMAGE_PATH, imageId, type ImageDefinition } from './image.ts';

/**
 * /etc/passwd of debian:stretch (base-passwd 3.5, before 3.6 dropped gnats and
 * moved irc's home to /run; apt 1.4's postinst added _apt as the first
 * system user, uid 100): as Debian 9 containers show it (search corpus
 * "code": the DVWA image's /etc/passwd, id 53788177849, and id 68490890328).
 */
const STRETCH_PASSWD = `root:x:0:0:root:/root:/bin/bash
daemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin
bin:x:2:2:bin:/bin:/usr/sbin/nologin
sys:x:3:3:sys:/dev:/usr/sbin/nologin
sync:x:4:65534:sync:/bin:/bin/sync
games:x:5:60:games:/usr/games:/usr/sbin/nologin
man:x:6:12:man:/var/cache/man:/usr/sbin/nologin
lp:x:7:7:lp:/var/spool/lpd:/usr/sbin/nologin
mail:x:8:8:mail:/var/mail:/usr/sbin/nologin
news:x:9:9:news:/var/spool/news:/usr/sbin/nologin
uucp:x:10:10:uucp:/var/spool/uucp:/usr/sbin/nologin
proxy:x:13:13:proxy:/bin:/usr/sbin/nologin
www-data:x:33:33:www-data:/var/www:/usr/sbin/nologin
backup:x:34:34:backup:/var/backups:/usr/sbin/nologin
list:x:38:38:Mailing List Manager:/var/list:/usr/sbin/nologin
irc:x:39:39:ircd:/var/run/ircd:/usr/sbin/nologin
gnats:x:41:41:Gnats Bug-Reporting System (admin):/var/lib/gnats:/usr/sbin/nologin
nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin
_apt:x:100:65534::/nonexistent:/bin/false
`;

/** Debian 9's /etc/group: Debian 12's with base-passwd 3.5's gnats (group 41). */
const STRETCH_GROUP = DEBIAN_GROUP.replace('src:x:40:\n', 'src:x:40:\ngnats:x:41:\n');

/**
 * The official images' Dockerfiles are `FROM scratch`, `ADD <root file
 * system tarball> /` and `CMD` (docker-library: debuerreotype's
 * docker-debian-artifacts, alpine's docker-alpine): the classic builder
 * recorded them as these two history rows (created-by.ts).
 */
function scratchHistory(name: string, cmd: string): string[] {
  return [
    nopCommentString(`ADD file:${imageId(`${name} rootfs`)} in / `),
    nopComment(`CMD ["${cmd}"]`),
  ];
}

function debian(
  tags: readonly string[],
  codename: 'stretch' | 'bookworm',
  users: { passwd: string; group: string },
): ImageDefinition {
  return {
    repository: 'debian',
    tags,
    config: { env: [IMAGE_PATH], cmd: ['bash'], entrypoint: null, workingDir: '', user: '' },
    history: scratchHistory(`debian:${tags[0] ?? ''}`, 'bash'),
    build(tree) {
      baseDirectories(tree);
      for (const dir of ['/var/lib/dpkg/info', '/etc/apt/apt.conf.d']) tree.dir(dir);
      tree.file('/etc/passwd', users.passwd);
      tree.file('/etc/group', users.group);
      installDebianBase(tree, codename);
    },
  };
}

/**
 * Debian's base images: what debootstrap's minbase variant installs (the
 * apt archive's base package list), so `ps` is missing until
 * `apt-get install procps`, as the seed article found. debian:bookworm and
 * debian:bookworm-slim differ only by documentation the simulator does not
 * carry (src/sim/LIMITATIONS.md).
 */
export const DEBIAN_STRETCH_SLIM = debian(['stretch-slim', '9-slim'], 'stretch', {
  passwd: STRETCH_PASSWD,
  group: STRETCH_GROUP,
});
export const DEBIAN_BOOKWORM_SLIM = debian(['bookworm-slim', '12-slim'], 'bookworm', {
  passwd: DEBIAN_PASSWD,
  group: DEBIAN_GROUP,
});
export const DEBIAN_BOOKWORM = debian(['bookworm', '12', 'latest'], 'bookworm', {
  passwd: DEBIAN_PASSWD,
  group: DEBIAN_GROUP,
});

/** `alpine`: the Alpine userland (BusyBox), as gosu/alpine has it without gosu. */
export const ALPINE: ImageDefinition = {
  repository: 'alpine',
  tags: ['latest'],
  config: { env: [IMAGE_PATH], cmd: ['/bin/sh'], entrypoint: null, workingDir: '', user: '' },
  history: scratchHistory('alpine:latest', '/bin/sh'),
  build(tree) {
    baseDirectories(tree);
    for (const dir of ['/bin', '/sbin', '/usr/bin', '/usr/sbin']) tree.dir(dir);
    tree.file('/etc/passwd', ALPINE_PASSWD);
    tree.file('/etc/group', ALPINE_GROUP);
    installPackages(tree, 'alpine');
    tree.dir('/usr/local/bin').entries.delete('gosu');
  },
};

export const BASE_IMAGES: readonly ImageDefinition[] = [
  DEBIAN_STRETCH_SLIM,
  DEBIAN_BOOKWORM_SLIM,
  DEBIAN_BOOKWORM,
  ALPINE,
];
