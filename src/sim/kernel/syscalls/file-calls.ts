import { Errno } from '../errno.ts';
import { WOULD_BLOCK, type OpenFile } from '../files.ts';
import type { Kernel } from '../kernel.ts';
import { blockOn, done } from '../outcome.ts';
import type { Process } from '../process.ts';
import { statOf } from '../stat.ts';
import type { HandlerTable } from './dispatch.ts';
import { Inode } from '../vfs/inode.ts';
import { mayAccess, MAY_EXEC, MAY_READ, MAY_WRITE } from '../vfs/permission.ts';
import { RegularFile } from '../vfs/regular-file.ts';
import type { OpenFlags } from '../syscall-api.ts';
import { Pipe } from '../pipe.ts';
import { openDevice } from '../devices.ts';
import { sendSignal } from '../signal.ts';
import { SIGPIPE } from '../signals.ts';

type FileCalls = Pick<
  HandlerTable,
  | 'open'
  | 'read'
  | 'write'
  | 'close'
  | 'dup2'
  | 'isatty'
  | 'pipe'
  | 'dupfd'
  | 'set_cloexec'
  | 'winsize'
  | 'readline'
  | 'tcsetpgrp'
  | 'stat'
  | 'access'
  | 'readdir'
  | 'chdir'
>;

export const fileCalls: FileCalls = {
  open(k, p, path, flags, mode) {
    const file = openFile(k, p, path, flags, mode);
    return done(file instanceof Errno ? file : p.fds.add(file));
  },

  read(k, p, fd, count) {
    const file = p.fds.get(fd);
    if (!file) return done(new Errno('EBADF'));
    if (count !== undefined && count < 0) return done(new Errno('EINVAL'));
    if (count === 0) return done('');
    let unsubscribe: (() => void) | undefined;
    const poll = () => {
      const data = file.read(count);
      if (data === WOULD_BLOCK) {
        unsubscribe ??= file.onReadable?.(() => k.wake(p));
        return undefined;
      }
      unsubscribe?.();
      return { value: data };
    };
    return blockOn({ poll, interruptible: true });
  },

  /** write(2): a full pipe parks the writer; a pipe with no reader gives EPIPE and SIGPIPE (pipe(7)). */
  write(k, p, fd, data) {
    const file = p.fds.get(fd);
    if (!file) return done(new Errno('EBADF'));
    let written = 0;
    let unsubscribe: (() => void) | undefined;
    const poll = () => {
      while (written < data.length || data.length === 0) {
        const result = file.write(data.slice(written));
        if (result === WOULD_BLOCK) {
          unsubscribe ??= file.onWritable?.(() => k.wake(p));
          return undefined;
        }
        if (result instanceof Errno) {
          unsubscribe?.();
          if (result.code === 'EPIPE') sendSignal(k, p, SIGPIPE, null);
          return { value: written > 0 ? written : result };
        }
        written += result;
        if (data.length === 0) break;
      }
      unsubscribe?.();
      return { value: written };
    };
    return blockOn({ poll, interruptible: true });
  },

  close(k, p, fd) {
    return done(p.fds.close(fd) ? 0 : new Errno('EBADF'));
  },

  dup2(k, p, oldfd, newfd) {
    const file = p.fds.get(oldfd);
    if (!file) return done(new Errno('EBADF'));
    if (oldfd !== newfd) p.fds.install(newfd, file);
    return done(newfd);
  },

  pipe(k, p) {
    const pipe = new Pipe();
    pipe.readers = 1;
    pipe.writers = 1;
    const readFd = p.fds.add(pipe.readEnd);
    const writeFd = p.fds.add(pipe.writeEnd);
    return done([readFd, writeFd] as const);
  },

  dupfd(k, p, fd, min, cloexec) {
    const file = p.fds.get(fd);
    if (!file) return done(new Errno('EBADF'));
    if (min < 0) return done(new Errno('EINVAL'));
    return done(p.fds.dupFrom(file, min, cloexec));
  },

  set_cloexec(k, p, fd, cloexec) {
    return done(p.fds.setCloexec(fd, cloexec) ? 0 : new Errno('EBADF'));
  },

  isatty(k, p, fd) {
    return done(p.fds.get(fd)?.isTerminal ?? false);
  },

  winsize(k, p, fd) {
    const file = p.fds.get(fd);
    if (!file) return done(new Errno('EBADF'));
    return done(file.windowSize ? file.windowSize() : new Errno('ENOTTY'));
  },

  readline(k, p, fd, prompt) {
    const file = p.fds.get(fd);
    if (!file) return done(new Errno('EBADF'));
    const readLine = file.readLine?.bind(file);
    if (!readLine) return done(new Errno('ENOTTY'));
    let unsubscribe: (() => void) | undefined;
    const poll = () => {
      const input = readLine(prompt);
      if (input === WOULD_BLOCK) {
        unsubscribe ??= file.onReadable?.(() => k.wake(p));
        return undefined;
      }
      unsubscribe?.();
      return { value: input };
    };
    return blockOn({ poll, interruptible: true });
  },

  /** tcsetpgrp(3): the group must exist in the caller's session. */
  tcsetpgrp(k, p, fd, pgid) {
    const file = p.fds.get(fd);
    if (!file) return done(new Errno('EBADF'));
    if (!file.setForeground) return done(new Errno('ENOTTY'));
    const leader = p.pidns.find(pgid);
    if (!leader || leader.sid !== p.sid) return done(new Errno('EPERM'));
    file.setForeground(leader.hostPid);
    return done(0);
  },

  stat(k, p, path, follow) {
    const found = p.mnt.lookup(path, p.cwd, p.creds, p, follow);
    return done(found instanceof Errno ? found : statOf(found.inode, k.inodeNumber(found.inode)));
  },

  /** access(2) checks with the real uid and gid, as the manual says. */
  access(k, p, path, mode) {
    const real = p.creds.clone();
    real.euid = real.ruid;
    real.egid = real.rgid;
    const found = p.mnt.lookup(path, p.cwd, real, p);
    if (found instanceof Errno) return done(found);
    if (mode !== 0 && !mayAccess(real, found.inode, mode)) return done(new Errno('EACCES'));
    return done(0);
  },

  readdir(k, p, path) {
    const found = p.mnt.lookup(path, p.cwd, p.creds, p);
    if (found instanceof Errno) return done(found);
    if (found.inode.kind !== 'dir') return done(new Errno('ENOTDIR'));
    if (!mayAccess(p.creds, found.inode, MAY_READ)) return done(new Errno('EACCES'));
    // tmpfs (a container's writable layer here) lists the newest entry first
    // (dcache_readdir); procfs lists in its own order. Programs that need an
    // order sort, as ls does; find and globbing-free loops see this one.
    const children = [...found.inode.children(p)];
    const ordered = found.inode.provider ? children : children.reverse();
    const entries = ordered.map(([name, inode]) => ({ name, kind: inode.kind }));
    return done(entries);
  },

  chdir(k, p, path) {
    const found = p.mnt.lookup(path, p.cwd, p.creds, p);
    if (found instanceof Errno) return done(found);
    if (found.inode.kind !== 'dir') return done(new Errno('ENOTDIR'));
    if (!mayAccess(p.creds, found.inode, MAY_EXEC)) return done(new Errno('EACCES'));
    p.cwd = found.path;
    return done(0);
  },
};

