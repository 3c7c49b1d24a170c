/**
 * What a program may ask of the kernel. A program is a generator that yields
 * system calls and receives their results; it blocks only inside a call
 * (docs/decisions/0001-processes-as-generators.md).
 *
 *   const pid = yield* sys.fork(function* () { ... return 0; });
 *
 * Each helper here yields one request and returns the kernel's typed answer.
 */
import type { SysResult } from './errno.ts';
import type { OnDemand } from './on-demand.ts';
import type { ProbeEvent } from './events.ts';
import type { DirectoryEntry, FileStat } from './stat.ts';
import type { LineInput } from './files.ts';
import type { MountNamespace } from './vfs/mount-namespace.ts';
import type { CapabilityState, CapSet } from './credentials.ts';

/**
 * The prctl(2) operations the simulator knows, each with its argument.
 * Capabilities are bit numbers (0 … CAP_LAST_CAP), as in C.
 */
export type PrctlRequest =
  | { readonly op: 'PR_SET_NO_NEW_PRIVS' }
  | { readonly op: 'PR_GET_NO_NEW_PRIVS' }
  | { readonly op: 'PR_SET_KEEPCAPS'; readonly value: 0 | 1 }
  | { readonly op: 'PR_GET_KEEPCAPS' }
  | { readonly op: 'PR_CAPBSET_READ' | 'PR_CAPBSET_DROP'; readonly cap: number }
  | {
      readonly op: 'PR_CAP_AMBIENT_RAISE' | 'PR_CAP_AMBIENT_LOWER' | 'PR_CAP_AMBIENT_IS_SET';
      readonly cap: number;
    }
  | { readonly op: 'PR_CAP_AMBIENT_CLEAR_ALL' }
  | { readonly op: 'PR_SET_CHILD_SUBREAPER'; readonly value: 0 | 1 }
  | { readonly op: 'PR_GET_CHILD_SUBREAPER' }
  | { readonly op: 'PR_SET_PDEATHSIG'; readonly sig: number }
  | { readonly op: 'PR_GET_PDEATHSIG' };

/** A running program: yields system calls, returns its exit status. */
export type ProcessGen = Generator<Syscall, number, unknown>;
/** A signal handler runs inside the process, between two of its system calls. */
export type SignalHandler = (sig: number) => Generator<Syscall, void, unknown>;
export type Disposition = 'default' | 'ignore' | SignalHandler;

/** WUNTRACED and WCONTINUED. */
export interface WaitFlags {
  readonly untraced?: boolean;
  readonly continued?: boolean;
}

export interface WaitResult {
  readonly pid: number;
  /** The wait status as waitpid(2) encodes it: use the W* helpers in wait-status.ts. */
  readonly status: number;
}

/** A snapshot of the caller's identity (getpid, getuid, getgroups … in one call). */
export interface SelfInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly pgid: number;
  readonly sid: number;
  readonly ruid: number;
  readonly euid: number;
  readonly suid: number;
  readonly rgid: number;
  readonly egid: number;
  readonly sgid: number;
  readonly groups: readonly number[];
  readonly cwd: string;
  readonly umask: number;
  readonly hostname: string;
  /** Milliseconds since the epoch on the kernel clock (clock_gettime(CLOCK_REALTIME)). */
  readonly now: number;
  /** Seconds since the host booted (/proc/uptime). */
  readonly uptime: number;
}

export interface CloneOptions {
  /** CLONE_NEWPID: the child is PID 1 of a new PID namespace. */
  readonly newPidNamespace?: boolean;
  /** CLONE_NEWNS with a prepared tree: the child sees this root (a container's file system). */
  readonly mountNamespace?: MountNamespace;
  /** CLONE_NEWUTS: the child's host name. */
  readonly hostname?: string;
}

