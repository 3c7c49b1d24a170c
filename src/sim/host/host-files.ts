import { DEBIAN_GROUP, DEBIAN_PASSWD } from '../docker/images/debian-users.ts';
import { baseDirectories, usrMerge } from '../docker/images/image.ts';
import { installPackages } from '../userland/packages/index.ts';
import type { TreeBuilder } from '../kernel/vfs/tree-builder.ts';

/**
 * The simulated host (architecture.md, "The simulated world"): Debian 12,
 * user `learner` (uid 1000) in groups learner and docker, home
 * /home/learner. The docker group is 998 so that no host name covers the
 * 999 that a container's redis user writes (`ls -l` on the host shows
 * "999 999").
 */
export const HOST_USER = { name: 'learner', uid: 1000, gid: 1000, home: '/home/learner' } as const;
export const DOCKER_GID = 998;
export const HOSTNAME = 'host';
/** Debian's default PATH for ordinary users (/etc/profile). */
export const USER_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/games:/usr/games';

export function buildHostTree(tree: TreeBuilder): void {
  baseDirectories(tree);
  usrMerge(tree);
  tree.file('/etc/hostname', `${HOSTNAME}\n`);
  tree.file(
    '/etc/passwd',
    DEBIAN_PASSWD + 'learner:x:1000:1000:Learner,,,:/home/learner:/bin/bash\n',
  );
  tree.file('/etc/group', DEBIAN_GROUP + `docker:x:${DOCKER_GID}:learner\nlearner:x:1000:\n`);
  tree.dir(HOST_USER.home, { uid: HOST_USER.uid, gid: HOST_USER.gid, perm: 0o750 });
  installPackages(tree, 'host');
}
