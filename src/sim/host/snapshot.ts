import { stateString } from '../docker/container-state.ts';
import type { DockerEngine } from '../docker/engine.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { ProcessState } from '../kernel/process.ts';

/** One process as a panel shows it: host and in-namespace PIDs, identity, state and command. */
export interface ProcessSnapshot {
  readonly hostPid: number;
  /** PID inside the process's own namespace (1 for a container's init). */
  readonly pid: number;
  /** Parent's PID as the process's namespace sees it (0 when the parent is outside). */
  readonly ppid: number;
  readonly ruid: number;
  readonly euid: number;
  readonly egid: number;
  readonly groups: readonly number[];
  readonly state: ProcessState;
  readonly comm: string;
  readonly argv: readonly string[];
  readonly threads: number;
  /** The container (short id) the process runs in, or null on the host. */
  readonly container: string | null;
}

/** One container as `docker inspect` would describe its state (moby's State), for panels and checks. */
export interface ContainerSnapshot {
  /** The full id (64 hex digits); processes name a container by its first 12. */
  readonly id: string;
  readonly name: string;
  /** The image as `docker run` was given it. */
  readonly image: string;
  /** created, running or exited (moby's State.StateString). */
  readonly state: string;
  /** The status `docker ps` and `docker wait` report once it has exited: 137 after SIGKILL, 143 after SIGTERM. */
  readonly exitCode: number;
  /** The host PID of its PID 1 while it runs, else null. */
  readonly hostPid: number | null;
  /** -u/--user, or the image's USER ('' for root by default). */
  readonly user: string;
  /** Virtual times in ms since the epoch; 0 until it has started or finished. */
  readonly startedAt: number;
  readonly finishedAt: number;
}

export interface HostSnapshot {
  /** Virtual time, ms since the epoch. */
  readonly now: number;
  readonly processes: readonly ProcessSnapshot[];
  /** Every container the daemon knows, running or not, in creation order. */
  readonly containers: readonly ContainerSnapshot[];
}

/** A copy of the process table, for panels and tests: nothing in it refers back to live objects. */
export function snapshot(kernel: Kernel, engine: DockerEngine | undefined): HostSnapshot {
  const containerOf = new Map<unknown, string>();
  for (const container of engine?.list() ?? []) {
    const init = engine?.initProcess(container);
    if (init) containerOf.set(init.pidns, container.id.slice(0, 12));
  }
  const processes = [...kernel.processes.values()]
    .sort((a, b) => a.hostPid - b.hostPid)
    .map((p) => ({
      hostPid: p.hostPid,
      pid: p.pid,
      ppid: p.parent ? p.parent.pidIn(p.pidns) : 0,
      ruid: p.creds.ruid,
      euid: p.creds.euid,
      egid: p.creds.egid,
      groups: [...p.creds.groups],
      state: p.state,
      comm: p.comm,
      argv: [...p.argv],
      threads: 1 + p.threadPids.length,
      container: containerOf.get(p.pidns) ?? null,
    }));
  const containers = (engine?.list() ?? []).map((c) => ({
    id: c.id,
    name: c.name,
    image: c.imageRef,
    state: stateString(c),
    exitCode: c.exitCode,
    hostPid: c.state === 'running' ? (c.initPid ?? null) : null,
    user: c.config.user,
    startedAt: c.startedAt,
    finishedAt: c.finishedAt,
  }));
  return { now: kernel.clock.now(), processes, containers };
}
