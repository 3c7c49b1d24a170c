import { Errno } from '../errno.ts';
import { execve, NOT_HERE } from '../exec.ts';
import { exitProcess, reap } from '../exit.ts';
import type { Kernel } from '../kernel.ts';
import { blockOn, done, GONE } from '../outcome.ts';
import { PidNamespace } from '../pid-namespace.ts';
import type { Process } from '../process.ts';
import type { HandlerTable } from './dispatch.ts';
import { CONTINUED_STATUS, exited, stoppedStatus } from '../wait-status.ts';
import type { WaitFlags } from '../syscall-api.ts';
import { createProcfs } from '../procfs.ts';

type ProcessCalls = Pick<
  HandlerTable,
  | 'fork'
  | 'execve'
  | 'exit'
  | 'waitpid'
  | 'self'
  | 'setsid'
  | 'setpgid'
  | 'clone_threads'
  | 'set_cmdline'
  | 'set_comm'
  | 'service'
  | 'mount_proc'
>;

export const processCalls: ProcessCalls = {
  fork(k, parent, child, options) {
    if (parent.pidns.dead) return done(new Errno('ENOMEM'));
    if (k.countLiving() >= k.maxProcesses || k.atUserLimit(parent) || parent.taskGroup?.full)
      return done(new Errno('EAGAIN'));
    const pidns = options.newPidNamespace ? new PidNamespace(parent.pidns) : parent.pidns;
    const process = k.createProcess(parent, pidns, {
      creds: parent.creds.clone(),
      mnt: options.mountNamespace ?? parent.mnt,
      cwd: options.mountNamespace ? '/' : parent.cwd,
      hostname: options.hostname ?? parent.hostname,
      fds: parent.fds.clone(),
      taskGroup: parent.taskGroup,
    });
    process.pgid = parent.pgid;
    process.sid = parent.sid;
    process.umask = parent.umask;
    process.argv = parent.argv;
    process.comm = parent.comm;
    process.image = parent.image;
    process.ttyName = parent.ttyName;
    process.foregroundPgid = parent.foregroundPgid;
    process.dispositions = new Map(parent.dispositions);
    process.blocked = new Set(parent.blocked);
    process.load(child());
    k.emit({
      type: 'fork',
      t: k.clock.now(),
      parent: parent.ref(),
      child: process.ref(),
      newPidNamespace: pidns !== parent.pidns,
    });
    k.enqueue(process);
    return done(process.pidIn(parent.pidns));
  },

  execve(k, process, path, argv, envp) {
    const attempt = () => execve(k, process, path, argv, envp);
    const result = attempt();
    if (result !== NOT_HERE) return result instanceof Errno ? done(result) : GONE;
    // The program's code is on its way (on-demand.ts): sleep until it is here, then
    // carry the execve out (the new program starts) or fail with its error.
    return blockOn({
      poll: () => {
        const retried = attempt();
        if (retried === NOT_HERE) return undefined;
        return { value: retried instanceof Errno ? retried : undefined };
      },
      interruptible: false,
    });
  },

  exit(k, process, status) {
    exitProcess(k, process, exited(status));
    return GONE;
  },

  waitpid(k, process, pid, nohang, flags = {}) {
    const poll = () => {
      const { matched, found } = waitable(process, pid, flags);
      if (!matched) return { value: new Errno('ECHILD') };
      if (found && found.alive) {
        const report = found.waitReport;
        found.waitReport = null;
        const status = report?.kind === 'stopped' ? stoppedStatus(report.sig) : CONTINUED_STATUS;
        return { value: { pid: found.pidIn(process.pidns), status } };
      }
      if (found) {
        reap(k, found);
        return { value: { pid: found.pidIn(process.pidns), status: found.exitStatus } };
      }
      return nohang ? { value: null } : undefined;
    };
    return blockOn({ poll, interruptible: true });
  },

  self(k, p) {
    const creds = p.creds;
    return done({
      pid: p.pid,
      ppid: p.parent ? p.parent.pidIn(p.pidns) : 0,
      pgid: pidOf(k, p, p.pgid),
      sid: pidOf(k, p, p.sid),
      ruid: creds.ruid,
      euid: creds.euid,
      suid: creds.suid,
      rgid: creds.rgid,
      egid: creds.egid,
      sgid: creds.sgid,
      groups: [...creds.groups],
      cwd: p.cwd,
      umask: p.umask,
      hostname: p.hostname,
      now: k.clock.now(),
      uptime: (k.clock.now() - k.bootTime) / 1000,
    });
  },

  /** setsid(2): fails with EPERM for a process group leader. */
  setsid(k, process) {
    if (process.pgid === process.hostPid) return done(new Errno('EPERM'));
    process.sid = process.pgid = process.hostPid;
    process.ttyName = null;
    return done(process.pid);
  },

  setpgid(k, process, pid, pgid) {
    const target = pid === 0 ? process : process.pidns.find(pid);
    if (!target || (target !== process && target.parent !== process))
      return done(new Errno('ESRCH'));
    const leader = pgid === 0 ? target : process.pidns.find(pgid);
    if (!leader || leader.sid !== target.sid) return done(new Errno('EPERM'));
    target.pgid = leader.hostPid;
    return done(0);
  },

  set_cmdline(k, process, argv) {
    process.argv = [...argv];
    return done(0);
  },

  set_comm(k, process, name) {
    process.comm = name.slice(0, 15);
    return done(0);
  },

  /** Threads take PIDs in the process's namespace (clone(CLONE_THREAD)); execve ends them. */
  clone_threads(k, process, count) {
    for (let i = 0; i < count; i++) process.threadPids.push(process.pidns.allocate());
    return done(0);
  },

  mount_proc(k, process, target) {
    if (process.creds.euid !== 0) return done(new Errno('EPERM'));
    const found = process.mnt.lookup(target, process.cwd, process.creds, process);
    if (found instanceof Errno) return done(found);
    if (found.inode.kind !== 'dir') return done(new Errno('ENOTDIR'));
    process.mnt.mount(found.inode, createProcfs(k, process.pidns));
    return done(0);
  },

  service(k, process, name, request) {
    const handler = k.services.get(name);
    return handler ? handler(process, request) : done(new Errno('ENOENT'));
  },
};

