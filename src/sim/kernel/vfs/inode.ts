/**
 * Inodes of the simulated file system. Modes use the octal bits of stat(2)
 * (S_IFDIR, S_ISUID …) so `ls -l` and permission checks read them as Linux does.
 */
export const S_IFMT = 0o170000;
export const S_IFREG = 0o100000;
export const S_IFDIR = 0o040000;
export const S_IFLNK = 0o120000;
export const S_IFCHR = 0o020000;
export const S_ISUID = 0o4000;
export const S_ISGID = 0o2000;
export const S_ISVTX = 0o1000;

export type InodeKind = 'file' | 'dir' | 'symlink' | 'chardev';

/** Generates the entries of a synthetic directory (procfs) for the process looking at it. */
export type DirectoryProvider = (viewer: unknown) => Map<string, Inode>;

export interface InodeInit {
  readonly kind: InodeKind;
  readonly perm: number;
  readonly uid: number;
  readonly gid: number;
  readonly mtime: number;
}

/**
 * An inode. Its number is given by the kernel of the host that first looks
 * at it (Kernel.inodeNumber), so every host numbers its files alike.
 */
export class Inode {
  readonly kind: InodeKind;
  perm: number;
  uid: number;
  gid: number;
  /** Times in ms since the epoch: last modification, last status change, last access. */
  mtime: number;
  ctime: number;
  atime: number;
  /** Regular file contents. */
  data = '';
  /** For an executable that stands for a simulated program: its name in the registry. */
  program: string | undefined;
  /** Directory entries (not "." and ".."). */
  readonly entries = new Map<string, Inode>();
  /** A synthetic directory computes its entries on every lookup. */
  provider: DirectoryProvider | undefined;
  /** Symlink target. */
  target = '';
  /** A synthetic symlink computes its target for the process resolving it (/proc/self). */
  dynamicTarget: ((viewer: unknown) => string) | undefined;
  /** Character device name ("null", "zero", "tty"). */
  device = '';
  /** Synthetic file contents, computed when read (procfs). */
  generate: (() => string) | undefined;

  constructor(init: InodeInit) {
    this.kind = init.kind;
    this.perm = init.perm & 0o7777;
    this.uid = init.uid;
    this.gid = init.gid;
    this.mtime = this.ctime = this.atime = init.mtime;
  }

  /** The contents changed (a write, an entry added or removed): mtime and ctime. */
  modified(now: number): void {
    this.mtime = this.ctime = now;
  }

  /** Only the inode changed (owner, mode, times): ctime. */
  changed(now: number): void {
    this.ctime = now;
  }

  get mode(): number {
    const type = { file: S_IFREG, dir: S_IFDIR, symlink: S_IFLNK, chardev: S_IFCHR }[this.kind];
    return type | this.perm;
  }

  get size(): number {
    if (this.kind === 'file') return this.generate ? 0 : utf8Length(this.data);
    if (this.kind === 'symlink') return this.target.length;
    if (this.kind === 'dir') return 4096;
    return 0;
  }

  read(): string {
    return this.generate ? this.generate() : this.data;
  }

  linkTarget(viewer: unknown): string {
    return this.dynamicTarget ? this.dynamicTarget(viewer) : this.target;
  }

  /** Entries of a directory as the viewer sees them. */
  children(viewer: unknown): Map<string, Inode> {
    return this.provider ? this.provider(viewer) : this.entries;
  }
}

/** Bytes the text takes in UTF-8, as stat(2) would report the size. */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}
