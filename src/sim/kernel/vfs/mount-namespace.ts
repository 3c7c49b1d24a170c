import { Errno, type SysResult } from '../errno.ts';
import type { Credentials } from '../credentials.ts';
import { Inode } from './inode.ts';
import { mayAccess, MAY_EXEC } from './permission.ts';

/** The most symlinks followed in one lookup (path_resolution(7): 40). */
const MAX_SYMLINKS = 40;
/** PATH_MAX on Linux, including the terminating NUL. */
export const PATH_MAX = 4096;
/** NAME_MAX for ext4 and tmpfs. */
const NAME_MAX = 255;

export interface Lookup {
  readonly inode: Inode;
  /** The absolute path, symlinks resolved (what realpath(3) returns). */
  readonly path: string;
}

export interface ParentLookup {
  readonly dir: Inode;
  readonly dirPath: string;
  readonly name: string;
  /** The existing entry, if any (not followed when it is a symlink). */
  readonly existing: Inode | undefined;
}

/**
 * What a process sees as its file system tree: a root directory plus the
 * mounts on top of it (mount_namespaces(7)). Containers get their own.
 */
export class MountNamespace {
  readonly root: Inode;
  private readonly mounts: Map<Inode, Inode>;

  constructor(root: Inode, mounts = new Map<Inode, Inode>()) {
    this.root = root;
    this.mounts = mounts;
  }

  /**
   * chroot(2): the same namespace (its mounts shared) seen from another root
   * directory; ".." at that root stays there.
   */
  withRoot(root: Inode): MountNamespace {
    return new MountNamespace(root, this.mounts);
  }

  /** mount --bind / procfs: `mounted` now shows at the directory `at`. */
  mount(at: Inode, mounted: Inode): void {
    this.mounts.set(at, mounted);
  }

  /** The inode seen at a directory entry, after crossing mounts. */
  private cross(inode: Inode): Inode {
    let seen = inode;
    for (let next = this.mounts.get(seen); next; next = this.mounts.get(seen)) seen = next;
    return seen;
  }

  /** path_resolution(7): walk from the root or cwd, checking search permission on every directory. */
  lookup(
    path: string,
    cwd: string,
    creds: Credentials,
    viewer: unknown,
    follow = true,
  ): SysResult<Lookup> {
    if (path === '') return new Errno('ENOENT');
    if (path.length >= PATH_MAX) return new Errno('ENAMETOOLONG');
    return this.walk(absolute(path, cwd), creds, viewer, follow, 0);
  }

  /** The directory that would hold `path`, for creating, renaming or removing it. */
  lookupParent(
    path: string,
    cwd: string,
    creds: Credentials,
    viewer: unknown,
  ): SysResult<ParentLookup> {
    if (path === '') return new Errno('ENOENT');
    const abs = absolute(path, cwd);
    const parts = abs.split('/').filter((p) => p !== '');
    const name = parts.pop();
    if (name === undefined || name === '.' || name === '..') return new Errno('EEXIST');
    if (name.length > NAME_MAX) return new Errno('ENAMETOOLONG');
    const dir = this.walk('/' + parts.join('/'), creds, viewer, true, 0);
    if (dir instanceof Errno) return dir;
    if (dir.inode.kind !== 'dir') return new Errno('ENOTDIR');
    const existing = dir.inode.children(viewer).get(name);
    return { dir: dir.inode, dirPath: dir.path, name, existing: existing && this.cross(existing) };
  }

  private walk(
    abs: string,
    creds: Credentials,
    viewer: unknown,
    follow: boolean,
    depth: number,
  ): SysResult<Lookup> {
    const stack: { inode: Inode; name: string }[] = [];
    let current = this.cross(this.root);
    const parts = abs.split('/').filter((p) => p !== '' && p !== '.');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] as string;
      if (current.kind !== 'dir') return new Errno('ENOTDIR');
      if (!mayAccess(creds, current, MAY_EXEC)) return new Errno('EACCES');
      if (part === '..') {
        current = stack.pop()?.inode ?? current;
        continue;
      }
      if (part.length > NAME_MAX) return new Errno('ENAMETOOLONG');
      const entry = current.children(viewer).get(part);
      if (!entry) return new Errno('ENOENT');
      const isLast = i === parts.length - 1;
      if (entry.kind === 'symlink' && (follow || !isLast)) {
        if (depth >= MAX_SYMLINKS) return new Errno('ELOOP');
        const base = '/' + [...stack.map((s) => s.name), ''].join('/');
        const rest = parts.slice(i + 1).join('/');
        const link = entry.linkTarget(viewer);
        const target = link.startsWith('/') ? link : base + link;
        return this.walk(rest ? `${target}/${rest}` : target, creds, viewer, follow, depth + 1);
      }
      stack.push({ inode: current, name: part });
      current = this.cross(entry);
    }
    return { inode: current, path: '/' + stack.map((s) => s.name).join('/') };
  }
}

/** Joins a relative path to the working directory. */
export function absolute(path: string, cwd: string): string {
  return path.startsWith('/') ? path : `${cwd.replace(/\/$/, '')}/${path}`;
}