/**
 * The child waitpid may report: the first in the children's order that has exited
 * (or, when asked, stopped or gone on), and whether any child matches `pid` at all.
 * Exited children are found in the parent's zombie set, so an init with thousands
 * of children (a fork bomb's orphans) does not scan them all at every exit.
 */
function waitable(
  parent: Process,
  pid: number,
  flags: WaitFlags,
): { matched: boolean; found: Process | undefined } {
  if (pid > 0 || flags.untraced === true || flags.continued === true) {
    let matched = false;
    for (const child of candidatesFor(parent, pid)) {
      if (!matches(parent, child, pid)) continue;
      matched = true;
      if (!child.alive || reportable(child, flags)) return { matched, found: child };
    }
    return { matched, found: undefined };
  }
  let found: Process | undefined;
  for (const zombie of parent.zombieChildren)
    if (matches(parent, zombie, pid) && (!found || zombie.childOrder < found.childOrder))
      found = zombie;
  if (found) return { matched: true, found };
  if (pid === -1) return { matched: parent.children.size > 0, found: undefined };
  for (const child of parent.children)
    if (matches(parent, child, pid)) return { matched: true, found: undefined };
  return { matched: false, found: undefined };
}

/** A stop (WUNTRACED) or continue (WCONTINUED) the caller asked to hear about. */
function reportable(child: Process, flags: WaitFlags): boolean {
  const report = child.waitReport;
  if (report?.kind === 'stopped') return flags.untraced === true && child.state === 'T';
  return report?.kind === 'continued' && flags.continued === true;
}

/** A specific child is looked up by PID; the other forms scan the children (one pass, stopping at a zombie). */
function candidatesFor(parent: Process, pid: number): Iterable<Process> {
  if (pid <= 0) return parent.children;
  const child = parent.pidns.find(pid);
  return child && child.parent === parent ? [child] : [];
}

/** waitpid(2)'s pid argument: a child, any child (-1), the caller's group (0) or a group (-pgid). */
function matches(parent: Process, child: Process, pid: number): boolean {
  if (pid > 0) return child.pidIn(parent.pidns) === pid;
  if (pid === -1) return true;
  if (pid === 0) return child.pgid === parent.pgid;
  const group = parent.pidns.find(-pid);
  return group !== undefined && child.pgid === group.hostPid;
}

function pidOf(k: Kernel, viewer: Process, hostPid: number): number {
  const process = k.processes.get(hostPid);
  return process ? process.pidIn(viewer.pidns) : 0;
}
