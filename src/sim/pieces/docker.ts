/**
 * The Docker piece (ADR 0010): the client, containerd's shim and the daemon
 * with its images, Dockerfiles and builder. Like dockerd behind systemd's
 * docker.socket, the daemon starts when a client first connects.
 */
import type { Program } from '../kernel/exec.ts';
import { docker } from '../userland/docker-cli/docker.ts';
import { containerdShim } from '../userland/runtime/containerd-shim.ts';

export { startDockerDaemon } from '../docker/daemon.ts';

export const programs: readonly Program[] = [docker, containerdShim];
