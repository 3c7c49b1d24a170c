import { Clock } from './clock.ts';
import { Credentials } from './credentials.ts';
import { Errno } from './errno.ts';
import { EventStream, type KernelEvent } from './events.ts';
import { FdTable, type OpenFile } from './files.ts';
import type { Outcome } from './outcome.ts';
import { PidNamespace } from './pid-namespace.ts';
import { Process } from './process.ts';
import type { ProcessGen, Syscall } from './syscall-api.ts';
import { dispatch } from './syscalls/dispatch.ts';
import { deliverPending } from './signal.ts';
import { exitProcess } from './exit.ts';
import { signaled } from './wait-status.ts';
import type { MountNamespace } from './vfs/mount-namespace.ts';
import type { ProgramLoader } from './exec.ts';
import type { Inode } from './vfs/inode.ts';
import { ByteGenerator } from './devices.ts';
import { RunQueue, WAKE_CREDIT } from './run-queue.ts';
import { TimerQueue } from './timer-queue.ts';
import type { TaskGroup } from './task-group.ts';

/** A service reachable from processes through the `service` system call (a Unix socket). */
export type ServiceHandler = (caller: Process, request: unknown) => Outcome;

export interface KernelOptions {
  readonly startMs: number;
  readonly loader: ProgramLoader;
  /** The root namespace's first free PID after boot. */
  readonly firstHostPid?: number;
  /** The most processes that may exist at once (threads-max); fork fails with EAGAIN beyond it. */
  readonly maxProcesses?: number;
  /** RLIMIT_NPROC of every process (default: maxProcesses / 2, as Linux's fork_init sets it). */
  readonly maxUserProcesses?: number;
  /** How long the host has been up when the simulation starts. */
  readonly uptimeMs?: number;
}

export interface SpawnOptions {
  readonly parent: Process | null;
  readonly pidns: PidNamespace;
  readonly creds: Credentials;
  readonly mnt: MountNamespace;
  readonly cwd: string;
  readonly hostname: string;
  readonly stdio: readonly [OpenFile, OpenFile, OpenFile];
  readonly main: () => ProcessGen;
  readonly comm: string;
  readonly argv: readonly string[];
  /** The pids cgroup it starts in (a login's user slice); a forked child stays in its parent's. */
  readonly taskGroup?: TaskGroup;
}

/** SIGSEGV: what a program that crashes inside the simulator dies of. */
const SIGSEGV = 11;

/**
 * The simulated Linux kernel: the process table, the scheduler and the clock.
 * Processes are generators; one step runs a process until its next system call.
 */
export class Kernel {
  readonly clock: Clock;
  readonly events = new EventStream();
  readonly rootNs: PidNamespace;
  readonly loader: ProgramLoader;
  readonly services = new Map<string, ServiceHandler>();
  readonly maxProcesses: number;
  /**
   * RLIMIT_NPROC (`ulimit -u`): how many processes one real user may have, zombies
   * included; root and holders of CAP_SYS_RESOURCE or CAP_SYS_ADMIN are not held to it.
   */
  readonly maxUserProcesses: number;
  /** When the host booted: /proc/uptime and ps START count from it. */
  readonly bootTime: number;
  /** Every process, alive or zombie, by host PID. */
  readonly processes = new Map<number, Process>();
  private readonly runQueue = new RunQueue();
  private readonly sleepers = new Set<Process>();
  private readonly timers = new TimerQueue();
  /** Processes per real uid, zombies included (the kernel's per-user count for RLIMIT_NPROC). */
  private readonly userProcesses = new Map<number, number>();
  private readonly inodeNumbers = new WeakMap<Inode, number>();
  /** The source of /dev/urandom's bytes. */
  readonly randomBytes = new ByteGenerator();
  /** ext4 numbers its root directory 2; the simulator counts on from there. */
  private nextInode = 2;