export interface SyscallTable {
  fork: [args: [child: () => ProcessGen, options: CloneOptions], result: SysResult<number>];
  execve: [
    args: [path: string, argv: readonly string[], envp: readonly string[]],
    result: SysResult<never>,
  ];
  exit: [args: [status: number], result: never];
  /** waitpid(2); with `untraced` / `continued` it also reports children that stopped or went on. */
  waitpid: [
    args: [pid: number, nohang: boolean, flags?: WaitFlags],
    result: SysResult<WaitResult | null>,
  ];
  kill: [args: [pid: number, sig: number], result: SysResult<0>];
  /** sigprocmask(2): returns the previous mask. */
  sigprocmask: [
    args: [how: 'block' | 'unblock' | 'setmask', set: readonly number[]],
    result: readonly number[],
  ];
  /** sigtimedwait(2): takes a pending signal of the set, waiting up to timeoutMs; EAGAIN on timeout. */
  sigtimedwait: [args: [set: readonly number[], timeoutMs: number], result: SysResult<number>];
  sigaction: [args: [sig: number, disposition: Disposition], result: SysResult<Disposition>];
  self: [args: [], result: SelfInfo];
  setuid: [args: [uid: number], result: SysResult<0>];
  setgid: [args: [gid: number], result: SysResult<0>];
  setgroups: [args: [groups: readonly number[]], result: SysResult<0>];
  setresuid: [args: [r: number, e: number, s: number], result: SysResult<0>];
  setresgid: [args: [r: number, e: number, s: number], result: SysResult<0>];
  setsid: [args: [], result: SysResult<number>];
  setpgid: [args: [pid: number, pgid: number], result: SysResult<0>];
  /**
   * Rewrites the caller's argument area, as redis-server does for its process
   * title (what /proc/PID/cmdline and ps's COMMAND show); comm stays.
   */
  set_cmdline: [args: [argv: readonly string[]], result: 0];
  /** prctl(2) for privileges and process relations; the result is the call's return value. */
  prctl: [args: [request: PrctlRequest], result: SysResult<number>];
  /** capget(2), with the bounding and ambient sets and the flags prctl reads, in one answer. */
  capget: [args: [], result: CapabilityState];
  /** capset(2) on the caller. */
  capset: [args: [effective: CapSet, permitted: CapSet, inheritable: CapSet], result: SysResult<0>];
  /** chroot(2): the caller's root directory becomes PATH (needs CAP_SYS_CHROOT). */
  chroot: [args: [path: string], result: SysResult<0>];
  /** prctl(PR_SET_NAME): the command name (comm), cut to 15 characters. */
  set_comm: [args: [name: string], result: 0];
  /** Starts extra threads in the caller (clone(CLONE_THREAD)); each takes a PID. */
  clone_threads: [args: [count: number], result: SysResult<0>];
  open: [args: [path: string, flags: OpenFlags, mode: number], result: SysResult<number>];
  /**
   * read(2): what the file has, at most `count` characters when given (the
   * rest stays for the next read, as a shell's `read` leaves it for `cat`).
   */
  read: [args: [fd: number, count?: number], result: SysResult<string>];
  write: [args: [fd: number, data: string], result: SysResult<number>];
  close: [args: [fd: number], result: SysResult<0>];
  dup2: [args: [oldfd: number, newfd: number], result: SysResult<number>];
  isatty: [args: [fd: number], result: boolean];
  winsize: [
    args: [fd: number],
    result: SysResult<{ readonly cols: number; readonly rows: number }>,
  ];
  readline: [args: [fd: number, prompt: string], result: SysResult<LineInput>];
  tcsetpgrp: [args: [fd: number, pgid: number], result: SysResult<0>];
  pipe: [args: [], result: SysResult<readonly [number, number]>];
  /** fcntl(F_DUPFD / F_DUPFD_CLOEXEC): a copy of fd at the lowest free number >= min. */
  dupfd: [args: [fd: number, min: number, cloexec: boolean], result: SysResult<number>];
  /** fcntl(F_SETFD, FD_CLOEXEC) */
  set_cloexec: [args: [fd: number, cloexec: boolean], result: SysResult<0>];
  /** umask(2): sets the mask, returns the old one. */
  umask: [args: [mask: number], result: number];
  mkdir: [args: [path: string, mode: number], result: SysResult<0>];
  rmdir: [args: [path: string], result: SysResult<0>];
  unlink: [args: [path: string], result: SysResult<0>];
  rename: [args: [from: string, to: string], result: SysResult<0>];
  symlink: [args: [target: string, path: string], result: SysResult<0>];
  readlink: [args: [path: string], result: SysResult<string>];
  chmod: [args: [path: string, mode: number], result: SysResult<0>];
  /** chown(2) and lchown(2) (follow = false); -1 leaves an id unchanged. */
  chown: [args: [path: string, uid: number, gid: number, follow: boolean], result: SysResult<0>];
  /** utimensat(2): each time in ms since the epoch, 'now' (UTIME_NOW) or 'omit' (UTIME_OMIT). */
  utimensat: [
    args: [path: string, atime: TimeSpec, mtime: TimeSpec, follow: boolean],
    result: SysResult<0>,
  ];
  stat: [args: [path: string, follow: boolean], result: SysResult<FileStat>];
  access: [args: [path: string, mode: number], result: SysResult<0>];
  readdir: [args: [path: string], result: SysResult<DirectoryEntry[]>];
  chdir: [args: [path: string], result: SysResult<0>];
  nanosleep: [args: [ms: number], result: SysResult<0>];
  pause: [args: [], result: SysResult<0>];
  /** mount -t proc proc TARGET: procfs for the caller's PID namespace (needs CAP_SYS_ADMIN; runc does it). */
  mount_proc: [args: [target: string], result: SysResult<0>];
  /** A request to a service on a Unix socket (the Docker daemon's /var/run/docker.sock). */
  service: [args: [name: string, request: unknown], result: SysResult<unknown>];
  /**
   * A fault on a page of the caller's own code that is not read in yet
   * (on-demand.ts): the code once it is here, after an uninterruptible wait
   * if need be. If it cannot be read, SIGBUS (its default action ends the
   * caller) and undefined.
   */
  page_in: [args: [code: OnDemand<unknown>], result: unknown];
  /**
   * A probe on the event stream (events.ts ProbeEvent), handled without a
   * turn of the scheduler; its event is built only when a listener takes its type.
   */
  probe: [args: [type: ProbeEvent['type'], event: () => ProbeEvent], result: undefined];
}

