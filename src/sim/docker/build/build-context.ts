import { utf8Length, type Inode } from '../../kernel/vfs/inode.ts';
import { imageId } from '../images/image.ts';

/** One entry of a build context: a path relative to the context directory. */
export interface ContextEntry {
  readonly path: string;
  readonly kind: 'file' | 'dir' | 'symlink';
  readonly data: string;
  readonly perm: number;
  readonly target: string;
  readonly mtime: number;
  /** An archive ADD unpacks: a base image's root file system (rootfs.tar.xz). */
  readonly archive?: Inode;
}

/** What the client sends the daemon: the context directory as a tar stream, here as its entries. */
export interface BuildContext {
  readonly entries: readonly ContextEntry[];
  /** The Dockerfile's path inside the context. */
  readonly dockerfile: string;
}

export function fileEntry(path: string, data: string, perm = 0o644, mtime = 0): ContextEntry {
  return { path, kind: 'file', data, perm, target: '', mtime };
}

/**
 * The size of the context as a tar stream (archive/tar as the docker client
 * writes it with TarWithOptions): a 512-byte header per entry (the context
 * directory itself is left out), each file's data padded to 512 bytes, and
 * two zero blocks at the end. One small Dockerfile gives 2048 bytes, the
 * "2.048kB" of `Sending build context to Docker daemon`.
 */
export function contextTarSize(context: BuildContext): number {
  let size = 1024;
  for (const entry of context.entries) {
    size += 512;
    if (entry.kind === 'file') size += Math.ceil(utf8Length(entry.data) / 512) * 512;
  }
  return size;
}

/**
 * A stable hash of an entry, standing in for the builder's source hash
 * (a tarsum-style SHA-256 of the header and content in moby): the same
 * content gives the same `file:…` in the layer's comment and the same cache key.
 */
export function contentKey(entry: ContextEntry): string {
  return imageId(`${entry.kind}\n${entry.perm.toString(8)}\n${entry.target}\n${entry.data}`);
}