  constructor(options: KernelOptions) {
    this.clock = new Clock(options.startMs);
    this.loader = options.loader;
    this.rootNs = new PidNamespace(null, options.firstHostPid ?? 1);
    this.maxProcesses = options.maxProcesses ?? 32_768;
    // kernel/fork.c fork_init(): init's RLIMIT_NPROC is max_threads / 2, and every process inherits it.
    this.maxUserProcesses = options.maxUserProcesses ?? Math.floor(this.maxProcesses / 2);
    this.bootTime = options.startMs - (options.uptimeMs ?? 3_600_000);
  }

  /** An inode's number on this host, given the first time anyone looks at it. */
  inodeNumber(inode: Inode): number {
    let ino = this.inodeNumbers.get(inode);
    if (ino === undefined) this.inodeNumbers.set(inode, (ino = this.nextInode++));
    return ino;
  }

  emit(event: KernelEvent): void {
    this.events.emit(event);
  }

  /** Creates a process from outside any program (the boot, the container runtime's daemon side). */
  spawn(options: SpawnOptions): Process {
    const process = this.createProcess(options.parent, options.pidns, {
      creds: options.creds,
      mnt: options.mnt,
      cwd: options.cwd,
      hostname: options.hostname,
      fds: FdTable.fromStdio(...options.stdio),
      taskGroup: options.taskGroup ?? null,
    });
    process.comm = options.comm;
    process.argv = options.argv;
    process.load(options.main());
    this.enqueue(process);
    return process;
  }

  createProcess(
    parent: Process | null,
    pidns: PidNamespace,
    init: {
      creds: Credentials;
      mnt: MountNamespace;
      cwd: string;
      hostname: string;
      fds: FdTable;
      taskGroup: TaskGroup | null;
    },
  ): Process {
    const chain: PidNamespace[] = [];
    for (let ns: PidNamespace | null = pidns; ns; ns = ns.parent) chain.unshift(ns);
    const pids = chain.map((ns) => ns.allocate());
    const { taskGroup, ...rest } = init;
    const process = new Process({ pids, pidns, parent, startTime: this.clock.now(), ...rest });
    process.taskGroup = taskGroup;
    if (taskGroup) taskGroup.count++;
    chain.forEach((ns, level) => ns.register(pids[level] as number, process));
    this.processes.set(process.hostPid, process);
    process.childOrder = this.nextChildOrder();
    parent?.children.add(process);
    this.charge(process, init.creds.ruid);
    return process;
  }

  private childOrders = 0;

  /** A number that orders a parent's children as Linux's children list does. */
  nextChildOrder(): number {
    return ++this.childOrders;
  }

  countLiving(): number {
    return this.processes.size;
  }

  /** fork(2)'s RLIMIT_NPROC check (copy_process): the parent's real user has all it may have. */
  atUserLimit(parent: Process): boolean {
    const creds = parent.creds;
    if (creds.ruid === 0 || creds.has('CAP_SYS_RESOURCE') || creds.has('CAP_SYS_ADMIN'))
      return false;
    return (this.userProcesses.get(creds.ruid) ?? 0) >= this.maxUserProcesses;
  }

  /** Counts a process for its real user; a change of real uid moves it (commit_creds). */
  charge(process: Process, ruid: number): void {
    this.unchargeUser(process);
    process.chargedUid = ruid;
    this.userProcesses.set(ruid, (this.userProcesses.get(ruid) ?? 0) + 1);
  }

  /** A process reaped (release_task) no longer counts, for its user nor in its pids cgroup. */
  uncharge(process: Process): void {
    this.unchargeUser(process);
    if (process.taskGroup) process.taskGroup.count--;
    process.taskGroup = null;
  }

  private unchargeUser(process: Process): void {
    const uid = process.chargedUid;
    if (uid === undefined) return;
    process.chargedUid = undefined;
    const left = (this.userProcesses.get(uid) ?? 1) - 1;
    if (left > 0) this.userProcesses.set(uid, left);
    else this.userProcesses.delete(uid);
  }

  enqueue(process: Process): void {
    if (process.alive) this.runQueue.add(process);
  }

  /** Re-checks why a process sleeps and resumes it if it may go on. */
  wake(process: Process): void {
    const blocker = process.blocker;
    if (!blocker) return;
    const ready = blocker.poll();
    if (ready) this.unblock(process, ready.value);
  }