export type SyscallName = keyof SyscallTable;
export type Syscall = {
  [K in SyscallName]: { readonly name: K; readonly args: SyscallTable[K][0] };
}[SyscallName];
export type SyscallResult<K extends SyscallName> = SyscallTable[K][1];

/** A time for utimensat(2): ms since the epoch, or UTIME_NOW / UTIME_OMIT. */
export type TimeSpec = number | 'now' | 'omit';

export interface OpenFlags {
  readonly read?: boolean;
  readonly write?: boolean;
  readonly create?: boolean;
  readonly truncate?: boolean;
  readonly append?: boolean;
  readonly exclusive?: boolean;
  readonly directory?: boolean;
}

function* call<K extends SyscallName>(
  name: K,
  ...args: SyscallTable[K][0]
): Generator<Syscall, SyscallResult<K>, unknown> {
  return yield { name, args } as Syscall;
}

export const fork = (child: () => ProcessGen, options: CloneOptions = {}) =>
  call('fork', child, options);
export const execve = (path: string, argv: readonly string[], envp: readonly string[]) =>
  call('execve', path, argv, envp);
export const exit = (status: number) => call('exit', status);
export const waitpid = (pid: number, nohang = false, flags?: WaitFlags) =>
  call('waitpid', pid, nohang, flags);
export const kill = (pid: number, sig: number) => call('kill', pid, sig);
export const sigprocmask = (how: 'block' | 'unblock' | 'setmask', set: readonly number[]) =>
  call('sigprocmask', how, set);
export const sigtimedwait = (set: readonly number[], timeoutMs: number) =>
  call('sigtimedwait', set, timeoutMs);