function openFile(
  k: Kernel,
  p: Process,
  path: string,
  flags: OpenFlags,
  mode: number,
): OpenFile | Errno {
  let inode: Inode;
  if (flags.create) {
    const parent = p.mnt.lookupParent(path, p.cwd, p.creds, p);
    if (parent instanceof Errno) return parent;
    if (parent.existing && flags.exclusive) return new Errno('EEXIST');
    if (parent.existing) inode = parent.existing;
    else {
      if (!mayAccess(p.creds, parent.dir, MAY_WRITE | MAY_EXEC)) return new Errno('EACCES');
      inode = new Inode({
        kind: 'file',
        perm: mode & ~p.umask,
        uid: p.creds.euid,
        gid: p.creds.egid,
        mtime: k.clock.now(),
      });
      parent.dir.entries.set(parent.name, inode);
      parent.dir.modified(k.clock.now());
      return new RegularFile(inode, flags, k.clock);
    }
  } else {
    const found = p.mnt.lookup(path, p.cwd, p.creds, p);
    if (found instanceof Errno) return found;
    inode = found.inode;
  }
  if (flags.directory && inode.kind !== 'dir') return new Errno('ENOTDIR');
  if (inode.kind === 'dir' && flags.write) return new Errno('EISDIR');
  const wanted = (flags.read ? MAY_READ : 0) | (flags.write ? MAY_WRITE : 0);
  if (!mayAccess(p.creds, inode, wanted)) return new Errno('EACCES');
  if (inode.kind === 'chardev')
    return openDevice(
      inode.device,
      (n) => k.randomBytes.bytes(n),
      () => controllingTerminal(p),
    );
  return new RegularFile(inode, flags, k.clock);
}

/** The process's controlling terminal, as one of its standard descriptors holds it. */
function controllingTerminal(p: Process): OpenFile | undefined {
  if (p.ttyName === null) return undefined;
  for (const fd of [0, 1, 2]) {
    const file = p.fds.get(fd);
    if (file?.isTerminal) return file;
  }
  return undefined;
}
