import { Inode, type InodeKind } from './inode.ts';

export interface Ownership {
  readonly uid?: number;
  readonly gid?: number;
  readonly perm?: number;
}

/**
 * Builds a file tree directly, without processes or permission checks: what
 * an image's layers contain before anything runs. Paths are absolute.
 */
export class TreeBuilder {
  readonly root: Inode;
  private readonly mtime: number;

  constructor(mtime: number, root?: Inode) {
    this.mtime = mtime;
    this.root = root ?? new Inode({ kind: 'dir', perm: 0o755, uid: 0, gid: 0, mtime });
  }

  dir(path: string, own: Ownership = {}): Inode {
    let current = this.root;
    for (const part of parts(path)) {
      let next = current.entries.get(part);
      if (!next) {
        next = this.make('dir', 0o755, own);
        current.entries.set(part, next);
      } else if (next.kind === 'symlink') {
        next = this.follow(next);
      }
      current = next;
    }
    if (own.perm !== undefined) current.perm = own.perm;
    if (own.uid !== undefined) current.uid = own.uid;
    if (own.gid !== undefined) current.gid = own.gid;
    return current;
  }

  file(path: string, data: string, own: Ownership = {}): Inode {
    const inode = this.make('file', 0o644, own);
    inode.data = data;
    this.place(path, inode);
    return inode;
  }

  /** An executable standing for a program in the registry. */
  program(path: string, programName: string, own: Ownership = {}): Inode {
    const inode = this.make('file', 0o755, own);
    inode.program = programName;
    this.place(path, inode);
    return inode;
  }

  symlink(path: string, target: string): Inode {
    const inode = this.make('symlink', 0o777, {});
    inode.target = target;
    this.place(path, inode);
    return inode;
  }

  device(path: string, device: string, perm = 0o666): Inode {
    const inode = this.make('chardev', perm, {});
    inode.device = device;
    this.place(path, inode);
    return inode;
  }

  private make(kind: InodeKind, perm: number, own: Ownership): Inode {
    return new Inode({
      kind,
      perm: own.perm ?? perm,
      uid: own.uid ?? 0,
      gid: own.gid ?? 0,
      mtime: this.mtime,
    });
  }

  private place(path: string, inode: Inode): void {
    const names = parts(path);
    const name = names.pop();
    if (name === undefined) throw new Error(`cannot place ${path}`);
    this.dir('/' + names.join('/')).entries.set(name, inode);
  }

  /** Symlinks inside the tree (usr-merge links such as /bin -> usr/bin) resolve relative to the root. */
  private follow(link: Inode): Inode {
    const target = link.target.startsWith('/') ? link.target : '/' + link.target;
    return this.dir(target);
  }
}

function parts(path: string): string[] {
  return path.split('/').filter((p) => p !== '' && p !== '.');
}

/** A deep copy of a tree: a container's private copy of its image (copy-on-write, done eagerly). */
export function copyTree(inode: Inode): Inode {
  const copy = new Inode({
    kind: inode.kind,
    perm: inode.perm,
    uid: inode.uid,
    gid: inode.gid,
    mtime: inode.mtime,
  });
  copy.ctime = inode.ctime;
  copy.atime = inode.atime;
  copy.data = inode.data;
  copy.program = inode.program;
  copy.target = inode.target;
  copy.device = inode.device;
  copy.generate = inode.generate;
  copy.provider = inode.provider;
  for (const [name, child] of inode.entries) copy.entries.set(name, copyTree(child));
  return copy;
}
