import type { Credentials } from './credentials.ts';
import type { FdTable } from './files.ts';
import type { PidNamespace } from './pid-namespace.ts';
import type { Disposition, ProcessGen, Syscall } from './syscall-api.ts';
import type { MountNamespace } from './vfs/mount-namespace.ts';
import type { ProcessRef } from './events.ts';
import type { TaskGroup } from './task-group.ts';

/**
 * Process states as ps(1) prints them: R running or runnable, S sleeping,
 * T stopped, Z zombie (exited, not yet reaped).
 */
export type ProcessState = 'R' | 'S' | 'T' | 'Z';

/** Why a blocked process waits, and how to tell when it may go on. */
export interface Blocker {
  /** The result to resume with, or undefined to keep waiting. */
  poll(): { value: unknown } | undefined;
  /** Absolute time (ms) at which poll() should be tried again. */
  readonly deadline?: number;
  /** A signal interrupts the wait (EINTR) unless the wait is uninterruptible. */
  readonly interruptible: boolean;
}

/** A coroutine frame: the program, or a signal handler running on top of it. */
export interface Frame {
  readonly gen: Generator<Syscall, unknown, unknown>;
  /** What the interrupted call gets when a handler frame finishes (EINTR), if anything. */
  readonly resumeWith?: { value: unknown };
}

/** Memory and thread figures a program declares, for ps's VSZ, RSS and STAT 'l'. */
export interface ProgramImage {
  readonly name: string;
  readonly vszKb: number;
  readonly rssKb: number;
}

export class Process {
  /** PID in each namespace from the root (index 0) down to its own. */
  readonly pids: number[];
  readonly pidns: PidNamespace;
  parent: Process | null;
  readonly children = new Set<Process>();
  /** Its children that have exited and wait to be reaped: waitpid(-1) finds one without a scan. */
  readonly zombieChildren = new Set<Process>();
  /** Its place among its parent's children: fork and reparenting append (list_add_tail). */
  childOrder = 0;
  pgid: Process['hostPid'];
  sid: Process['hostPid'];
  creds: Credentials;
  mnt: MountNamespace;
  cwd: string;
  umask = 0o022;
  hostname: string;
  fds: FdTable;
  argv: readonly string[] = [];
  comm = '';
  image: ProgramImage = { name: '', vszKb: 0, rssKb: 0 };
  state: ProcessState = 'R';
  /** How many threads (1 = single-threaded); extra threads take PIDs. */
  threadPids: number[] = [];
  dispositions = new Map<number, Disposition>();
  readonly pending = new Set<number>();
  /** The signal mask (sigprocmask(2)): blocked signals stay pending until unblocked or waited for. */
  blocked = new Set<number>();
  frames: Frame[] = [];
  /** The value the next resume passes into the top frame. */
  resumeValue: unknown = undefined;
  blocker: Blocker | null = null;
  /** Wait status once exited. */
  exitStatus = 0;
  readonly startTime: number;
  /** The controlling terminal's name for ps's TTY column ("pts/0"), or null. */
  ttyName: string | null = null;
  /** The foreground process group of the controlling terminal, if any. */
  foregroundPgid: () => number | null = () => null;
  /** A process that nobody waits for (kernel-made) is reaped as soon as it exits. */
  autoReap = false;
  /** A stop or continue the parent has not collected with waitpid(WUNTRACED / WCONTINUED) yet. */
  waitReport:
    { readonly kind: 'stopped'; readonly sig: number } | { readonly kind: 'continued' } | null =
    null;
  /** prctl(PR_SET_CHILD_SUBREAPER): orphaned descendants are reparented here, not to init. */
  childSubreaper = false;
  /** prctl(PR_SET_PDEATHSIG): the signal this process gets when its parent dies (0: none). */
  pdeathsig = 0;
  /** Steps it may still run ahead of the busy processes since it woke (run-queue.ts). */
  wakeCredit = 0;
  /** The real uid this process counts against (RLIMIT_NPROC), until it is reaped. */
  chargedUid: number | undefined = undefined;
  /** The pids cgroup it counts in until it is reaped, if any. */
  taskGroup: TaskGroup | null = null;

  constructor(init: {
    pids: number[];
    pidns: PidNamespace;
    parent: Process | null;
    creds: Credentials;
    mnt: MountNamespace;
    cwd: string;
    hostname: string;
    fds: FdTable;
    startTime: number;
  }) {
    this.pids = init.pids;
    this.pidns = init.pidns;
    this.parent = init.parent;
    this.creds = init.creds;
    this.mnt = init.mnt;
    this.cwd = init.cwd;
    this.hostname = init.hostname;
    this.fds = init.fds;
    this.startTime = init.startTime;
    this.pgid = this.hostPid;
    this.sid = this.hostPid;
  }

  /** The PID the host (root namespace) sees. */
  get hostPid(): number {
    return this.pids[0] as number;
  }

  /** The PID inside its own namespace. */
  get pid(): number {
    return this.pids[this.pids.length - 1] as number;
  }

  /** The PID as seen from a namespace, or 0 when the process is not visible there. */
  pidIn(ns: PidNamespace): number {
    return ns.level < this.pids.length && ns.contains(this.pidns)
      ? (this.pids[ns.level] as number)
      : 0;
  }

  /** Is this process its namespace's init (PID 1 there)? */
  get isNamespaceInit(): boolean {
    return this.pid === 1;
  }

  get alive(): boolean {
    return this.state !== 'Z';
  }

  ref(): ProcessRef {
    return { hostPid: this.hostPid, pid: this.pid, comm: this.comm };
  }

  /** Starts a program in this process, replacing whatever ran before. */
  load(gen: ProcessGen): void {
    this.frames = [{ gen }];
    this.resumeValue = undefined;
  }
}
