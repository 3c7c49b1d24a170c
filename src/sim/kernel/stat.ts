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
  /** st_blocks: 512-byte blocks allocated (whole 4 KiB pages, as on ext4 and tmpfs). */
  readonly blocks: number;
  /** st_rdev of a character device: its major and minor numbers (0, 0 for other files). */
  readonly rdev: { readonly major: number; readonly minor: number };
  readonly mtime: number;
  readonly ctime: number;
  readonly atime: number;
}

export interface DirectoryEntry {
  readonly name: string;
  readonly kind: InodeKind;
}

/**
 * Major and minor numbers of the character devices (the kernel's
 * Documentation/admin-guide/devices.txt: memory devices are major 1).
 */
export const DEVICE_NUMBERS: Readonly<Record<string, readonly [number, number]>> = {
  null: [1, 3],
  zero: [1, 5],
  full: [1, 7],
  random: [1, 8],
  urandom: [1, 9],
  tty: [5, 0],
};

export function statOf(inode: Inode, ino: number): FileStat {
  let nlink = 1;
  if (inode.kind === 'dir') {
    nlink = 2;
    for (const child of inode.entries.values()) if (child.kind === 'dir') nlink++;
  }
  const size = inode.size;
  const [major, minor] =
    inode.kind === 'chardev' ? (DEVICE_NUMBERS[inode.device] ?? [0, 0]) : [0, 0];
  return {
    ino,
    kind: inode.kind,
    mode: inode.mode,
    nlink,
    uid: inode.uid,
    gid: inode.gid,
    size,
    blocks: inode.kind === 'file' || inode.kind === 'dir' ? Math.ceil(size / 4096) * 8 : 0,
    rdev: { major, minor },
    mtime: inode.mtime,
    ctime: inode.ctime,
    atime: inode.atime,
  };
}
