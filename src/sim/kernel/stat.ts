import type { Inode, InodeKind } from './vfs/inode.ts';

/** What stat(2) tells about a file. */
export interface FileStat {
  readonly ino: number;
  readonly kind: InodeKind;
  readonly mode: number;
  readonly nlink: number;
  readonly uid: number;
  readonly gid: number;
  readonly size: number;
  readonly mtime: number;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: InodeKind;
}

export function statOf(inode: Inode): FileStat {
  let nlink = 1;
  if (inode.kind === 'dir') {
    nlink = 2;
    for (const child of inode.entries.values()) if (child.kind === 'dir') nlink++;
  }
  return {
    ino: inode.ino,
    kind: inode.kind,
    mode: inode.mode,
    nlink,
    uid: inode.uid,
    gid: inode.gid,
    size: inode.size,
    mtime: inode.mtime,
  };
}