export const sigaction = (sig: number, disposition: Disposition) =>
  call('sigaction', sig, disposition);
export const self = () => call('self');
export const setuid = (uid: number) => call('setuid', uid);
export const setgid = (gid: number) => call('setgid', gid);
export const setgroups = (groups: readonly number[]) => call('setgroups', groups);
export const setresuid = (r: number, e: number, s: number) => call('setresuid', r, e, s);
export const setresgid = (r: number, e: number, s: number) => call('setresgid', r, e, s);
export const setsid = () => call('setsid');
export const setpgid = (pid: number, pgid: number) => call('setpgid', pid, pgid);
export const setCmdline = (argv: readonly string[]) => call('set_cmdline', argv);
export const setComm = (name: string) => call('set_comm', name);
export const prctl = (request: PrctlRequest) => call('prctl', request);
export const capget = () => call('capget');
export const capset = (effective: CapSet, permitted: CapSet, inheritable: CapSet) =>
  call('capset', effective, permitted, inheritable);
export const chroot = (path: string) => call('chroot', path);
export const cloneThreads = (count: number) => call('clone_threads', count);
export const open = (path: string, flags: OpenFlags = { read: true }, mode = 0o666) =>
  call('open', path, flags, mode);
export const read = (fd: number, count?: number) => call('read', fd, count);
export const write = (fd: number, data: string) => call('write', fd, data);
export const close = (fd: number) => call('close', fd);
export const dup2 = (oldfd: number, newfd: number) => call('dup2', oldfd, newfd);
export const isatty = (fd: number) => call('isatty', fd);
export const winsize = (fd: number) => call('winsize', fd);
export const readline = (fd: number, prompt: string) => call('readline', fd, prompt);
export const tcsetpgrp = (fd: number, pgid: number) => call('tcsetpgrp', fd, pgid);
export const pipe = () => call('pipe');
export const dupfd = (fd: number, min: number, cloexec = false) => call('dupfd', fd, min, cloexec);
export const setCloexec = (fd: number, cloexec: boolean) => call('set_cloexec', fd, cloexec);
export const umask = (mask: number) => call('umask', mask);
export const mkdir = (path: string, mode = 0o777) => call('mkdir', path, mode);
export const rmdir = (path: string) => call('rmdir', path);
export const unlink = (path: string) => call('unlink', path);
export const rename = (from: string, to: string) => call('rename', from, to);
export const symlink = (target: string, path: string) => call('symlink', target, path);
export const readlink = (path: string) => call('readlink', path);
export const chmod = (path: string, mode: number) => call('chmod', path, mode);
export const chown = (path: string, uid: number, gid: number) =>
  call('chown', path, uid, gid, true);
export const lchown = (path: string, uid: number, gid: number) =>
  call('chown', path, uid, gid, false);
export const utimensat = (path: string, atime: TimeSpec, mtime: TimeSpec, follow = true) =>
  call('utimensat', path, atime, mtime, follow);
export const stat = (path: string) => call('stat', path, true);
export const lstat = (path: string) => call('stat', path, false);
export const access = (path: string, mode: number) => call('access', path, mode);
export const readdir = (path: string) => call('readdir', path);
export const chdir = (path: string) => call('chdir', path);
export const nanosleep = (ms: number) => call('nanosleep', ms);
export const pause = () => call('pause');
export const mountProc = (target: string) => call('mount_proc', target);
export const service = (name: string, request: unknown) => call('service', name, request);

/** Reports an event on the kernel's event stream: no time passes, no other process runs. */
export const probe = <K extends ProbeEvent['type']>(
  type: K,
  event: () => Extract<ProbeEvent, { type: K }>,
) => call('probe', type, event);

/** The code of `code`'s piece, faulted in (page_in): retried after a SIGBUS the caller survived. */
export function* pageIn<T>(code: OnDemand<T>): Generator<Syscall, T, unknown> {
  for (;;) {
    const here = (yield* call('page_in', code)) as T | undefined;
    if (here !== undefined) return here;
  }
}
