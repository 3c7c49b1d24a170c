import type { Inode } from '../../kernel/vfs/inode.ts';

/**
 * The size of the layer a step adds: the bytes of every file and symlink that
 * is new or changed between the parent's tree and the step's tree (what the
 * overlay upper directory holds; directories and deletions count nothing, as
 * moby's directory.Size sums regular entries). Programs, which stand for
 * binaries, are files of 0 bytes in the simulator.
 */
export function layerSize(before: Inode | undefined, after: Inode): number {
  let size = 0;
  for (const [name, child] of after.entries) {
    const old = before?.entries.get(name);
    if (child.kind === 'dir') {
      size += layerSize(old?.kind === 'dir' ? old : undefined, child);
      continue;
    }
    if (!old || changed(old, child)) size += child.size;
  }
  return size;
}

function changed(a: Inode, b: Inode): boolean {
  return (
    a.kind !== b.kind ||
    a.data !== b.data ||
    a.program !== b.program ||
    a.target !== b.target ||
    a.perm !== b.perm ||
    a.uid !== b.uid ||
    a.gid !== b.gid ||
    a.mtime !== b.mtime
  );
}