  /** Re-checks every sleeper, e.g. when code some of them wait for has arrived (on-demand.ts). */
  wakeAll(): void {
    for (const process of [...this.sleepers]) this.wake(process);
  }

  unblock(process: Process, value: unknown): void {
    process.blocker = null;
    process.wakeCredit = WAKE_CREDIT;
    this.sleepers.delete(process);
    if (process.state === 'S') process.state = 'R';
    process.resumeValue = value;
    this.enqueue(process);
  }

  /** Interrupts an interruptible sleep so a signal can be acted on (the call returns EINTR). */
  interrupt(process: Process): void {
    if (process.blocker?.interruptible) this.unblock(process, new Errno('EINTR'));
  }

  /** Runs processes until all are blocked or the step budget is spent. */
  run(budget: number): 'idle' | 'budget' {
    for (let steps = 0; steps < budget; steps++) {
      const process = this.dequeue();
      if (!process) return 'idle';
      this.step(process);
    }
    return this.hasRunnable() ? 'budget' : 'idle';
  }

  hasRunnable(): boolean {
    return this.runQueue.size > 0;
  }

  /** The earliest time a sleeping process wants to be woken, if any. */
  nextDeadline(): number | undefined {
    return this.timers.next();
  }

  /** Moves the clock forward and wakes the sleepers whose time has come. */
  advanceTo(ms: number): void {
    const from = this.clock.now();
    if (ms <= from) return;
    this.clock.advanceTo(ms);
    this.emit({ type: 'clock', t: ms, from });
    for (const process of this.timers.due(ms)) this.wake(process);
  }

  private dequeue(): Process | undefined {
    for (let process = this.runQueue.take(); process; process = this.runQueue.take())
      if (process.alive && process.state !== 'T' && !process.blocker) return process;
    return undefined;
  }

  private step(process: Process): void {
    if (process.pending.size > 0) deliverPending(this, process);
    if (!process.alive || process.state === 'T' || process.blocker) return;
    const frame = process.frames[process.frames.length - 1];
    if (!frame) return;
    let result: IteratorResult<Syscall, unknown>;
    let outcome: Outcome;
    let resume = process.resumeValue;
    for (;;) {
      try {
        result = frame.gen.next(resume);
      } catch (error) {
        this.crash(process, error);
        return;
      }
      process.resumeValue = undefined;
      if (result.done) {
        this.finishFrame(process, result.value);
        return;
      }
      outcome = dispatch(this, process, result.value);
      // A probe is answered in the same turn: the program goes on at once (events.ts ProbeEvent).
      if (result.value.name !== 'probe' || !('value' in outcome)) break;
      resume = outcome.value;
    }
    if (process.wakeCredit > 0) process.wakeCredit--;
    if ('value' in outcome) {
      process.resumeValue = outcome.value;
      this.enqueue(process);
    } else if ('block' in outcome) {
      const ready = outcome.block.poll();
      if (ready) {
        process.resumeValue = ready.value;
        this.enqueue(process);
        return;
      }
      process.blocker = outcome.block;
      process.state = 'S';
      this.sleepers.add(process);
      this.timers.arm(process, outcome.block);
    } else {
      // execve replaced the program (or exit ended the process: enqueue ignores the dead).
      this.enqueue(process);
    }
  }

  private finishFrame(process: Process, value: unknown): void {
    const frame = process.frames.pop();
    if (process.frames.length > 0) {
      process.resumeValue = frame?.resumeWith?.value;
      this.enqueue(process);
      return;
    }
    exitProcess(this, process, ((Number(value) || 0) & 0xff) << 8);
  }

  /** A program threw: a bug in the simulator, shown to the learner as a crash, never thrown out. */
  private crash(process: Process, error: unknown): void {
    this.crashes.push({ comm: process.comm, argv: process.argv, error });
    exitProcess(this, process, signaled(SIGSEGV, true));
  }

  /** Programs that crashed (simulator bugs), for tests and the bug report. */
  readonly crashes: { comm: string; argv: readonly string[]; error: unknown }[] = [];

  forgetSleeper(process: Process): void {
    this.sleepers.delete(process);
  }
}
