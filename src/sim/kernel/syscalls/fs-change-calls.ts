import type { Credentials } from '../credentials.ts';
import { Errno } from '../errno.ts';
import type { Kernel } from '../kernel.ts';
import { done, type Outcome } from '../outcome.ts';
import type { Process } from '../process.ts';
import { Inode, S_ISGID, S_ISUID, S_ISVTX } from '../vfs/inode.ts';
import type { ParentLookup } from '../vfs/mount-namespace.ts';
import { mayAccess, MAY_EXEC, MAY_WRITE } from '../vfs/permission.ts';
import type { HandlerTable } from './dispatch.ts';

type FsChangeCalls = Pick<
  HandlerTable,
  | 'mkdir'
  | 'rmdir'
  | 'unlink'
  | 'rename'
  | 'symlink'
  | 'readlink'
  | 'chmod'
  | 'chown'
  | 'utimensat'
  | 'umask'
>;

/** Calls that change the tree or an inode, each checking permissions as Linux does (path_resolution(7), chown(2), chmod(2)). */
export const fsChangeCalls: FsChangeCalls = {
  umask(k, p, mask) {
    const old = p.umask;
    p.umask = mask & 0o777;
    return done(old);
  },

  mkdir(k, p, path, mode) {
    return inParent(p, path, (parent) => {
      if (parent.existing) return new Errno('EEXIST');
      const setgid = parent.dir.perm & S_ISGID;
      const dir = new Inode({
        kind: 'dir',
        perm: (mode & ~p.umask & 0o777) | setgid,
        uid: p.creds.euid,
        gid: setgid ? parent.dir.gid : p.creds.egid,
        mtime: k.clock.now(),
      });
      parent.dir.entries.set(parent.name, dir);
      parent.dir.modified(k.clock.now());
      return 0;
    });
  },

  rmdir(k, p, path) {
    return inParent(p, path, (parent) => {
      const target = parent.existing;
      if (!target) return new Errno('ENOENT');
      if (target.kind !== 'dir') return new Errno('ENOTDIR');
      if (target.entries.size > 0) return new Errno('ENOTEMPTY');
      if (!mayDelete(p.creds, parent.dir, target)) return new Errno('EPERM');
      parent.dir.entries.delete(parent.name);
      parent.dir.modified(k.clock.now());
      return 0;
    });
  },

  unlink(k, p, path) {
    return inParent(p, path, (parent) => {
      const target = parent.existing;
      if (!target) return new Errno('ENOENT');
      if (target.kind === 'dir') return new Errno('EISDIR');
      if (!mayDelete(p.creds, parent.dir, target)) return new Errno('EPERM');
      parent.dir.entries.delete(parent.name);
      parent.dir.modified(k.clock.now());
      target.changed(k.clock.now());
      return 0;
    });
  },

  rename(k, p, from, to) {
    const source = p.mnt.lookupParent(from, p.cwd, p.creds, p);
    if (source instanceof Errno) return done(source);
    const inode = source.existing;
    if (!inode) return done(new Errno('ENOENT'));
    return inParent(p, to, (target) => {
      if (!mayAccess(p.creds, source.dir, MAY_WRITE | MAY_EXEC)) return new Errno('EACCES');
      if (target.existing?.kind === 'dir' && inode.kind !== 'dir') return new Errno('EISDIR');
      if (target.existing && target.existing.kind !== 'dir' && inode.kind === 'dir')
        return new Errno('ENOTDIR');
      source.dir.entries.delete(source.name);
      target.dir.entries.set(target.name, inode);
      const now = k.clock.now();
      source.dir.modified(now);
      target.dir.modified(now);
      inode.changed(now);
      return 0;
    });
  },

  symlink(k, p, targetText, path) {
    return inParent(p, path, (parent) => {
      if (parent.existing) return new Errno('EEXIST');
      const link = new Inode({
        kind: 'symlink',
        perm: 0o777,
        uid: p.creds.euid,
        gid: p.creds.egid,
        mtime: k.clock.now(),
      });
      link.target = targetText;
      parent.dir.entries.set(parent.name, link);
      parent.dir.modified(k.clock.now());
      return 0;
    });
  },

  readlink(k, p, path) {
    const found = p.mnt.lookup(path, p.cwd, p.creds, p, false);
    if (found instanceof Errno) return done(found);
    return done(found.inode.kind === 'symlink' ? found.inode.linkTarget(p) : new Errno('EINVAL'));
  },

  /** chmod(2): the owner or CAP_FOWNER; a non-member may not keep the set-group-ID bit. */
  chmod(k, p, path, mode) {
    return onInode(k, p, path, true, (inode) => {
      if (p.creds.euid !== inode.uid && !p.creds.has('CAP_FOWNER')) return new Errno('EPERM');
      let perm = mode & 0o7777;
      if (perm & S_ISGID && !p.creds.inGroup(inode.gid) && p.creds.euid !== 0) perm &= ~S_ISGID;
      inode.perm = perm;
      inode.changed(k.clock.now());
      return 0;
    });
  },

  /**
   * chown(2): changing the owner needs CAP_CHOWN; the owner may change the
   * group to one it belongs to. The set-user-ID and set-group-ID bits of a
   * non-directory are cleared, even when root does it.
   */
  chown(k, p, path, uid, gid, follow) {
    return onInode(k, p, path, follow, (inode) => {
      const privileged = p.creds.has('CAP_CHOWN');
      const changesOwner = uid !== -1 && uid !== inode.uid;
      const changesGroup = gid !== -1 && gid !== inode.gid;
      if (!privileged) {
        if (changesOwner || p.creds.euid !== inode.uid) {
          if (changesOwner || changesGroup) return new Errno('EPERM');
        }
        if (changesGroup && !p.creds.inGroup(gid)) return new Errno('EPERM');
      }
      if (uid !== -1) inode.uid = uid;
      if (gid !== -1) inode.gid = gid;
      if (inode.kind !== 'dir' && (uid !== -1 || gid !== -1)) inode.perm &= ~(S_ISUID | S_ISGID);
      inode.changed(k.clock.now());
      return 0;
    });
  },

  /**
   * utimensat(2): setting both times to now needs ownership, CAP_FOWNER or
   * write permission (EACCES); any explicit time needs ownership or
   * CAP_FOWNER (EPERM). ctime always becomes now.
   */
  utimensat(k, p, path, atime, mtime, follow) {
    return onInode(k, p, path, follow, (inode) => {
      const owner = p.creds.euid === inode.uid || p.creds.has('CAP_FOWNER');
      const explicit = [atime, mtime].some((t) => typeof t === 'number');
      if (!owner && explicit) return new Errno('EPERM');
      if (!owner && !mayAccess(p.creds, inode, MAY_WRITE)) return new Errno('EACCES');
      const now = k.clock.now();
      if (atime !== 'omit') inode.atime = atime === 'now' ? now : atime;
      if (mtime !== 'omit') inode.mtime = mtime === 'now' ? now : mtime;
      inode.changed(now);
      return 0;
    });
  },
};

function inParent(p: Process, path: string, change: (parent: ParentLookup) => Errno | 0): Outcome {
  const parent = p.mnt.lookupParent(path, p.cwd, p.creds, p);
  if (parent instanceof Errno) return done(parent);
  if (!mayAccess(p.creds, parent.dir, MAY_WRITE | MAY_EXEC)) return done(new Errno('EACCES'));
  return done(change(parent));
}

function onInode(
  k: Kernel,
  p: Process,
  path: string,
  follow: boolean,
  change: (inode: Inode) => Errno | 0,
): Outcome {
  const found = p.mnt.lookup(path, p.cwd, p.creds, p, follow);
  if (found instanceof Errno) return done(found);
  if (found.inode.generate) return done(new Errno('EPERM'));
  return done(change(found.inode));
}

/** In a sticky directory (/tmp) only the file's owner, the directory's owner or CAP_FOWNER may remove it. */
function mayDelete(creds: Credentials, dir: Inode, target: Inode): boolean {
  if (!(dir.perm & S_ISVTX)) return true;
  return creds.euid === target.uid || creds.euid === dir.uid || creds.has('CAP_FOWNER');
}
