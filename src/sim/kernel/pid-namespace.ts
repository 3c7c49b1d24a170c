import type { Process } from './process.ts';

/**
 * A PID namespace (pid_namespaces(7)). Its first process is PID 1, the
 * namespace's init. Every process has one PID in its own namespace and one in
 * each ancestor, so the host sees container processes under other numbers.
 */
export class PidNamespace {
  readonly parent: PidNamespace | null;
  readonly level: number;
  private nextPid: number;
  private readonly byPid = new Map<number, Process>();
  /** Changes whenever a PID is registered or released (procfs caches its listing by it). */
  version = 0;
  /** Set once init has died: the kernel refuses new processes (fork fails with ENOMEM). */
  dead = false;

  constructor(parent: PidNamespace | null, firstPid = 1) {
    this.parent = parent;
    this.level = parent ? parent.level + 1 : 0;
    this.nextPid = firstPid;
  }

  /** Linux hands out PIDs in increasing order (alloc_pid, cyclic). */
  allocate(): number {
    return this.nextPid++;
  }

  register(pid: number, process: Process): void {
    this.byPid.set(pid, process);
    this.version++;
  }

  release(pid: number): void {
    this.byPid.delete(pid);
    this.version++;
  }

  find(pid: number): Process | undefined {
    return this.byPid.get(pid);
  }

  /** PID 1 of this namespace, while it lives. */
  get init(): Process | undefined {
    return this.byPid.get(1);
  }

  /** Is this namespace the same as, or an ancestor of, `other`? */
  contains(other: PidNamespace): boolean {
    for (let ns: PidNamespace | null = other; ns; ns = ns.parent) if (ns === this) return true;
    return false;
  }

  processes(): Process[] {
    return [...new Set(this.byPid.values())];
  }
}
