import { Credentials } from '../kernel/credentials.ts';
import type { Kernel, SpawnOptions } from '../kernel/kernel.ts';
import type { Process } from '../kernel/process.ts';

type Place = Pick<SpawnOptions, 'parent' | 'pidns' | 'creds' | 'mnt' | 'cwd' | 'hostname'>;

/**
 * Where the daemon's own processes start (a build's dockerd, a container's
 * containerd-shim, docker top's ps): on the host, children of its init,
 * root, in the host's mounts and hostname, in /.
 */
export function onHostAsRoot(kernel: Kernel, init: Process): Place {
  return {
    parent: init,
    pidns: kernel.rootNs,
    creds: new Credentials(0, 0),
    mnt: init.mnt,
    cwd: '/',
    hostname: init.hostname,
  };
}
