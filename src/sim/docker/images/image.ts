import type { Inode } from '../../kernel/vfs/inode.ts';
import { TreeBuilder } from '../../kernel/vfs/tree-builder.ts';

/** The parts of an image's config that decide how a container starts (docker image inspect .Config). */
export interface ImageConfig {
  readonly env: readonly string[];
  readonly cmd: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  readonly workingDir: string;
  readonly user: string;
}

export interface ImageDefinition {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly config: ImageConfig;
  /** Lays out the image's file system. */
  readonly build: (tree: TreeBuilder) => void;
}

export interface Image {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly id: string;
  readonly config: ImageConfig;
  readonly rootfs: Inode;
}

/** The PATH every image here sets (Docker's default for Linux containers). */
export const IMAGE_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/** A stable 64-hex-digit id derived from the image's name (FNV-1a, repeated): deterministic, not a content digest. */
export function imageId(name: string): string {
  let hex = '';
  for (let round = 0; hex.length < 64; round++) {
    let h = 0x811c9dc5 ^ round;
    for (const ch of `${round}:${name}`) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return hex.slice(0, 64);
}

export function buildImage(definition: ImageDefinition, mtime: number): Image {
  const tree = new TreeBuilder(mtime);
  definition.build(tree);
  return {
    repository: definition.repository,
    tags: definition.tags,
    id: imageId(`${definition.repository}:${definition.tags[0] ?? 'latest'}`),
    config: definition.config,
    rootfs: tree.root,
  };
}

/** The directories every Linux image has, owned by root. */
export function baseDirectories(tree: TreeBuilder): void {
  for (const dir of ['/dev', '/etc', '/home', '/proc', '/root', '/run', '/sys', '/usr/local/bin', '/usr/local/sbin', '/var/tmp']) tree.dir(dir);
  tree.dir('/root', { perm: 0o700 });
  tree.dir('/tmp', { perm: 0o1777 });
  tree.device('/dev/null', 'null');
  tree.device('/dev/zero', 'zero');
}

/** Debian's merged /usr (since Debian 12): /bin, /sbin and /lib are links into /usr. */
export function usrMerge(tree: TreeBuilder): void {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/lib']) tree.dir(dir);
  tree.symlink('/bin', 'usr/bin');
  tree.symlink('/sbin', 'usr/sbin');
  tree.symlink('/lib', 'usr/lib');
}

