import type { Inode } from '../../kernel/vfs/inode.ts';
import { TreeBuilder } from '../../kernel/vfs/tree-builder.ts';
import { layerSize } from '../build/layer-size.ts';

/** The parts of an image's config that decide how a container starts (docker image inspect .Config). */
export interface ImageConfig {
  readonly env: readonly string[];
  readonly cmd: readonly string[] | null;
  readonly entrypoint: readonly string[] | null;
  readonly workingDir: string;
  readonly user: string;
  /** VOLUME, EXPOSE, LABEL and STOPSIGNAL of a built image (absent when the image sets none). */
  readonly volumes?: readonly string[];
  readonly exposedPorts?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly stopSignal?: string;
}

/** One row of `docker history`: a layer, or an instruction that changed only the config. */
export interface HistoryEntry {
  /** Virtual-clock milliseconds. */
  readonly created: number;
  readonly createdBy: string;
  /** Bytes the layer adds (0 for a config-only step). */
  readonly size: number;
  readonly comment: string;
}

export interface ImageDefinition {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly config: ImageConfig;
  /** Lays out the image's file system. */
  readonly build: (tree: TreeBuilder) => void;
  /**
   * The instructions its upstream Dockerfile recorded, oldest first: the
   * first one added the whole file system (its layer), the others only
   * config. Without it the image has one layer with no instruction.
   */
  readonly history?: readonly string[];
}

export interface Image {
  readonly repository: string;
  readonly tags: readonly string[];
  readonly id: string;
  readonly config: ImageConfig;
  readonly rootfs: Inode;
  /** When it was made (virtual clock, ms); its layers' history, oldest first; the image it was built on. */
  readonly created?: number;
  readonly history?: readonly HistoryEntry[];
  readonly parent?: string;
}

/** The PATH every image here sets (Docker's default for Linux containers). */
export const IMAGE_PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

/**
 * A stable 64-hex-digit id derived from a text (an image's name, a build
 * step): FNV-1a per 32-bit word with murmur3's finaliser so the words do not
 * repeat. Deterministic, not a content digest.
 */
export function imageId(name: string): string {
  let hex = '';
  for (let round = 0; hex.length < 64; round++) {
    let h = Math.imul(0x811c9dc5, round + 1) >>> 0;
    for (const ch of `${name}#${round}`) h = Math.imul(h ^ (ch.codePointAt(0) ?? 0), 0x01000193);
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    hex += (h >>> 0).toString(16).padStart(8, '0');
  }
  return hex.slice(0, 64);
}

/**
 * An image from its definition. The file system is laid out the first time
 * something looks at it (a container, the builder, `docker history`), so a
 * host boots without laying out images nobody uses.
 */
export function buildImage(definition: ImageDefinition, mtime: number): Image {
  let root: Inode | undefined;
  const rootfs = (): Inode => {
    if (root) return root;
    const tree = new TreeBuilder(mtime);
    definition.build(tree);
    root = tree.root;
    return root;
  };
  return {
    repository: definition.repository,
    tags: definition.tags,
    id: imageId(`${definition.repository}:${definition.tags[0] ?? 'latest'}`),
    config: definition.config,
    get rootfs() {
      return rootfs();
    },
    created: mtime,
    get history() {
      const size = layerSize(undefined, rootfs());
      return (definition.history ?? ['']).map((createdBy, i) => ({
        created: mtime,
        createdBy,
        size: i === 0 ? size : 0,
        comment: '',
      }));
    },
  };
}

/** The directories every Linux image has, owned by root. */
export function baseDirectories(tree: TreeBuilder): void {
  for (const dir of ['/dev', '/etc', '/home', '/proc', '/root', '/run', '/sys', '/usr/local/bin', '/usr/local/sbin', '/var/tmp']) tree.dir(dir);
  tree.dir('/root', { perm: 0o700 });
  tree.dir('/tmp', { perm: 0o1777 });
  for (const name of ['null', 'zero', 'full', 'random', 'urandom', 'tty']) tree.device(`/dev/${name}`, name);
}

/** Debian's merged /usr (since Debian 12): /bin, /sbin and /lib are links into /usr. */
export function usrMerge(tree: TreeBuilder): void {
  for (const dir of ['/usr/bin', '/usr/sbin', '/usr/lib']) tree.dir(dir);
  tree.symlink('/bin', 'usr/bin');
  tree.symlink('/sbin', 'usr/sbin');
  tree.symlink('/lib', 'usr/lib');
}

